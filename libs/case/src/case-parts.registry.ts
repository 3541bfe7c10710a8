import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FullCase } from './access/full-case';
import { CaseReads } from './case-reads';
import { CaseRow } from './case.repository';

export type CasePartKey = 'reviews' | 'referrals' | 'carePlan' | 'visa' | 'followUp';
export type CasePartProvider<K extends CasePartKey> = (m: EntityManager, row: CaseRow, reads: CaseReads) => Promise<FullCase[K]>;

/**
 * The protocol steps own the parts of a case they write (reviews, referrals, visa...). Each registers a
 * provider here at start-up, so that the case module assembles the whole case without importing them.
 */
@Injectable()
export class CasePartsRegistry {
  private readonly providers = new Map<CasePartKey, CasePartProvider<CasePartKey>>();

  register<K extends CasePartKey>(key: K, provider: CasePartProvider<K>): void {
    if (this.providers.has(key)) throw new Error(`Case part "${key}" already has a provider`);
    this.providers.set(key, provider as CasePartProvider<CasePartKey>);
  }

  /**
   * Fills the parts asked for (all by default); the others keep their empty value and cost no query.
   * @param reads the rows already read for this answer (the case's available actions use them too)
   */
  async fill(m: EntityManager, row: CaseRow, full: FullCase, only?: readonly string[], reads = new CaseReads()): Promise<FullCase> {
    for (const [key, provider] of this.providers) {
      if (only && !only.includes(key)) continue;
      (full as unknown as Record<string, unknown>)[key] = await provider(m, row, reads);
    }
    return full;
  }
}
