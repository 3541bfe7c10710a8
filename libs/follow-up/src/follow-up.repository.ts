import { Injectable } from '@nestjs/common';
import { modifyReturning } from '@ruta/core';
import { EntityManager } from 'typeorm';

export interface CheckinRow {
  id: string; plan_id: string; case_id: string; sequence: number; months_after_start: number; due_date: string; agency_code: string;
  status: 'scheduled' | 'due' | 'done'; outcome: string | null; notes_enc: string | null; new_needs_enc: string | null; task_id: string | null; recorded_at: Date | null;
}

const CHECKIN_SELECT = `SELECT id, plan_id, case_id, sequence, months_after_start, due_date::text AS due_date, agency_code, status, outcome,
  notes_enc, new_needs_enc, task_id, recorded_at FROM follow_up_checkins`;

/** The follow-up plans and their check-ins (PRODUCT.md section 9): the only place that builds their queries. */
@Injectable()
export class FollowUpRepository {
  async planExists(m: EntityManager, caseId: string): Promise<boolean> {
    return (await m.query(`SELECT id FROM follow_up_plans WHERE case_id = $1`, [caseId])).length > 0;
  }

  async insertPlan(m: EntityManager, p: { caseId: string; startDate: string; by: string }): Promise<string> {
    const [row] = await m.query(`INSERT INTO follow_up_plans (case_id, start_date, created_by) VALUES ($1, $2, $3) RETURNING id`,
      [p.caseId, p.startDate, p.by]);
    return row.id;
  }

  async insertCheckin(m: EntityManager, c: { planId: string; caseId: string; sequence: number; monthsAfterStart: number; dueDate: string; agency: string }): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO follow_up_checkins (plan_id, case_id, sequence, months_after_start, due_date, agency_code) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [c.planId, c.caseId, c.sequence, c.monthsAfterStart, c.dueDate, c.agency]);
    return row.id;
  }

  async plan(m: EntityManager, caseId: string): Promise<{ start_date: string } | undefined> {
    const [row] = await m.query(`SELECT start_date::text AS start_date FROM follow_up_plans WHERE case_id = $1`, [caseId]);
    return row;
  }

  async checkin(m: EntityManager, id: string, lock = false): Promise<CheckinRow | undefined> {
    const [row] = await m.query(`${CHECKIN_SELECT} WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return row;
  }

  async checkinsOfCase(m: EntityManager, caseId: string): Promise<CheckinRow[]> {
    return m.query(`${CHECKIN_SELECT} WHERE case_id = $1 ORDER BY sequence`, [caseId]);
  }

  /** Moves or reassigns a check-in that has not fallen due; its new due date, or undefined when it already fell due. */
  async reschedule(m: EntityManager, id: string, dueDate: string | null, agency: string | null): Promise<string | undefined> {
    const rows = await modifyReturning<{ due_date: string }>(m,
      `UPDATE follow_up_checkins SET due_date = COALESCE($2::date, due_date), agency_code = COALESCE($3, agency_code)
       WHERE id = $1 AND status = 'scheduled' RETURNING due_date::text AS due_date`, [id, dueDate, agency]);
    return rows[0]?.due_date;
  }

  /** Records the check-in once; false when it was already recorded. */
  async record(m: EntityManager, id: string, r: { outcome: string; notesEnc: string | null; newNeedsEnc: string | null; by: string; at: Date }): Promise<boolean> {
    const rows = await modifyReturning(m,
      `UPDATE follow_up_checkins SET status = 'done', outcome = $2, notes_enc = $3, new_needs_enc = $4, recorded_by = $5, recorded_at = $6
       WHERE id = $1 AND status <> 'done' RETURNING id`,
      [id, r.outcome, r.notesEnc, r.newNeedsEnc, r.by, r.at]);
    return rows.length === 1;
  }

  async outcomeAt(m: EntityManager, planId: string, sequence: number): Promise<string | null | undefined> {
    const [row] = await m.query(`SELECT outcome FROM follow_up_checkins WHERE plan_id = $1 AND sequence = $2`, [planId, sequence]);
    return row?.outcome;
  }

  async lastSequence(m: EntityManager, planId: string): Promise<number> {
    const [{ last }] = await m.query(`SELECT max(sequence) AS last FROM follow_up_checkins WHERE plan_id = $1`, [planId]);
    return Number(last);
  }

  async markDue(m: EntityManager, id: string, taskId: string): Promise<void> {
    await m.query(`UPDATE follow_up_checkins SET status = 'due', task_id = $2 WHERE id = $1`, [id, taskId]);
  }
}
