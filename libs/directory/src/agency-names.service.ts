import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgencyRef } from './directory.types';

const TTL_MS = 30_000;

/**
 * Agencies appear in responses as {code, name: {es, en}} (PRODUCT.md section 13). Names change rarely
 * (an admin renames an agency): a short cache, cleared on every rename in this process.
 */
@Injectable()
export class AgencyNames {
  private cache = new Map<string, AgencyRef>();
  private loadedAt = 0;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  invalidate(): void {
    this.loadedAt = 0;
  }

  async ref(code: string | null | undefined): Promise<AgencyRef | null> {
    if (!code) return null;
    await this.load();
    return this.cache.get(code) ?? { code, name: { es: code, en: code } };
  }

  private async load(): Promise<void> {
    if (Date.now() - this.loadedAt < TTL_MS) return;
    const rows: { code: string; name_es: string; name_en: string }[] = await this.ds.query(`SELECT code, name_es, name_en FROM agencies`);
    this.cache = new Map(rows.map((r) => [r.code, { code: r.code, name: { es: r.name_es, en: r.name_en } }]));
    this.loadedAt = Date.now();
  }
}
