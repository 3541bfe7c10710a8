import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { auditConfig } from '@ruta/core';
import { DataSource } from 'typeorm';
import { AUDIT_COLUMNS, AuditRow } from '../audit.repository';
import { chainHash } from './audit-chain';
import { AuditHeadStore } from './audit-head.store';

const SEALER_LOCK = 7_400_001;
const BATCH = 2000;

/**
 * Seals committed audit entries into the HMAC chain, in order, after their transactions commit. One
 * sealer at a time (an advisory lock), so requests never wait on the chain. An entry is sealed once
 * every transaction older than it has finished (snapshot xmin), so a late commit is never skipped.
 */
@Injectable()
export class AuditSealer {
  private readonly logger = new Logger(AuditSealer.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly heads: AuditHeadStore,
    @Inject(auditConfig.KEY) private readonly config: ConfigType<typeof auditConfig>,
  ) {}

  /** Seals what is ready; returns how many entries it sealed (0 if another sealer holds the lock). */
  async sealPending(): Promise<number> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    let sealed = 0;
    let head: { seq: number; hash: string } | null = null;
    let locked = false;
    try {
      // The lock is taken before the transaction: its snapshot then starts after the previous sealer committed
      // (a lock taken by the transaction's first statement comes after that statement's snapshot, which may
      // predate the previous sealer's commit: a second sealer on a stale chain state).
      [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [SEALER_LOCK]);
      if (!locked) return 0;
      await runner.startTransaction('REPEATABLE READ');
      const [state] = await runner.query(
        `SELECT last_seq::text AS last_seq, last_hash, last_xmin::text AS last_xmin,
                pg_snapshot_xmin(pg_current_snapshot())::text AS xmin
         FROM audit_seal_state WHERE id = 1`,
      );
      let seq = Number(state.last_seq);
      let hash: string = state.last_hash;
      let afterId = '0';
      for (;;) {
        const rows: AuditRow[] = await runner.query(
          `SELECT ${AUDIT_COLUMNS} FROM audit_entries
           WHERE tx_id >= $1::xid8 AND tx_id < $2::xid8 AND id > $3::bigint ORDER BY audit_entries.id LIMIT ${BATCH}`,
          [state.last_xmin, state.xmin, afterId],
        );
        if (rows.length === 0) break;
        const seqs: string[] = [];
        const ids: string[] = [];
        const hashes: string[] = [];
        for (const row of rows) {
          seq += 1;
          hash = chainHash(this.config.hmacKey, seq, hash, row);
          seqs.push(String(seq));
          ids.push(row.id);
          hashes.push(hash);
        }
        await runner.query(
          `INSERT INTO audit_seals (seq, entry_id, hash)
           SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])`,
          [seqs, ids, hashes],
        );
        sealed += rows.length;
        afterId = rows[rows.length - 1].id;
        if (rows.length < BATCH) break;
      }
      await runner.query(
        `UPDATE audit_seal_state SET last_seq = $1, last_hash = $2, last_xmin = $3::xid8 WHERE id = 1`,
        [seq, hash, state.xmin],
      );
      await runner.commitTransaction();
      if (sealed > 0) head = { seq, hash };
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw err;
    } finally {
      if (locked) await runner.query(`SELECT pg_advisory_unlock($1)`, [SEALER_LOCK]).catch(() => undefined);
      await runner.release();
    }
    if (head) await this.heads.write({ ...head, recordedAt: new Date().toISOString() });
    return sealed;
  }
}
