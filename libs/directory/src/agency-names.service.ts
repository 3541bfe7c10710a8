import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { refreshInBackground } from '@ruta/core';
import { DataSource } from 'typeorm';
import { AgencyRef } from './directory.types';

const REFRESH_MS = 30_000;

/**
 * Agencies appear in responses as {code, name: {es, en}} (PRODUCT.md section 13). Names change rarely
 * (an admin renames an agency), and requests read them inside their transactions: so they are loaded
 * at start-up and refreshed in the background, never read with a second connection (section 14).
 * A rename in this process refreshes at once, after its commit; other processes see it within 30 s.
 */
@Injectable()
export class AgencyNames implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AgencyNames.name);
  private cache = new Map<string, AgencyRef>();
  private stop?: () => void;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    this.stop = await refreshInBackground('AgencyNames', REFRESH_MS, () => this.refresh());
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  /** Reads every agency's names with a connection of its own: call it outside any transaction. */
  async refresh(): Promise<void> {
    const rows: { code: string; name_es: string; name_en: string }[] = await this.ds.query(`SELECT code, name_es, name_en FROM agencies`);
    this.cache = new Map(rows.map((r) => [r.code, { code: r.code, name: { es: r.name_es, en: r.name_en } }]));
  }

  /** After a change has committed: a failed read is logged, and the next background refresh mends it. */
  async refreshAfterChange(): Promise<void> {
    await this.refresh().catch((err: Error) => this.logger.warn(`agency names not refreshed: ${err.message}`));
  }

  /** From memory: no query, so it is safe inside any unit of work. */
  ref(code: string | null | undefined): AgencyRef | null {
    if (!code) return null;
    return this.cache.get(code) ?? { code, name: { es: code, en: code } };
  }
}
