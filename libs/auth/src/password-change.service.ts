import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { authConfig } from '@ruta/core';
import { createHash } from 'node:crypto';
import { UserRow } from './users.repository';

/** Who set a one-time password and when: shown to the user so that a misuse is seen (PRODUCT.md section 2). */
export interface PasswordResetInfo {
  by: { username: string; displayName: string } | null;
  at: string | null;
}

export interface PasswordChangeChallenge {
  passwordChangeRequired: true;
  passwordChangeToken: string;
  resetBy: PasswordResetInfo['by'];
  resetAt: PasswordResetInfo['at'];
}

const AUDIENCE = 'ruta-password-change';

/**
 * The step after a one-time password (set by an admin) is accepted: a short-lived token that allows
 * only choosing a new password, tied to the one-time password's hash so that it works once.
 */
@Injectable()
export class PasswordChangeService {
  constructor(private readonly jwt: JwtService, @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>) {}

  required(user: UserRow): boolean {
    return user.password_change_required;
  }

  resetInfo(user: UserRow): PasswordResetInfo {
    return {
      by: user.reset_by_username ? { username: user.reset_by_username, displayName: user.reset_by_display_name! } : null,
      at: user.password_reset_at ? new Date(user.password_reset_at).toISOString() : null,
    };
  }

  challenge(user: UserRow): PasswordChangeChallenge {
    const passwordChangeToken = this.jwt.sign({ purpose: 'password_change', ph: fingerprint(user.password_hash) }, {
      subject: user.id, audience: AUDIENCE, issuer: this.config.jwtIssuer, expiresIn: 600, algorithm: 'HS256', secret: this.config.jwtSecret,
    });
    const info = this.resetInfo(user);
    return { passwordChangeRequired: true, passwordChangeToken, resetBy: info.by, resetAt: info.at };
  }

  /** The user id behind a valid, unexpired token, with the fingerprint of the password it may replace. */
  verify(token: string): { userId: string; passwordFingerprint: string } | null {
    try {
      const claims = this.jwt.verify<{ sub: string; purpose: string; ph: string }>(token, {
        audience: AUDIENCE, issuer: this.config.jwtIssuer, algorithms: ['HS256'], secret: this.config.jwtSecret,
      });
      return claims.purpose === 'password_change' && typeof claims.ph === 'string' ? { userId: claims.sub, passwordFingerprint: claims.ph } : null;
    } catch {
      return null;
    }
  }

  matches(user: UserRow, passwordFingerprint: string): boolean {
    return user.password_change_required && fingerprint(user.password_hash) === passwordFingerprint;
  }
}

function fingerprint(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 22);
}
