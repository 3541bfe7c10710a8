import { modifyReturning } from '@ruta/core';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type RotateResult = { outcome: 'rotated'; userId: string } | { outcome: 'reused'; userId: string } | { outcome: 'invalid' };

@Injectable()
export class SessionsRepository {
  async create(m: EntityManager, userId: string, refreshHash: string, expiresAt: Date): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO sessions (user_id, refresh_hash, expires_at) VALUES ($1, $2, $3) RETURNING id`,
      [userId, refreshHash, expiresAt],
    );
    return row.id;
  }

  /**
   * Rotation as compare-and-set on the current refresh hash. Presenting the previous (already rotated)
   * token means it was copied: the session is revoked.
   */
  async rotate(m: EntityManager, sessionId: string, presentedHash: string, nextHash: string): Promise<RotateResult> {
    const [row] = await modifyReturning(m, 
      `UPDATE sessions SET previous_refresh_hash = refresh_hash, refresh_hash = $3, refreshed_at = now()
       WHERE id = $1 AND refresh_hash = $2 AND revoked_at IS NULL AND expires_at > now()
       RETURNING user_id`,
      [sessionId, presentedHash, nextHash],
    );
    if (row) return { outcome: 'rotated', userId: row.user_id };
    const [reused] = await modifyReturning(m, 
      `UPDATE sessions SET revoked_at = now(), revoked_reason = 'refresh_reuse'
       WHERE id = $1 AND previous_refresh_hash = $2 AND revoked_at IS NULL RETURNING user_id`,
      [sessionId, presentedHash],
    );
    return reused ? { outcome: 'reused', userId: reused.user_id } : { outcome: 'invalid' };
  }

  async revoke(m: EntityManager, sessionId: string, refreshHash: string | null, reason: string): Promise<string | undefined> {
    const [row] = await modifyReturning(m, 
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $3
       WHERE id = $1 AND ($2::text IS NULL OR refresh_hash = $2) AND revoked_at IS NULL RETURNING user_id`,
      [sessionId, refreshHash, reason],
    );
    return row?.user_id;
  }

  async revokeAllForUser(m: EntityManager, userId: string, reason: string): Promise<number> {
    const rows = await modifyReturning(m, 
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
      [userId, reason],
    );
    return rows.length;
  }
}
