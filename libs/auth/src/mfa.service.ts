import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { authConfig, FieldCipher } from '@ruta/core';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { DataSource } from 'typeorm';
import { TokenService } from './token.service';
import { UserRow, UsersRepository } from './users.repository';

export interface MfaChallenge {
  mfaRequired: true;
  mfaToken: string;
  /** Only on the first sign-in of a user without a second factor: the secret to add to an authenticator app. */
  enrollment?: { secret: string; otpauthUri: string };
}

/** TOTP second factor (RFC 6238) for the roles in MFA_ROLES (PRODUCT.md section 12). Secrets are encrypted. */
@Injectable()
export class MfaService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly cipher: FieldCipher,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  required(user: UserRow): boolean {
    return user.roles.some((role) => this.config.mfaRoles.includes(role));
  }

  async challenge(user: UserRow): Promise<MfaChallenge> {
    let enrollment: MfaChallenge['enrollment'];
    if (!user.mfa_secret) {
      const secret = generateSecret();
      await this.users.setMfaSecret(this.ds.manager, user.id, this.cipher.encrypt(secret));
      const stored = await this.users.findById(this.ds.manager, user.id);
      const current = this.cipher.decrypt(stored!.mfa_secret!);
      enrollment = { secret: current, otpauthUri: generateURI({ issuer: 'Ruta', label: user.username, secret: current }) };
    }
    const mfaToken = this.tokens.signStep('mfa', user.id, 300);
    return { mfaRequired: true, mfaToken, ...(enrollment ? { enrollment } : {}) };
  }

  /** The user behind a valid, unexpired MFA token, or null. */
  userIdFrom(mfaToken: string): string | null {
    return this.tokens.verifyStep('mfa', mfaToken)?.sub ?? null;
  }

  verify(user: UserRow, code: string): boolean {
    if (!user.mfa_secret) return false;
    try {
      return verifySync({ secret: this.cipher.decrypt(user.mfa_secret), token: code, epochTolerance: 30 }).valid;
    } catch {
      return false;
    }
  }
}
