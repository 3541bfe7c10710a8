import { Injectable } from '@nestjs/common';
import { visibleCasesSql } from '@ruta/case';
import { Actor, modifyReturning, reachesSql, workAddresseeColumns } from '@ruta/core';
import { EntityManager, QueryFailedError } from 'typeorm';

export interface ReferralRow {
  id: string; case_id: string; service_type: string; shelter_id: string | null; agency_code: string; agency_es: string;
  agency_en: string; status: 'pending' | 'accepted' | 'declined' | 'cancelled' | 'completed'; reason_enc: string | null;
  parent_referral_id: string | null; placement_id: string | null; response_task_id: string | null; created_at: Date;
  cancel_reason_code: 'case_closed' | null;
}

const SELECT = `SELECT r.*, a.name_es AS agency_es, a.name_en AS agency_en,
  (SELECT p.id FROM placements p WHERE p.referral_id = r.id) AS placement_id
  FROM referrals r JOIN agencies a ON a.code = r.agency_code`;

/** A row of GET /referrals: the referral, its case's number, status and minor flag, and the admission if any. */
export interface ReferralListRow extends ReferralRow {
  case_number: string; case_status: string; is_minor: boolean; admitted_at: Date | null;
  /** The keyset: settled (not pending), created_at at full precision, id. */
  settled: boolean; created_key: string;
}

export interface ReferralListFilter {
  statuses?: string[];
  caseId?: string;
  after?: { settled: boolean; createdAt: string; id: string };
  limit: number;
}

export interface ShelterRow {
  id: string; operator_code: string; capacity: number; occupied: number; eligible_sexes: string[]; min_age: number | null;
  max_age: number | null; exploitation_forms: string[]; accompanying_children: boolean; active: boolean;
}

