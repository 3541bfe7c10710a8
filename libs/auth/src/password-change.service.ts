import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { TokenService } from './token.service';
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

/**
 * The step after a one-time password (set by an admin) is accepted: a short-lived token that allows
 * only choosing a new password, tied to the one-time password's hash so that it works once.
 */
@Injectable()
export class PasswordChangeService {
  constructor(private readonly tokens: TokenService) {}

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
    const passwordChangeToken = this.tokens.signStep('password-change', user.id, 600, { ph: fingerprint(user.password_hash) });
    const info = this.resetInfo(user);
    return { passwordChangeRequired: true, passwordChangeToken, resetBy: info.by, resetAt: info.at };
  }

  /** The user id behind a valid, unexpired token, with the fingerprint of the password it may replace. */
  verify(token: string): { userId: string; passwordFingerprint: string } | null {
    const claims = this.tokens.verifyStep('password-change', token);
    return claims && typeof claims.ph === 'string' ? { userId: claims.sub, passwordFingerprint: claims.ph } : null;
  }

  matches(user: UserRow, passwordFingerprint: string): boolean {
    return user.password_change_required && fingerprint(user.password_hash) === passwordFingerprint;
  }
}

function fingerprint(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 22);
}
