import { Injectable } from '@nestjs/common';
import { modifyReturning } from '@ruta/core';
import { EntityManager } from 'typeorm';

export interface ClosureRequestRow {
  id: string; case_id: string; reason: string; status: 'pending' | 'approved' | 'rejected'; requested_by: string; requesting_agency: string;
  requested_at: Date; decided_by: string | null; deciding_agency: string | null; decided_at: Date | null; rejection_reason_enc: string | null;
  task_id: string | null;
}

/** Closure requests (PRODUCT.md section 4): the only place that builds their queries. */
@Injectable()
export class ClosureRepository {
  /** The case's pending request, if any (at most one). */
  async pendingOfCase(m: EntityManager, caseId: string): Promise<ClosureRequestRow | undefined> {
    const [row] = await m.query(`SELECT * FROM closure_requests WHERE case_id = $1 AND status = 'pending'`, [caseId]);
    return row;
  }

  async hasPending(m: EntityManager, caseId: string): Promise<boolean> {
    return (await this.pendingOfCase(m, caseId)) !== undefined;
  }

  async insert(m: EntityManager, r: { caseId: string; reason: string; by: string; agency: string }): Promise<string> {
    const [row] = await m.query(`INSERT INTO closure_requests (case_id, reason, requested_by, requesting_agency) VALUES ($1, $2, $3, $4) RETURNING id`,
      [r.caseId, r.reason, r.by, r.agency]);
    return row.id;
  }

  async setTask(m: EntityManager, id: string, taskId: string): Promise<void> {
    await m.query(`UPDATE closure_requests SET task_id = $2 WHERE id = $1`, [id, taskId]);
  }

  async find(m: EntityManager, id: string, lock = false): Promise<ClosureRequestRow | undefined> {
    const [row] = await m.query(`SELECT * FROM closure_requests WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return row;
  }

  /** Decides a pending request; false when someone decided it first. */
  async decide(m: EntityManager, id: string, d: { status: 'approved' | 'rejected'; by: string; agency: string; at: Date; reasonEnc: string | null }): Promise<boolean> {
    const rows = await modifyReturning(m,
      `UPDATE closure_requests SET status = $2, decided_by = $3, deciding_agency = $4, decided_at = $5, rejection_reason_enc = $6
       WHERE id = $1 AND status = 'pending' RETURNING id`, [id, d.status, d.by, d.agency, d.at, d.reasonEnc]);
    return rows.length === 1;
  }

  /** When retention pseudonymized the case (PRODUCT.md section 12); null while it has not. */
  async pseudonymizedAt(m: EntityManager, caseId: string): Promise<Date | null> {
    const [row] = await m.query(`SELECT pseudonymized_at FROM cases WHERE id = $1`, [caseId]);
    return row?.pseudonymized_at ?? null;
  }
}
