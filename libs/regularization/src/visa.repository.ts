import { Injectable } from '@nestjs/common';
import { modifyReturning } from '@ruta/core';
import { EntityManager } from 'typeorm';

export interface VisaRow {
  id: string; case_id: string; status: string; requested_at: Date; decided_at: Date | null; visa_number_enc: string | null;
  issued_on: string | null; expires_on: string | null; claimed_by: string | null; decision_task_id: string | null;
}

/** The latest request of a case: what the case page shows of it (with the withdrawal or denial reason) and acts on. */
export interface CaseVisaRow extends VisaRow {
  reason_enc: string | null;
}

/** The statuses of an open request; a case has at most one (unique index visa_requests_one_active), its latest. */
export const OPEN_VISA_STATUSES: readonly string[] = ['requested', 'under_review'];

/** A granted visa near its expiry, with what the visa_expiry task needs of its case. */
export interface ExpiringVisaRow {
  id: string; case_id: string; status: string; expires_on: string; lead_agency: string | null; is_minor: boolean; case_status: string;
}

/** The columns a move may set besides the status. */
export interface VisaMoveSet {
  claimed_by?: string; visa_number_enc?: string | null; issued_on?: string; expires_on?: string; decided_at?: Date;
  reason_enc?: string | null; withdrawn_by?: string;
}

const SELECT = `SELECT id, case_id, status, requested_at, decided_at, visa_number_enc, issued_on::text AS issued_on, expires_on::text AS expires_on,
  claimed_by, decision_task_id FROM visa_requests`;

/** Article 104 visa requests (PRODUCT.md section 8): the only place that builds their queries. */
@Injectable()
export class VisaRepository {
  async find(m: EntityManager, id: string, lock = false): Promise<VisaRow | undefined> {
    const [row] = await m.query(`${SELECT} WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return row;
  }

  /** One page (and one more row) of the requests, newest first, after the keyset (requested_at, id) when given. */
  async page(m: EntityManager, f: { status: string | null; after: readonly (string | number)[] | undefined; limit: number }): Promise<VisaRow[]> {
    const params: unknown[] = [f.status, f.limit + 1];
    let keyset = '';
    if (f.after) {
      params.push(f.after[0], f.after[1]);
      keyset = `AND (requested_at, id) < ($3::timestamptz, $4::uuid)`;
    }
    return m.query(`${SELECT} WHERE ($1::text IS NULL OR status = $1) ${keyset} ORDER BY requested_at DESC, id DESC LIMIT $2`, params);
  }

  async latestOfCase(m: EntityManager, caseId: string): Promise<CaseVisaRow | undefined> {
    const [row] = await m.query(`SELECT id, case_id, status, requested_at, decided_at, visa_number_enc, issued_on::text AS issued_on,
        expires_on::text AS expires_on, claimed_by, decision_task_id, reason_enc FROM visa_requests WHERE case_id = $1 ORDER BY requested_at DESC LIMIT 1`, [caseId]);
    return row;
  }

  /** The case's open request (requested or under review), if any: a case has at most one. */
  async openOfCase(m: EntityManager, caseId: string): Promise<VisaRow | undefined> {
    const [row] = await m.query(`${SELECT} WHERE case_id = $1 AND status = ANY($2::text[]) ORDER BY requested_at DESC LIMIT 1`, [caseId, OPEN_VISA_STATUSES]);
    return row;
  }

  async hasOpen(m: EntityManager, caseId: string): Promise<boolean> {
    return (await this.openOfCase(m, caseId)) !== undefined;
  }

  async insert(m: EntityManager, r: { caseId: string; reviewId: string | null; by: string }): Promise<string> {
    const [row] = await m.query(`INSERT INTO visa_requests (case_id, review_id, requested_by) VALUES ($1, $2, $3) RETURNING id`, [r.caseId, r.reviewId, r.by]);
    return row.id;
  }

  async setDecisionTask(m: EntityManager, id: string, taskId: string): Promise<void> {
    await m.query(`UPDATE visa_requests SET decision_task_id = $2 WHERE id = $1`, [id, taskId]);
  }

  /** Moves a request from one of `from` to `to`, setting `set`; false when it is no longer in `from`. */
  async move(m: EntityManager, id: string, from: readonly string[], to: string, set: VisaMoveSet): Promise<boolean> {
    const columns = Object.keys(set) as (keyof VisaMoveSet)[];
    const rows = await modifyReturning(m,
      `UPDATE visa_requests SET status = $3${columns.map((c, i) => `, ${c} = $${i + 4}`).join('')}
       WHERE id = $1 AND status = ANY($2::text[]) RETURNING id`, [id, from, to, ...columns.map((c) => set[c])]);
    return rows.length === 1;
  }

  async expiring(m: EntityManager, id: string): Promise<ExpiringVisaRow | undefined> {
    const [row] = await m.query(`SELECT v.id, v.case_id, v.status, v.expires_on::text AS expires_on, c.lead_agency, c.is_minor, c.status AS case_status
      FROM visa_requests v JOIN cases c ON c.id = v.case_id WHERE v.id = $1`, [id]);
    return row;
  }
}
