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
