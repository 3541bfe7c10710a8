import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { Actor, authConfig, ProblemException, RequestMeta, rutaValidationPipe } from '@ruta/core';
import { DataSource } from 'typeorm';
import { AuthErrorCode } from './auth.exception';
import { LoginDto } from './dto/auth.dto';
import { LoginLimiter } from './login-limiter.service';
import { PasswordChangeChallenge, PasswordChangeService, PasswordResetInfo } from './password-change.service';
import { PasswordService } from './password.service';
import { SessionsRepository } from './sessions.repository';
import { MfaChallenge, MfaService } from './mfa.service';
import { TokenService } from './token.service';
import { UserRow, UsersRepository, UserView, userView } from './users.repository';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: UserView;
}

export type SignInAnswer = TokenPair | MfaChallenge | PasswordChangeChallenge;

/** The login body is checked with the same rules as every other body (unknown fields, types, NUL). */
const loginBody = rutaValidationPipe();

/** Sign-in, refresh, sign-out (PRODUCT.md section 12). */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
    private readonly audit: AuditService,
    private readonly mfa: MfaService,
    private readonly passwordChange: PasswordChangeService,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  /**
   * Sign-in. The body is validated before anything else (a number, an object, an array or a missing
   * field answers 400 with errors[], not 401), and a refused body is audited as a refused login.
   */
  async login(body: unknown, meta: RequestMeta): Promise<SignInAnswer> {
    const dto = await this.loginDto(body, meta);
    const user = await this.validateCredentials(dto.username, dto.password, meta);
    return this.afterPassword(user, meta);
  }

  private async loginDto(body: unknown, meta: RequestMeta): Promise<LoginDto> {
    try {
      // A JSON object by now: the body guard (libs/core/src/http/request-body.ts) refused anything else.
      return await loginBody.transform(body, { type: 'body', metatype: LoginDto });
    } catch (err) {
      const tried = (body as { username?: unknown } | null)?.username;
      await this.audit.recordRefusal({
        actorUsername: typeof tried === 'string' ? tried.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 64) : null,
        meta, action: 'auth.login', outcome: 'failure',
        details: { reason: 'invalid_request', fields: err instanceof ProblemException ? (err.options.errors ?? []).map((e) => e.path) : [] },
      });
      throw err;
    }
  }

  /**
   * Checks a username and password. Unknown user, wrong password and disabled user all get the same 401;
   * each failure is audited and counted against the username and the address.
   */
  async validateCredentials(username: string, password: string, meta: RequestMeta): Promise<UserRow> {
    const address = meta.clientAddress ?? 'unknown';
    await this.limiter.take(username, address).catch(async (err) => {
      await this.audit.recordRefusal({ actorUsername: username.slice(0, 64), meta, action: 'auth.login', outcome: 'denied', details: { reason: 'rate_limited' } });
      throw err;
    });
    const user = await this.users.findByUsername(this.ds.manager, username);
    const ok = await this.passwords.verify(user?.password_hash, password);
    if (!ok || !user || user.disabled) {
      await this.audit.recordAlone({
        actor: null, actorUsername: username.slice(0, 64), meta, action: 'auth.login', outcome: 'failure',
        subjectType: user ? 'user' : null, subjectId: user?.id ?? null,
        details: { reason: !user || !ok ? 'invalid_credentials' : 'disabled' },
      });
      throw ProblemException.unauthorized(AuthErrorCode.InvalidCredentials);
    }
    await this.limiter.release(username, address);
    return user;
  }

  /**
   * After the password: a one-time password (set by an admin) must be replaced first (PRODUCT.md
   * section 2); then the tokens, or a second-factor challenge for the roles that need one.
   */
  async afterPassword(user: UserRow, meta: RequestMeta): Promise<SignInAnswer> {
    if (this.passwordChange.required(user)) {
      await this.audit.recordAlone({ actorUsername: user.username, meta, action: 'auth.password_change_challenge', subjectType: 'user', subjectId: user.id });
      return this.passwordChange.challenge(user);
    }
    return this.afterPasswordChange(user, meta);
  }

  private async afterPasswordChange(user: UserRow, meta: RequestMeta): Promise<TokenPair | MfaChallenge> {
    if (!this.mfa.required(user)) return this.startSession(user, meta);
    await this.audit.recordAlone({ actorUsername: user.username, meta, action: 'auth.mfa_challenge', subjectType: 'user', subjectId: user.id });
    return this.mfa.challenge(user);
  }

  /**
   * The user replaces the one-time password an admin set. The answer is that of a sign-in (tokens, or
   * the second factor's challenge) and says who set the one-time password and when, so a misuse is seen.
   * The challenge works once: it is tied to the one-time password's hash.
   */
  async replaceOneTimePassword(token: string, newPassword: string, meta: RequestMeta): Promise<(TokenPair | MfaChallenge) & { passwordReset: PasswordResetInfo }> {
    const claim = this.passwordChange.verify(token);
    const user = claim ? await this.users.findById(this.ds.manager, claim.userId) : undefined;
    if (!claim || !user || user.disabled || !this.passwordChange.matches(user, claim.passwordFingerprint)) {
      await this.audit.recordRefusal({ actorUsername: user?.username ?? null, meta, action: 'auth.password_change', outcome: 'failure', subjectType: user ? 'user' : null, subjectId: user?.id ?? null, details: { reason: 'invalid_token' } });
      throw ProblemException.unauthorized(AuthErrorCode.InvalidToken);
    }
    if (await this.passwords.verify(user.password_hash, newPassword)) {
      throw ProblemException.unprocessable(AuthErrorCode.PasswordNotChanged, { errors: [{ path: 'newPassword', message: 'must differ from the one-time password' }] });
    }
    const newHash = await this.passwords.hash(newPassword);
    const passwordReset = this.passwordChange.resetInfo(user);
    await this.ds.transaction(async (m) => {
      if (!(await this.users.replaceOneTimePassword(m, user.id, user.password_hash, newHash))) throw ProblemException.unauthorized(AuthErrorCode.InvalidToken);
      await this.sessions.revokeAllForUser(m, user.id, 'password_reset');
      await this.audit.record(m, {
        actorUsername: user.username, meta, action: 'auth.password_change', subjectType: 'user', subjectId: user.id, changedFields: ['password'],
        details: { oneTimePasswordReplaced: true, resetBy: passwordReset.by?.username ?? null, resetAt: passwordReset.at },
      });
    });
    const changed = (await this.users.findById(this.ds.manager, user.id))!;
    return { ...(await this.afterPasswordChange(changed, meta)), passwordReset };
  }

  /** Second factor: a valid TOTP code for the challenged user starts the session; failures count like passwords. */
  async completeMfa(mfaToken: string, code: string, meta: RequestMeta): Promise<TokenPair> {
    const userId = this.mfa.userIdFrom(mfaToken);
    const user = userId ? await this.users.findById(this.ds.manager, userId) : undefined;
    if (!user || user.disabled) throw ProblemException.unauthorized(AuthErrorCode.InvalidToken);
    const address = meta.clientAddress ?? 'unknown';
    await this.limiter.take(user.username, address);
    if (!this.mfa.verify(user, code)) {
      await this.audit.recordAlone({ actorUsername: user.username, meta, action: 'auth.mfa', outcome: 'failure', subjectType: 'user', subjectId: user.id });
      throw ProblemException.unauthorized(AuthErrorCode.InvalidMfa);
    }
    await this.limiter.release(user.username, address);
    return this.startSession(user, meta);
  }

  async startSession(user: UserRow, meta: RequestMeta): Promise<TokenPair> {
    const secret = this.tokens.newRefreshSecret();
    const sessionId = await this.ds.transaction(async (m) => {
      const id = await this.sessions.create(m, user.id, TokenService.hashSecret(secret), new Date(Date.now() + this.config.refreshTtlSeconds * 1000));
      await this.audit.record(m, {
        actor: { id: user.id, username: user.username, roles: user.roles, agencyCode: user.agency_code, unitCode: user.unit_code, shelterId: user.shelter_id, sessionId: id },
        meta, action: 'auth.login', subjectType: 'session', subjectId: id,
      });
      return id;
    });
    return this.pair(user, sessionId, secret);
  }

  /** Undefined (cookie mode without the cookie) answers as an invalid token does. */
  async refresh(refreshToken: string | undefined, meta: RequestMeta): Promise<TokenPair> {
    const parsed = refreshToken === undefined ? null : TokenService.parseRefresh(refreshToken);
    if (!parsed) throw ProblemException.unauthorized(AuthErrorCode.InvalidRefreshToken);
    const next = this.tokens.newRefreshSecret();
    const result = await this.ds.transaction(async (m) => {
      const rotated = await this.sessions.rotate(m, parsed.sessionId, TokenService.hashSecret(parsed.secret), TokenService.hashSecret(next));
      if (rotated.outcome === 'invalid') return rotated;
      const user = await this.users.findById(m, rotated.userId);
      await this.audit.record(m, {
        actorUsername: user?.username, meta, action: rotated.outcome === 'rotated' ? 'auth.refresh' : 'auth.refresh_reuse',
        outcome: rotated.outcome === 'rotated' ? 'success' : 'denied', subjectType: 'session', subjectId: parsed.sessionId,
      });
      return { ...rotated, user };
    });
    if (result.outcome !== 'rotated' || !result.user || result.user.disabled) {
      throw ProblemException.unauthorized(AuthErrorCode.InvalidRefreshToken);
    }
    return this.pair(result.user, parsed.sessionId, next);
  }

  /** Revokes the session: its access tokens stop working at once, since every request checks the session. */
  async logout(actor: Actor, refreshToken: string | undefined, meta: RequestMeta): Promise<void> {
    const parsed = refreshToken ? TokenService.parseRefresh(refreshToken) : null;
    if (refreshToken && (!parsed || parsed.sessionId !== actor.sessionId)) {
      throw ProblemException.unprocessable(AuthErrorCode.InvalidRefreshToken);
    }
    await this.ds.transaction(async (m) => {
      await this.sessions.revoke(m, actor.sessionId, null, 'logout');
      await this.audit.record(m, { actor, meta, action: 'auth.logout', subjectType: 'session', subjectId: actor.sessionId });
    });
  }

  /**
   * Sign-out in cookie mode: the access token's session ends, and so does the cookie's when it names
   * another live session and carries its current refresh token (proof of holding it), for a browser whose
   * cookie moved on to a newer sign-in in another tab.
   */
  async logoutWithCookie(actor: Actor, cookieToken: string | undefined, meta: RequestMeta): Promise<void> {
    const parsed = cookieToken ? TokenService.parseRefresh(cookieToken) : null;
    await this.ds.transaction(async (m) => {
      await this.sessions.revoke(m, actor.sessionId, null, 'logout');
      await this.audit.record(m, { actor, meta, action: 'auth.logout', subjectType: 'session', subjectId: actor.sessionId });
      if (!parsed || parsed.sessionId === actor.sessionId) return;
      const owner = await this.sessions.revoke(m, parsed.sessionId, TokenService.hashSecret(parsed.secret), 'logout');
      if (owner) await this.audit.record(m, { actor, meta, action: 'auth.logout', subjectType: 'session', subjectId: parsed.sessionId, details: { fromCookie: true } });
    });
  }

  async me(actor: Actor): Promise<UserView> {
    const user = await this.users.findById(this.ds.manager, actor.id);
    if (!user) throw ProblemException.unauthorized();
    return userView(user);
  }

  private pair(user: UserRow, sessionId: string, secret: string): TokenPair {
    return {
      accessToken: this.tokens.signAccess(user.id, sessionId),
      refreshToken: `${sessionId}.${secret}`,
      expiresIn: this.config.accessTtlSeconds,
      user: userView(user),
    };
  }
}
