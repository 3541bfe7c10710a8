import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { auditConfig } from '@ruta/core';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface AuditHead {
  seq: number;
  hash: string;
  recordedAt: string;
}

/**
 * The chain head kept outside the database (a file on a volume the database cannot write), so that
 * entries deleted from the end of the log are detected up to the last recorded head.
 */
@Injectable()
export class AuditHeadStore {
  private readonly path: string;

  constructor(@Inject(auditConfig.KEY) config: ConfigType<typeof auditConfig>) {
    this.path = resolve(config.headFile);
  }

  async read(): Promise<AuditHead | null> {
    try {
      const parsed = JSON.parse(await readFile(this.path, 'utf8')) as AuditHead;
      return typeof parsed.seq === 'number' && typeof parsed.hash === 'string' ? parsed : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async write(head: AuditHead): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(head), { mode: 0o600 });
    await rename(tmp, this.path);
  }
}
