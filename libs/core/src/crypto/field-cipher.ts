import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { cryptoConfig } from '../config/ruta.config';

const PREFIX = 'enc1';

export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`cannot decrypt a protected value: ${reason}`);
  }
}

/**
 * Application-level encryption of identity fields, confidential notes and attachments (PRODUCT.md
 * section 12): AES-256-GCM, a fresh 96-bit IV per value, the key id stored with the value so that keys can
 * rotate. A value sealed under one key never opens under another (GCM authentication fails).
 */
@Injectable()
export class FieldCipher {
  private readonly keys: Map<string, Buffer>;

  constructor(@Inject(cryptoConfig.KEY) private readonly config: ConfigType<typeof cryptoConfig>) {
    this.keys = new Map(config.keys.map((k) => [k.id, k.key]));
  }

  encrypt(plain: string): string;
  encrypt(plain: string | null | undefined): string | null;
  encrypt(plain: string | null | undefined): string | null {
    if (plain === null || plain === undefined) return null;
    return this.sealString(plain);
  }

  decrypt(sealed: string): string;
  decrypt(sealed: string | null | undefined): string | null;
  decrypt(sealed: string | null | undefined): string | null {
    if (sealed === null || sealed === undefined) return null;
    const [prefix, keyId, iv, tag, data] = sealed.split('.');
    if (prefix !== PREFIX || !keyId || !iv || !tag || data === undefined) throw new DecryptionError('malformed value');
    const key = this.keys.get(keyId);
    if (!key) throw new DecryptionError(`unknown key id ${keyId}`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError('authentication failed (wrong key or altered value)');
    }
  }

  encryptJson(value: unknown): string | null {
    return value === null || value === undefined ? null : this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(sealed: string | null | undefined): T | null {
    const plain = this.decrypt(sealed);
    return plain === null ? null : (JSON.parse(plain) as T);
  }

  /** Binary payloads (attachments): keyId(1 length byte + id) | iv(12) | tag(16) | ciphertext. */
  encryptBytes(plain: Buffer): Buffer {
    const keyId = this.config.activeKeyId;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(keyId)!, iv);
    cipher.setAAD(Buffer.from(keyId));
    const data = Buffer.concat([cipher.update(plain), cipher.final()]);
    const id = Buffer.from(keyId);
    return Buffer.concat([Buffer.from([id.length]), id, iv, cipher.getAuthTag(), data]);
  }

  decryptBytes(sealed: Buffer): Buffer {
    const idLength = sealed[0];
    const keyId = sealed.subarray(1, 1 + idLength).toString();
    const key = this.keys.get(keyId);
    if (!key) throw new DecryptionError(`unknown key id ${keyId}`);
    const iv = sealed.subarray(1 + idLength, 13 + idLength);
    const tag = sealed.subarray(13 + idLength, 29 + idLength);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(29 + idLength)), decipher.final()]);
    } catch {
      throw new DecryptionError('authentication failed (wrong key or altered value)');
    }
  }

  /** Keyed hash for exact-match search (duplicates) without storing plaintext. */
  blindIndex(value: string, purpose: string): string {
    return createHmac('sha256', this.config.hashKey).update(`${purpose}\u0000${value}`).digest('base64url');
  }

  private sealString(plain: string): string {
    const keyId = this.config.activeKeyId;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(keyId)!, iv);
    cipher.setAAD(Buffer.from(keyId));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [PREFIX, keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }
}
