import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { canonicalJsonOf } from './canonical-json';
import { FieldCipher } from '../crypto/field-cipher';
import { modifyReturning } from '../database/sql';
import { ProblemException } from '../errors/problem.exception';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

const ABANDONED_AFTER_MS = 5 * 60 * 1000;

/**
 * Idempotency-Key (PRODUCT.md section 13): the same key and body give the original answer, the same key
 * with another body 422, and a key whose first request is still running 409. The answer is stored
 * (encrypted: it may hold personal data) in the same transaction as the change it describes.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly cipher: FieldCipher) {}

  async run<T>(
    scope: { userId: string; route: string; key: string | undefined; body: unknown },
    work: (m: EntityManager) => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentResult<T>> {
    if (scope.key === undefined) {
      const result = await this.ds.transaction(work);
      return { ...result, replayed: false };
    }
    if (!/^[\x21-\x7e]{1,200}$/.test(scope.key)) {
      throw ProblemException.badRequest('validation_failed', { errors: [{ path: 'Idempotency-Key', message: 'must be 1-200 visible ASCII characters' }] });
    }
    const hash = createHash('sha256').update(canonicalJsonOf(scope.body)).digest('hex');
    const claimed = await modifyReturning(this.ds.manager,
      `INSERT INTO idempotency_keys (user_id, route, key, request_hash, state) VALUES ($1, $2, $3, $4, 'in_progress')
       ON CONFLICT (user_id, route, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE idempotency_keys.state = 'in_progress' AND idempotency_keys.created_at < now() - make_interval(secs => $5)
       RETURNING key`,
      [scope.userId, scope.route, scope.key, hash, ABANDONED_AFTER_MS / 1000]);
    if (claimed.length === 0) return this.replay<T>(scope, hash);
    try {
      const result = await this.ds.transaction(async (m) => {
        const out = await work(m);
        await m.query(
          `UPDATE idempotency_keys SET state = 'done', response_status = $4, response_enc = $5 WHERE user_id = $1 AND route = $2 AND key = $3`,
          [scope.userId, scope.route, scope.key, out.status, this.cipher.encryptJson(out.body)]);
        return out;
      });
      return { ...result, replayed: false };
    } catch (err) {
      await this.ds.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3 AND state = 'in_progress'`,
        [scope.userId, scope.route, scope.key]);
      throw err;
    }
  }

  private async replay<T>(scope: { userId: string; route: string; key?: string }, hash: string): Promise<IdempotentResult<T>> {
    const [row] = await this.ds.query(
      `SELECT request_hash, state, response_status, response_enc FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3`,
      [scope.userId, scope.route, scope.key]);
    if (!row) throw ProblemException.conflict('idempotency_in_progress');
    if (row.request_hash !== hash) throw ProblemException.unprocessable('idempotency_key_reused');
    if (row.state !== 'done') throw ProblemException.conflict('idempotency_in_progress');
    return { status: row.response_status, body: this.cipher.decryptJson<T>(row.response_enc) as T, replayed: true };
  }

  /**
   * Retention (PRODUCT.md section 12): a stored answer may hold a victim's identity (an intake's), so none
   * outlives the retention period of the cases it could describe.
   */
  async purgeCreatedBefore(cutoff: Date): Promise<number> {
    const rows = await modifyReturning(this.ds.manager, `DELETE FROM idempotency_keys WHERE created_at < $1 RETURNING key`, [cutoff]);
    return rows.length;
  }
}
