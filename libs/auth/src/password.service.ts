import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { argon2id, hash, verify } from 'argon2';
import { authConfig } from '@ruta/core';

/** argon2id with configurable parameters (lighter in tests), PRODUCT.md section 12. */
@Injectable()
export class PasswordService implements OnModuleInit {
  private dummyHash = '';

  constructor(@Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>) {}

  async onModuleInit(): Promise<void> {
    // Verifying against a dummy hash for unknown users keeps their answer as slow as a wrong password.
    this.dummyHash = await this.hash('ruta-unknown-user-placeholder');
  }

  hash(password: string): Promise<string> {
    return hash(password, { type: argon2id, ...this.config.argon2 });
  }

  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    try {
      const ok = await verify(passwordHash ?? this.dummyHash, password);
      return ok && passwordHash !== undefined;
    } catch {
      return false;
    }
  }
}
