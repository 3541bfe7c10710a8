import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { authConfig } from '@ruta/core';
import { createHash, randomBytes } from 'node:crypto';

export interface AccessClaims {
  sub: string;
  sid: string;
}

export const JWT_ALGORITHMS = ['HS256'] as const;

/** The steps of signing in that hand the client a token of their own (audience `ruta-<step>`). */
export type SignInStep = 'mfa' | 'password-change';

/** Access tokens (short-lived JWT) and opaque refresh tokens "<sessionId>.<secret>" stored hashed. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService, @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>) {}

  signAccess(userId: string, sessionId: string): string {
    return this.jwt.sign({ sid: sessionId } satisfies Omit<AccessClaims, 'sub'>, {
      subject: userId,
      algorithm: 'HS256',
      audience: this.config.jwtAudience,
      issuer: this.config.jwtIssuer,
      expiresIn: this.config.accessTtlSeconds,
      secret: this.config.jwtSecret,
    });
  }

  /**
   * A short-lived token for one step of signing in (the second factor, replacing a one-time password): its
   * own audience and purpose, so it is never taken for an access token nor for another step's token.
   */
  signStep(step: SignInStep, userId: string, ttlSeconds: number, claims: Record<string, string> = {}): string {
    return this.jwt.sign({ ...claims, purpose: step }, {
      subject: userId, audience: `ruta-${step}`, issuer: this.config.jwtIssuer, expiresIn: ttlSeconds, algorithm: 'HS256', secret: this.config.jwtSecret,
    });
  }

  /** The claims of a valid, unexpired token of that step, or null. */
  verifyStep(step: SignInStep, token: string): ({ sub: string } & Record<string, unknown>) | null {
    try {
      const claims = this.jwt.verify<{ sub: string; purpose: string } & Record<string, unknown>>(token, {
        audience: `ruta-${step}`, issuer: this.config.jwtIssuer, algorithms: [...JWT_ALGORITHMS], secret: this.config.jwtSecret,
      });
      return claims.purpose === step ? claims : null;
    } catch {
      return null;
    }
  }

  newRefreshSecret(): string {
    return randomBytes(32).toString('base64url');
  }

  static hashSecret(secret: string): string {
    return createHash('sha256').update(secret).digest('hex');
  }

  static parseRefresh(token: string): { sessionId: string; secret: string } | null {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(token);
    return match ? { sessionId: match[1], secret: match[2] } : null;
  }
}
