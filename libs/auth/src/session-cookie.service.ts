import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { API_PREFIX, authConfig, CommonErrorCode, ProblemException } from '@ruta/core';
import type { CookieOptions, Request, Response } from 'express';
import { AuthErrorCode } from './auth.exception';

/** The request header by which the web app asks for cookie mode; the only value is `cookie`. */
export const SESSION_MODE_HEADER = 'X-Ruta-Session';
export const REFRESH_COOKIE = 'ruta_refresh';
/** The cookie goes only to the auth routes: no other request carries the refresh token. */
export const REFRESH_COOKIE_PATH = `/${API_PREFIX}/auth`;

export type SessionMode = 'json' | 'cookie';

/**
 * The web app's session (PRODUCT.md section 15): the refresh token lives in an HttpOnly, SameSite=Strict
 * cookie scoped to the auth routes, never in the page. Scripts and the tests keep the JSON mode, where the
 * token travels in the body.
 *
 * CSRF: the cookie is read only when the request carries the custom header (a cross-site form, image or
 * link cannot send one, and the API answers no CORS preflight), and when the browser says where the request
 * comes from (Origin, Sec-Fetch-Site) it must be this very site.
 */
@Injectable()
export class SessionCookieService {
  constructor(@Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>) {}

  /** The mode the client asked for; 400 for an unknown mode, 403 csrf_refused for cookie mode from another site. */
  mode(req: Request): SessionMode {
    const raw = req.headers[SESSION_MODE_HEADER.toLowerCase()];
    if (raw === undefined) return 'json';
    if (typeof raw !== 'string' || raw.trim().toLowerCase() !== 'cookie') {
      throw ProblemException.badRequest(AuthErrorCode.SessionModeInvalid, { errors: [{ path: SESSION_MODE_HEADER, message: 'the only accepted value is "cookie"' }] });
    }
    if (!sameOrigin(req)) throw ProblemException.forbidden(AuthErrorCode.CsrfRefused);
    return 'cookie';
  }

  /**
   * The refresh token a route should use: the body's in JSON mode (required), the cookie's in cookie mode
   * (a token in the body as well is refused, so that a client does not mix the two). Undefined when
   * cookie mode finds no cookie.
   */
  refreshToken(mode: SessionMode, req: Request, fromBody: string | undefined, required: boolean): string | undefined {
    if (mode === 'json') {
      if (required && fromBody === undefined) {
        throw ProblemException.badRequest(CommonErrorCode.ValidationFailed, { errors: [{ path: 'refreshToken', message: 'refreshToken is required (or send X-Ruta-Session: cookie)' }] });
      }
      return fromBody;
    }
    if (fromBody !== undefined) {
      throw ProblemException.badRequest(CommonErrorCode.ValidationFailed, { errors: [{ path: 'refreshToken', message: 'with X-Ruta-Session: cookie the refresh token is read from the cookie, not the body' }] });
    }
    const cookie = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
    return typeof cookie === 'string' && cookie !== '' ? cookie : undefined;
  }

  /** In cookie mode an answer's refresh token moves from the body to the cookie; other answers pass as they are. */
  deliver<T extends object>(mode: SessionMode, req: Request, res: Response, answer: T): T | Omit<T, 'refreshToken'> {
    if (mode === 'json' || !('refreshToken' in answer) || typeof answer.refreshToken !== 'string') return answer;
    const { refreshToken, ...rest } = answer;
    res.cookie(REFRESH_COOKIE, refreshToken, this.options(req, this.config.refreshTtlSeconds));
    return rest;
  }

  /** Max-Age=0 with the same Path: the browser drops the cookie. */
  clear(req: Request, res: Response): void {
    res.cookie(REFRESH_COOKIE, '', this.options(req, 0));
  }

  private options(req: Request, maxAgeSeconds: number): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
      maxAge: maxAgeSeconds * 1000,
      secure: req.secure || this.config.sessionCookieSecure,
    };
  }
}

/**
 * Whether the browser's own headers place the request on this site. Absent headers (scripts, older
 * browsers) do not refuse: the custom header is the defence there. Origin's host must equal the host the
 * request was sent to (req.host: the Host header, or X-Forwarded-Host behind a trusted proxy).
 */
export function sameOrigin(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host !== '' && host.toLowerCase() === String(req.host ?? '').toLowerCase();
}