@Injectable()
export class ReferralRepository {
  async insert(m: EntityManager, r: {
    caseId: string; serviceType: string; shelterId: string | null; agency: string; reasonEnc: string; parentId: string | null;
    reviewId: string | null; consentBasis: string; overrideEnc: string | null; createdBy: string;
  }): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO referrals (case_id, service_type, shelter_id, agency_code, reason_enc, parent_referral_id, review_id, consent_basis,
         override_justification_enc, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [r.caseId, r.serviceType, r.shelterId, r.agency, r.reasonEnc, r.parentId, r.reviewId, r.consentBasis, r.overrideEnc, r.createdBy]);
    return row.id;
  }

  async setResponseTask(m: EntityManager, id: string, taskId: string): Promise<void> {
    await m.query(`UPDATE referrals SET response_task_id = $2 WHERE id = $1`, [id, taskId]);
  }

  async find(m: EntityManager, id: string, lock = false): Promise<ReferralRow | undefined> {
    const [row] = await m.query(lock ? `${SELECT} WHERE r.id = $1 FOR UPDATE OF r` : `${SELECT} WHERE r.id = $1`, [id]);
    return row;
  }

  async forCase(m: EntityManager, caseId: string): Promise<ReferralRow[]> {
    return m.query(`${SELECT} WHERE r.case_id = $1 ORDER BY r.created_at, r.id`, [caseId]);
  }

  /**
   * One page (and one more row) of the referrals addressed to the actor (the one addressing rule,
   * libs/core/src/access/addressee.ts), and for the case-analysis team every referral, as it sees every
   * referral of the cases it sees; the case must be one the actor may see (the access policy). Pending
   * first, then newest.
   */
  async addressedTo(m: EntityManager, actor: Actor, f: ReferralListFilter): Promise<ReferralListRow[]> {
    const params: unknown[] = [actor.roles, actor.unitCode, actor.agencyCode, actor.shelterId];
    const bind = (value: unknown) => { params.push(value); return `$${params.length}`; };
    const where = [
      `(${reachesSql(actor, workAddresseeColumns('r'), bind)} OR 'committee_member' = ANY($1::text[]))`,
      visibleCasesSql('c', { roles: '$1::text[]', unit: '$2', agency: '$3', shelter: '$4' }),
    ];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql.replace(/\?/g, () => bind(values.shift())));
    };
    if (f.statuses && f.statuses.length > 0) add('r.status = ANY(?::text[])', f.statuses);
    if (f.caseId) add('r.case_id = ?::uuid', f.caseId);
    if (f.after) {
      add(`((r.status <> 'pending') > ?::boolean OR ((r.status <> 'pending') = ?::boolean AND (r.created_at, r.id) < (?::timestamptz, ?::uuid)))`,
        f.after.settled, f.after.settled, f.after.createdAt, f.after.id);
    }
    params.push(f.limit + 1);
    return m.query(
      `SELECT r.*, a.name_es AS agency_es, a.name_en AS agency_en, p.id AS placement_id, p.admitted_at,
         c.case_number, c.status AS case_status, c.is_minor, (r.status <> 'pending') AS settled, r.created_at::text AS created_key
       FROM referrals r JOIN agencies a ON a.code = r.agency_code JOIN cases c ON c.id = r.case_id
       LEFT JOIN placements p ON p.referral_id = r.id
       WHERE ${where.join('\n AND ')}
       ORDER BY (r.status <> 'pending'), r.created_at DESC, r.id DESC LIMIT $${params.length}`, params);
  }

  /** Moves a referral from one of `from` to `to`; false when someone else moved it first. */
  async move(m: EntityManager, id: string, from: readonly string[], to: string, by: string, reasonEnc: string | null, column = 'response_reason_enc'): Promise<boolean> {
    const rows = await modifyReturning(m,
      // responded_by/at are the answer to the referral (accepted or declined), kept when it is later completed or cancelled.
      `UPDATE referrals SET status = $3, ${column} = COALESCE($5, ${column}),
         responded_by = CASE WHEN status = 'pending' AND $3 IN ('accepted', 'declined') THEN $4 ELSE responded_by END,
         responded_at = CASE WHEN status = 'pending' AND $3 IN ('accepted', 'declined') THEN now() ELSE responded_at END
       WHERE id = $1 AND status = ANY($2::text[]) RETURNING id`, [id, from, to, by, reasonEnc]);
    return rows.length === 1;
  }

  /** Cancels a referral not yet accepted because its case closed (PRODUCT.md section 4). */
  async cancelWithCase(m: EntityManager, id: string): Promise<boolean> {
    const rows = await modifyReturning(m,
      `UPDATE referrals SET status = 'cancelled', cancel_reason_code = 'case_closed' WHERE id = $1 AND status = 'pending' RETURNING id`, [id]);
    return rows.length === 1;
  }

  /** The case's active placement, if the person is placed now. */
  async activePlacementOfCase(m: EntityManager, caseId: string): Promise<string | undefined> {
    const [row] = await m.query(`SELECT id FROM placements WHERE case_id = $1 AND status = 'active' LIMIT 1`, [caseId]);
    return row?.id;
  }

  async setDeclineReasonCode(m: EntityManager, id: string, code: string): Promise<void> {
    await m.query(`UPDATE referrals SET response_reason_code = $2 WHERE id = $1`, [id, code]);
  }

  async shelter(m: EntityManager, id: string): Promise<ShelterRow | undefined> {
    const [row] = await m.query(`SELECT * FROM shelters WHERE id = $1`, [id]);
    return row;
  }

  /**
   * Admits the person: the placement takes one of the shelter's places. The shelter's counters are kept by
   * triggers (migration 1764972000000), and the CHECK occupied <= capacity is evaluated by PostgreSQL on the
   * locked shelter row, so concurrent acceptances can never overfill a shelter. Undefined when no place is
   * free: the INSERT failed, and the transaction can only be rolled back (throw).
   */
  async insertPlacement(m: EntityManager, p: { caseId: string; shelterId: string; referralId: string; at: Date; children: number }): Promise<string | undefined> {
    try {
      const [row] = await m.query(
        `INSERT INTO placements (case_id, shelter_id, referral_id, admitted_at, accompanying_children) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [p.caseId, p.shelterId, p.referralId, p.at, p.children]);
      return row.id;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'shelters_occupancy_within_capacity') return undefined;
      throw error;
    }
  }

  async activePlacementFor(m: EntityManager, referralId: string): Promise<string | undefined> {
    const [row] = await m.query(`SELECT id FROM placements WHERE referral_id = $1 AND status = 'active'`, [referralId]);
    return row?.id;
  }

  async placement(m: EntityManager, id: string, lock = false) {
    const [row] = await m.query(`SELECT * FROM placements WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return row as { id: string; case_id: string; shelter_id: string; referral_id: string; status: string } | undefined;
  }

  async discharge(m: EntityManager, id: string, p: { at: Date; reason: string; riskEnc: string | null; by: string }): Promise<boolean> {
    const rows = await modifyReturning(m,
      `UPDATE placements SET status = 'discharged', discharged_at = $2, discharge_reason = $3, risk_assessment_enc = $4, discharged_by = $5
       WHERE id = $1 AND status = 'active' RETURNING id`, [id, p.at, p.reason, p.riskEnc, p.by]);
    return rows.length === 1;
  }

  async service(m: EntityManager, code: string): Promise<{ code: string; default_agency_code: string; response_hours: number } | undefined> {
    const [row] = await m.query(`SELECT code, default_agency_code, response_hours FROM service_types WHERE code = $1`, [code]);
    return row;
  }

  async agencyExists(m: EntityManager, code: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM agencies WHERE code = $1 AND active`, [code])).length === 1;
  }
}
