import type { Schema } from '../api/types';
import { currentLanguage } from '../i18n/language';

/**
 * The browser session (PRODUCT.md section 15): the access token lives only in this module's memory;
 * the refresh token is an HttpOnly, SameSite=Strict cookie scoped to /api/v1/auth that page scripts
 * cannot read. The header `X-Ruta-Session: cookie` asks the API for that mode and is its CSRF guard
 * (a cross-site page cannot send a custom header).
 */
/** The signed-in user as `GET /auth/me` and the sign-in answers give it (the contract's UserResponse). */
export type SessionUser = Schema<'UserResponse'>;

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut'; reason?: 'expired' | 'signedOut' }
  | { status: 'signedIn'; user: SessionUser };

export type SignInStep =
  | { kind: 'signedIn' }
  | { kind: 'mfa'; mfaToken: string }
  | { kind: 'passwordChange'; passwordChangeToken: string };

const AUTH = '/api/v1/auth';
const COOKIE_MODE = { 'X-Ruta-Session': 'cookie' } as const;

let state: SessionState = { status: 'restoring' };
let accessToken: string | null = null;
let renewTimer: ReturnType<typeof setTimeout> | undefined;
let renewing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  for (const l of listeners) l();
}

export const session = {
  get: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

async function authPost(path: string, body: unknown): Promise<Response> {
  return fetch(`${AUTH}/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLanguage(), ...COOKIE_MODE },
    body: JSON.stringify(body ?? {}),
  });
}

/** Keeps the access token and plans its renewal a little before it expires. */
function accept(token: string, expiresIn: number): void {
  accessToken = token;
  clearTimeout(renewTimer);
  const ms = Math.max(5_000, expiresIn * 1000 * 0.8);
  renewTimer = setTimeout(() => void renew(), ms);
}

async function loadUser(): Promise<SessionUser | null> {
  const res = await fetch(`${AUTH}/me`, { headers: { Authorization: `Bearer ${accessToken}`, 'Accept-Language': currentLanguage() } });
  return res.ok ? ((await res.json()) as SessionUser) : null;
}

/** Answers of the sign-in steps: tokens, or the next step the API asks for. */
async function finish(res: Response): Promise<SignInStep> {
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(body.detail ?? body.title ?? res.statusText), { problem: body, status: res.status });
  if (body.mfaRequired) return { kind: 'mfa', mfaToken: body.mfaToken };
  if (body.passwordChangeRequired) return { kind: 'passwordChange', passwordChangeToken: body.passwordChangeToken };
  accept(body.accessToken, body.expiresIn);
  hint(true);
  const user = body.user ?? (await loadUser());
  setState({ status: 'signedIn', user });
  return { kind: 'signedIn' };
}

export function signIn(username: string, password: string): Promise<SignInStep> {
  return authPost('login', { username, password }).then(finish);
}

export function verifyMfa(mfaToken: string, code: string): Promise<SignInStep> {
  return authPost('mfa', { mfaToken, code }).then(finish);
}

export function choosePassword(passwordChangeToken: string, newPassword: string): Promise<SignInStep> {
  return authPost('password', { passwordChangeToken, newPassword }).then(finish);
}

/** Renews the access token with the refresh cookie; one renewal at a time, shared by every caller. */
export function renew(): Promise<boolean> {
  renewing ??= (async () => {
    try {
      const res = await authPost('refresh', {});
      if (!res.ok) return false;
      const body = await res.json();
      accept(body.accessToken, body.expiresIn);
      if (state.status !== 'signedIn') {
        const user = body.user ?? (await loadUser());
        if (!user) return false;
        setState({ status: 'signedIn', user });
      }
      return true;
    } catch {
      return false;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

function end(reason: 'expired' | 'signedOut'): void {
  accessToken = null;
  hint(false);
  clearTimeout(renewTimer);
  setState({ status: 'signedOut', reason });
}

/**
 * Whether this browser signed in and has not signed out since: not a secret (the cookie is the
 * credential), only a hint that spares a first visit a refresh request bound to fail.
 */
const HINT = 'ruta.session';
function hint(on: boolean): void {
  try {
    if (on) localStorage.setItem(HINT, '1');
    else localStorage.removeItem(HINT);
  } catch {
    // storage refused: every start-up then tries the cookie
  }
}
function hinted(): boolean {
  try {
    return localStorage.getItem(HINT) !== null;
  } catch {
    return true;
  }
}

/** At start-up: a reload keeps the user signed in through the cookie, or shows the sign-in page. */
export async function restore(): Promise<void> {
  if (hinted() && (await renew())) return;
  hint(false);
  setState({ status: 'signedOut' });
}

export async function signOut(): Promise<void> {
  const token = accessToken;
  end('signedOut');
  await fetch(`${AUTH}/logout`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', ...COOKIE_MODE, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: '{}',
  }).catch(() => undefined);
}

/**
 * The fetch every API call goes through: the access token and the language are added, and an answer
 * 401 renews the session once and tries again; when renewal fails the session has expired (the page
 * returns to sign-in, and forms keep their drafts).
 */
export async function sessionFetch(input: Request): Promise<Response> {
  const send = (req: Request) => {
    const headers = new Headers(req.headers);
    if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
    if (!headers.has('Accept-Language')) headers.set('Accept-Language', currentLanguage());
    return fetch(new Request(req, { headers }));
  };
  const retry = input.clone();
  const res = await send(input);
  if (res.status !== 401 || input.url.includes(`${AUTH}/`)) return res;
  if (await renew()) return send(retry);
  end('expired');
  return res;
}
