import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { auditConfig } from '@ruta/core';
import { DataSource } from 'typeorm';
import { AUDIT_COLUMNS, AuditRow } from '../audit.repository';
import { chainHash, sameHash } from './audit-chain';
import { AuditHeadStore } from './audit-head.store';

export interface VerifyResult {
  valid: boolean;
  checked: number;
  /** Chain position of the first broken link. */
  firstBrokenAt?: number;
}

const PAGE = 5000;

type SealRow = AuditRow & { seq: string; seal_hash: string; entry_id: string; present: boolean };

/** Walks the chain from the start: a modified, missing or reordered entry, or a shortened log, breaks it. */
@Injectable()
export class AuditVerifier {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly heads: AuditHeadStore,
    @Inject(auditConfig.KEY) private readonly config: ConfigType<typeof auditConfig>,
  ) {}

  async verify(): Promise<VerifyResult> {
    let expected = 1;
    let previous = '';
    let checked = 0;
    const hashes = new Map<number, string>();
    const head = await this.heads.read();
    for (;;) {
      const rows: SealRow[] = await this.ds.query(
        `SELECT s.seq::text AS seq, s.entry_id::text AS entry_id, s.hash AS seal_hash, (e.id IS NOT NULL) AS present, e.*
         FROM audit_seals s
         LEFT JOIN LATERAL (SELECT ${AUDIT_COLUMNS} FROM audit_entries a WHERE a.id = s.entry_id) e ON true
         WHERE s.seq >= $1 ORDER BY s.seq LIMIT ${PAGE}`,
        [expected],
      );
      for (const row of rows) {
        const seq = Number(row.seq);
        if (seq !== expected || !row.present) return { valid: false, checked, firstBrokenAt: expected };
        const hash = chainHash(this.config.hmacKey, seq, previous, row);
        if (!sameHash(hash, row.seal_hash)) return { valid: false, checked, firstBrokenAt: seq };
        if (head && seq === head.seq) hashes.set(seq, hash);
        previous = hash;
        checked += 1;
        expected += 1;
      }
      if (rows.length < PAGE) break;
    }
    if (head && head.seq >= expected) return { valid: false, checked, firstBrokenAt: expected };
    if (head && head.seq > 0 && !sameHash(hashes.get(head.seq) ?? '', head.hash)) {
      return { valid: false, checked, firstBrokenAt: head.seq };
    }
    return { valid: true, checked };
  }
}
