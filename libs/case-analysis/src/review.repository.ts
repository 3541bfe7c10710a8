import { Injectable } from '@nestjs/common';
import { modifyReturning } from '@ruta/core';
import { EntityManager } from 'typeorm';

export interface ReviewRow {
  id: string; case_id: string; status: 'open' | 'decided'; decision: string | null; rationale_enc: string | null;
  lead_agency: string | null; plan: Record<string, unknown> | null; created_referral_ids: string[]; visa_request_id: string | null;
  opened_at: Date; decided_at: Date | null; members: string[];
}

const SELECT = `SELECT r.*, COALESCE((SELECT array_agg(user_id::text ORDER BY user_id) FROM review_members WHERE review_id = r.id), '{}') AS members
  FROM reviews r`;

@Injectable()
export class ReviewRepository {
  async open(m: EntityManager, caseId: string, by: string): Promise<string> {
    const [row] = await m.query(`INSERT INTO reviews (case_id, opened_by) VALUES ($1, $2) RETURNING id`, [caseId, by]);
    return row.id;
  }

  async find(m: EntityManager, id: string, lock = false): Promise<ReviewRow | undefined> {
    const [row] = await m.query(`${SELECT} WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`, [id]);
    return row;
  }

  async forCase(m: EntityManager, caseId: string): Promise<ReviewRow[]> {
    return m.query(`${SELECT} WHERE r.case_id = $1 ORDER BY r.opened_at, r.id`, [caseId]);
  }

  /** Every active committee member (the members a review may record as present), by agency then name. */
  async allCommitteeMembers(m: EntityManager): Promise<{ id: string; display_name: string; agency_code: string }[]> {
    return m.query(`SELECT id, display_name, agency_code FROM users WHERE 'committee_member' = ANY(roles) AND NOT disabled ORDER BY agency_code, display_name, id`);
  }

  /** Committee members among the given users, with their agencies (disabled users do not count). */
  async committeeMembers(m: EntityManager, userIds: string[]): Promise<{ id: string; agency_code: string }[]> {
    return m.query(`SELECT id, agency_code FROM users WHERE id = ANY($1::uuid[]) AND 'committee_member' = ANY(roles) AND NOT disabled`, [userIds]);
  }

  async decide(m: EntityManager, id: string, d: {
    decision: string; rationaleEnc: string; lead: string | null; plan: unknown; referralIds: string[]; visaId: string | null; by: string; at: Date;
    members: { id: string; agency_code: string }[];
  }): Promise<boolean> {
    const rows = await modifyReturning(m,
      `UPDATE reviews SET status = 'decided', decision = $2, rationale_enc = $3, lead_agency = $4, plan = $5, created_referral_ids = $6,
         visa_request_id = $7, decided_by = $8, decided_at = $9 WHERE id = $1 AND status = 'open' RETURNING id`,
      [id, d.decision, d.rationaleEnc, d.lead, d.plan === null ? null : JSON.stringify(d.plan), d.referralIds, d.visaId, d.by, d.at]);
    if (rows.length !== 1) return false;
    for (const member of d.members) {
      await m.query(`INSERT INTO review_members (review_id, user_id, agency_code) VALUES ($1, $2, $3)`, [id, member.id, member.agency_code]);
    }
    return true;
  }
}
