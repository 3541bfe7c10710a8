import { generateSync } from 'otplib';
import type { Response } from 'supertest';
import { bootApp, DEMO_PASSWORD, TestApp } from '../support/app';

/** The web app's session (PRODUCT.md section 15): refresh token in an HttpOnly cookie, CSRF by header and origin. */
const COOKIE_MODE = { 'X-Ruta-Session': 'cookie' };

interface SetCookie {
  value: string;
  attributes: Record<string, string | true>;
}

function refreshCookie(res: Response): SetCookie | undefined {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  const line = (raw ?? []).find((c) => c.startsWith('ruta_refresh='));
  if (!line) return undefined;
  const [pair, ...attrs] = line.split(';').map((s) => s.trim());
  const attributes: Record<string, string | true> = {};
  for (const a of attrs) {
    const [k, v] = a.split('=');
    attributes[k.toLowerCase()] = v === undefined ? true : v;
  }
  return { value: decodeURIComponent(pair.slice('ruta_refresh='.length)), attributes };
}

const cookieHeader = (c: SetCookie) => `ruta_refresh=${c.value}`;

describe('Cookie session mode for the web app (PRODUCT.md section 15)', () => {
  let t: TestApp;
  let admin: string;
  let auditor: string;

  const cookieLogin = async (username: string, password = DEMO_PASSWORD) => {
    const res = await t.http().post('/api/v1/auth/login').set(COOKIE_MODE).send({ username, password }).expect(200);
    return { res, cookie: refreshCookie(res)! };
  };
  const sessionAudit = async (action: string, sessionId: string) => {
    const res = await t.http().get('/api/v1/audit').query({ action, limit: 200 }).set('Authorization', `Bearer ${auditor}`).expect(200);
    return (res.body.items as { outcome: string; subject: { id: string | null } }[]).filter((e) => e.subject.id === sessionId);
  };

  beforeAll(async () => {
    // visa_officer has a second factor here, for the MFA path.
    t = await bootApp({ MFA_ROLES: 'visa_officer' });
    admin = await t.login('admin');
    auditor = await t.login('auditor');
  });
  afterAll(() => t.close());

  it('keeps JSON mode as it was: refreshToken in the body, no cookie', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'focal.dpe', password: DEMO_PASSWORD }).expect(200);
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(res.headers['set-cookie']).toBeUndefined();
    const next = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);
    expect(Object.keys(next.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'user']);
    expect(next.headers['set-cookie']).toBeUndefined();
  });

  it('signs in with the refresh token in an HttpOnly, SameSite=Strict cookie for the auth routes, not in the body', async () => {
    const { res, cookie } = await cookieLogin('focal.dpe');
    expect(res.body.refreshToken).toBeUndefined();
    expect(res.body).toMatchObject({ accessToken: expect.any(String), expiresIn: 900, user: { username: 'focal.dpe' } });
    expect(cookie.value).toMatch(/^[0-9a-f-]{36}\./);
    expect(cookie.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/v1/auth', 'max-age': String(12 * 3600) });
    expect(cookie.attributes.secure).toBeUndefined(); // plain HTTP, no flag
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
  });

  it('refreshes from the cookie with an empty body or {}, rotates it, and revokes the session when a rotated one comes back', async () => {
    const { res: login, cookie: first } = await cookieLogin('focal.mdt');
    const sessionId = first.value.split('.')[0];
    const second = await t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE).set('Cookie', cookieHeader(first)).expect(200);
    expect(Object.keys(second.body).sort()).toEqual(['accessToken', 'expiresIn', 'user']);
    const rotated = refreshCookie(second)!;
    expect(rotated.value).not.toBe(first.value);
    expect(rotated.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/v1/auth' });
    const third = await t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE).set('Cookie', cookieHeader(rotated)).send({}).expect(200);
    const latest = refreshCookie(third)!;
    expect((await sessionAudit('auth.refresh', sessionId)).length).toBe(2);

    // The previous cookie again: a copy is in use, the whole session ends (as in JSON mode).
    const reused = await t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE).set('Cookie', cookieHeader(rotated));
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('invalid_refresh_token');
    await t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE).set('Cookie', cookieHeader(latest)).expect(401);
    await t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE).set('Cookie', cookieHeader(first)).expect(401);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${third.body.accessToken}`).expect(401);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(401);
    expect(await sessionAudit('auth.refresh_reuse', sessionId)).toEqual([expect.objectContaining({ outcome: 'denied' })]);
  });

  it('ignores the cookie without the header: the route is in JSON mode and wants refreshToken', async () => {
    const { cookie } = await cookieLogin('focal.sdh');
    const none = await t.http().post('/api/v1/auth/refresh').set('Cookie', cookieHeader(cookie));
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([expect.objectContaining({ path: 'refreshToken' })]);
    const empty = await t.http().post('/api/v1/auth/refresh').set('Cookie', cookieHeader(cookie)).send({});
    expect(empty.status).toBe(400);
    // The cookie was not used up: it still refreshes in cookie mode.
    await t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE).set('Cookie', cookieHeader(cookie)).expect(200);
  });

  it('refuses cookie mode from another site with 403 csrf_refused, in both languages', async () => {
    const { cookie } = await cookieLogin('focal.mineduc');
    const refresh = () => t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE).set('Cookie', cookieHeader(cookie));
    const crossOrigin = await refresh().set('Origin', 'https://evil.example');
    expect(crossOrigin.status).toBe(403);
    expect(crossOrigin.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(crossOrigin.body).toMatchObject({ code: 'csrf_refused', type: 'urn:ruta:problem:csrf_refused', status: 403 });
    const en = await refresh().set('Sec-Fetch-Site', 'cross-site').set('Accept-Language', 'en');
    expect(en.status).toBe(403);
    expect(en.body.code).toBe('csrf_refused');
    expect(en.body.title).not.toBe(crossOrigin.body.title);
    expect((await refresh().set('Sec-Fetch-Site', 'same-site')).status).toBe(403);
    expect((await refresh().set('Origin', 'null')).status).toBe(403);
    // A login form posted from elsewhere gets no session either.
    const login = await t.http().post('/api/v1/auth/login').set(COOKIE_MODE).set('Origin', 'https://evil.example').send({ username: 'focal.mineduc', password: DEMO_PASSWORD });
    expect(login.status).toBe(403);
    expect(login.headers['set-cookie']).toBeUndefined();
    // The same origin passes: Origin's host is the Host header.
    const host = 'ruta.example:8443';
    const same = await refresh().set('Host', host).set('Origin', `https://${host}`).set('Sec-Fetch-Site', 'same-origin');
    expect(same.status).toBe(200);
    expect(refreshCookie(same)).toBeDefined();
  });

  it('refuses an unknown session mode, a body token in cookie mode, and cookie mode without the cookie', async () => {
    const { cookie } = await cookieLogin('focal.mdi');
    const unknown = await t.http().post('/api/v1/auth/refresh').set('X-Ruta-Session', 'header').set('Cookie', cookieHeader(cookie));
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('session_mode_invalid');
    const both = await t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE).set('Cookie', cookieHeader(cookie)).send({ refreshToken: cookie.value });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ path: 'refreshToken' })]);
    const missing = await t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE);
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('invalid_refresh_token');
  });

  it('signs out by cookie: the session ends and the cookie is cleared on its path', async () => {
    const { res, cookie } = await cookieLogin('focal.fge');
    const out = await t.http().post('/api/v1/auth/logout').set(COOKIE_MODE).set('Authorization', `Bearer ${res.body.accessToken}`).set('Cookie', cookieHeader(cookie)).expect(204);
    const cleared = refreshCookie(out)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toMatchObject({ 'max-age': '0', path: '/api/v1/auth', httponly: true, samesite: 'Strict' });
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(401);
    await t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE).set('Cookie', cookieHeader(cookie)).expect(401);
    expect(await sessionAudit('auth.logout', cookie.value.split('.')[0])).toHaveLength(1);
  });

  it('signs out the cookie\'s session too when the browser\'s cookie moved on to a newer sign-in', async () => {
    const older = await cookieLogin('focal.mremh');
    const newer = await cookieLogin('focal.mremh');
    await t.http().post('/api/v1/auth/logout').set(COOKIE_MODE).set('Authorization', `Bearer ${older.res.body.accessToken}`)
      .set('Cookie', cookieHeader(newer.cookie)).expect(204);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${older.res.body.accessToken}`).expect(401);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${newer.res.body.accessToken}`).expect(401);
    await t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE).set('Cookie', cookieHeader(newer.cookie)).expect(401);
  });

  it('sets the cookie after a one-time password change and after the second factor', async () => {
    await t.http().post('/api/v1/users').set('Authorization', `Bearer ${admin}`).send({
      username: 'cookie.focal', displayName: 'Cookie focal', password: 'Cookie-One-Time-2026', agency: 'MSP', roles: ['service_focal_point'],
    }).expect(201);
    const challenge = await t.http().post('/api/v1/auth/login').set(COOKIE_MODE).send({ username: 'cookie.focal', password: 'Cookie-One-Time-2026' }).expect(200);
    expect(challenge.body.passwordChangeRequired).toBe(true);
    expect(refreshCookie(challenge)).toBeUndefined();
    const changed = await t.http().post('/api/v1/auth/password').set(COOKIE_MODE)
      .send({ passwordChangeToken: challenge.body.passwordChangeToken, newPassword: 'Cookie-Own-Choice-2026' }).expect(200);
    expect(changed.body.refreshToken).toBeUndefined();
    expect(changed.body).toMatchObject({ accessToken: expect.any(String), passwordReset: { by: { username: 'admin' } } });
    const fromPassword = refreshCookie(changed)!;
    expect(fromPassword.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/v1/auth' });
    await t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE).set('Cookie', cookieHeader(fromPassword)).expect(200);

    await t.http().post('/api/v1/users').set('Authorization', `Bearer ${admin}`).send({
      username: 'cookie.visa', displayName: 'Cookie visa', password: 'Cookie-Visa-Once-2026', agency: 'MREMH', roles: ['visa_officer'],
    }).expect(201);
    const first = await t.http().post('/api/v1/auth/login').set(COOKIE_MODE).send({ username: 'cookie.visa', password: 'Cookie-Visa-Once-2026' }).expect(200);
    const toMfa = await t.http().post('/api/v1/auth/password').set(COOKIE_MODE)
      .send({ passwordChangeToken: first.body.passwordChangeToken, newPassword: 'Cookie-Visa-Own-2026' }).expect(200);
    expect(toMfa.body.mfaRequired).toBe(true);
    expect(refreshCookie(toMfa)).toBeUndefined();
    const mfa = await t.http().post('/api/v1/auth/mfa').set(COOKIE_MODE)
      .send({ mfaToken: toMfa.body.mfaToken, code: generateSync({ secret: toMfa.body.enrollment.secret }) }).expect(200);
    expect(mfa.body.refreshToken).toBeUndefined();
    expect(mfa.body.user).toMatchObject({ username: 'cookie.visa' });
    const fromMfa = refreshCookie(mfa)!;
    expect(fromMfa.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/v1/auth' });
    await t.http().post('/api/v1/auth/refresh').set(COOKIE_MODE).set('Cookie', cookieHeader(fromMfa)).expect(200);
  });
});

describe('Secure on the session cookie', () => {
  it('is set for HTTPS behind a trusted proxy and when SESSION_COOKIE_SECURE forces it', async () => {
    const proxied = await bootApp({ TRUST_PROXY: '1', SESSION_COOKIE_SECURE: '0' });
    try {
      const login = () => proxied.http().post('/api/v1/auth/login').set(COOKIE_MODE).send({ username: 'focal.msp', password: DEMO_PASSWORD });
      expect(refreshCookie(await login().set('X-Forwarded-Proto', 'https').expect(200))!.attributes.secure).toBe(true);
      expect(refreshCookie(await login().expect(200))!.attributes.secure).toBeUndefined();
    } finally {
      await proxied.close();
    }
    const forced = await bootApp({ TRUST_PROXY: '0', SESSION_COOKIE_SECURE: '1' });
    try {
      const res = await forced.http().post('/api/v1/auth/login').set(COOKIE_MODE).send({ username: 'focal.msp', password: DEMO_PASSWORD }).expect(200);
      expect(refreshCookie(res)!.attributes.secure).toBe(true);
    } finally {
      await forced.close();
    }
  });
});
