import { Injectable } from '@nestjs/common';
import { Actor, AddresseeColumns, CommonErrorCode, modifyReturning, ProblemException, reachBranchesSql, reachesSql } from '@ruta/core';
import { EntityManager } from 'typeorm';
import { CreateTaskInput, TaskStatus, TaskView } from './tasks.types';

interface TaskRow {
  id: string; type: TaskView['type']; case_id: string | null; status: TaskStatus; priority: TaskView['priority'];
  due_at: Date; escalated: boolean; addressee_role: TaskView['addressee']['role']; addressee_agency: string | null;
  addressee_shelter_id: string | null; addressee_unit: string | null; agency_es?: string | null; agency_en?: string | null;
  case_number?: string | null; claimed_by: string | null; created_at: Date; details: Record<string, unknown>;
}

export function taskView(row: TaskRow, now: Date): TaskView {
  return {
    id: row.id,
    type: row.type,
    caseId: row.case_id,
    caseNumber: row.case_number ?? null,
    status: row.status,
    priority: row.priority,
    dueAt: row.due_at.toISOString(),
    overdue: (row.status === 'open' || row.status === 'claimed') && row.due_at.getTime() < now.getTime(),
    escalated: row.escalated,
    addressee: {
      role: row.addressee_role,
      agency: row.addressee_agency ? { code: row.addressee_agency, name: { es: row.agency_es ?? row.addressee_agency, en: row.agency_en ?? row.addressee_agency } } : null,
      shelterId: row.addressee_shelter_id, unit: row.addressee_unit,
    },
    claimedBy: row.claimed_by,
    createdAt: row.created_at.toISOString(),
    details: row.details,
  };
}

/**
 * How tasks store their addressee, for the one addressing rule (libs/core/src/access/addressee.ts): the
 * agency as '' for a task to the role alone, as tasks_queue_idx has it.
 */
const TASK_ADDRESSEE: AddresseeColumns = {
  role: (role) => `t.addressee_role = '${role}'`,
  agency: (param) => `coalesce(t.addressee_agency, '') = ${param ?? "''"}`,
  shelter: (param) => `t.addressee_shelter_id = ${param}::uuid`,
  unit: 't.addressee_unit',
};

/** A query's parameters, and `bind`, which adds one and answers its placeholder. */
function parameters(...initial: unknown[]) {
  const params = [...initial];
  return { params, bind: (value: unknown) => { params.push(value); return `$${params.length}`; } };
}

/**
 * Agency names for the addressee, so that responses carry {code, name} (PRODUCT.md section 13), and the
 * number of the task's case, so that an inbox tells its cases apart. Sub-selects in the one query: a task
 * reaches only people allowed to see its case (PRODUCT.md section 10), so its number shows nothing new.
 */
const names = (alias: string) => `(SELECT a.name_es FROM agencies a WHERE a.code = ${alias}.addressee_agency) AS agency_es,
  (SELECT a.name_en FROM agencies a WHERE a.code = ${alias}.addressee_agency) AS agency_en,
  (SELECT c.case_number FROM cases c WHERE c.id = ${alias}.case_id) AS case_number`;
const RETURNING = `RETURNING *, ${names('tasks')}`;


export interface InboxFilter {
  type?: string;
  caseId?: string;
  status?: TaskStatus;
  after?: (string | number)[];
  limit: number;
}

@Injectable()
export class TasksRepository {
  async insert(m: EntityManager, input: CreateTaskInput): Promise<TaskRow> {
    const [row] = await m.query(
      `INSERT INTO tasks (type, case_id, priority, due_at, addressee_role, addressee_agency, addressee_shelter_id,
         addressee_unit, parent_task_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ${RETURNING}`,
      [input.type, input.caseId ?? null, input.priority ?? 'normal', input.dueAt, input.addressee.role,
        input.addressee.role === 'shelter_staff' ? null : input.addressee.agency ?? null,
        input.addressee.shelterId ?? null, input.addressee.unit ?? null, input.parentTaskId ?? null,
        JSON.stringify(input.details ?? {})],
    );
    return row;
  }

  async findVisible(m: EntityManager, id: string, actor: Actor): Promise<TaskRow | undefined> {
    const { params, bind } = parameters(id, actor.id);
    const [row] = await m.query(
      `SELECT t.*, ${names('t')} FROM tasks t WHERE t.id = $1 AND (${reachesSql(actor, TASK_ADDRESSEE, bind)} OR t.claimed_by = $2 OR t.completed_by = $2)`,
      params,
    );
    return row;
  }

  async findById(m: EntityManager, id: string): Promise<TaskRow | undefined> {
    const [row] = await m.query(`SELECT * FROM tasks WHERE id = $1`, [id]);
    return row;
  }

  /** The inbox: open tasks addressed to the actor plus the ones they claimed; overdue, priority, due time. */
  async inbox(m: EntityManager, actor: Actor, now: Date, filter: InboxFilter): Promise<(TaskRow & { k_overdue: number; k_rank: number })[]> {
    if (filter.status === undefined) return this.queue(m, actor, now, filter);
    const { params, bind } = parameters(actor.id, now, filter.status);
    const where = [`t.status = $3 AND (${reachesSql(actor, TASK_ADDRESSEE, bind)} OR t.claimed_by = $1 OR t.completed_by = $1)`];
    if (filter.type) where.push(`t.type = ${bind(filter.type)}`);
    if (filter.caseId) where.push(`t.case_id = ${bind(filter.caseId)}::uuid`);
    const key = `(CASE WHEN t.due_at < $2 THEN 0 ELSE 1 END), t.priority_rank, t.due_at, t.id`;
    if (filter.after) {
      const [overdue, rank, due, after] = filter.after;
      where.push(`(${key}) > (${bind(overdue)}::int, ${bind(rank)}::int, ${bind(due)}::timestamptz, ${bind(after)}::uuid)`);
    }
    const limit = bind(filter.limit + 1);
    return m.query(
      `SELECT t.*, ${names('t')}, (CASE WHEN t.due_at < $2 THEN 0 ELSE 1 END) AS k_overdue, t.priority_rank AS k_rank
       FROM tasks t WHERE ${where.join(' AND ')} ORDER BY ${key} LIMIT ${limit}`,
      params,
    );
  }

  /**
   * The open queue, read so that its cost does not grow with the queue: every way a task can reach the
   * actor (per role: to the role alone, to the actor's agency, to the actor's shelter; overdue or not)
   * is one ordered scan of tasks_queue_idx taking at most a page, and only those few rows are merged.
   * Same rows and order as the predicate reachesSql with ORDER BY overdue, priority, due, id.
   */
  private queue(m: EntityManager, actor: Actor, now: Date, filter: InboxFilter): Promise<(TaskRow & { k_overdue: number; k_rank: number })[]> {
    const params: unknown[] = [now, filter.limit + 1];
    const p = (value: unknown) => { params.push(value); return `$${params.length}`; };
    const extra: string[] = [];
    if (filter.type) extra.push(`t.type = ${p(filter.type)}`);
    if (filter.caseId) extra.push(`t.case_id = ${p(filter.caseId)}::uuid`);
    const after = filter.after as [number, number, string, string] | undefined;
    if (after && after[0] !== 0 && after[0] !== 1) {
      throw ProblemException.badRequest(CommonErrorCode.ValidationFailed, { errors: [{ path: 'cursor', message: 'cursor is not valid' }] });
    }
    const afterRank = after ? `(t.priority_rank, t.due_at, t.id) > (${p(after[1])}::int, ${p(after[2])}::timestamptz, ${p(after[3])}::uuid)` : '';
    // One branch per way a task reaches the actor (to a role alone, at their agency, at their shelter).
    const addressees = reachBranchesSql(actor, TASK_ADDRESSEE, p);
    const branches: string[] = [];
    for (const overdue of [0, 1]) {
      // A cursor past the overdue part leaves only the rest; inside a part, order by rank, due time, id.
      if (after && after[0] > overdue) continue;
      const conditions = [overdue === 0 ? 't.due_at < $1' : 't.due_at >= $1', ...extra];
      if (after && after[0] === overdue) conditions.push(afterRank);
      for (const addressee of addressees) {
        branches.push(`(SELECT t.*, ${overdue} AS k_overdue FROM tasks t WHERE t.status = 'open' AND ${addressee} AND ${conditions.join(' AND ')}
          ORDER BY t.priority_rank, t.due_at, t.id LIMIT $2)`);
      }
    }
    const claimedKey = `(CASE WHEN t.due_at < $1 THEN 0 ELSE 1 END)`;
    const claimedAfter = after ? [`(${claimedKey}, t.priority_rank, t.due_at, t.id) > (${p(after[0])}::int, ${p(after[1])}::int, ${p(after[2])}::timestamptz, ${p(after[3])}::uuid)`] : [];
    branches.push(`(SELECT t.*, ${claimedKey} AS k_overdue FROM tasks t WHERE t.status = 'claimed' AND t.claimed_by = ${p(actor.id)}::uuid
      ${[...extra, ...claimedAfter].map((c) => `AND ${c}`).join(' ')} ORDER BY ${claimedKey}, t.priority_rank, t.due_at, t.id LIMIT $2)`);
    return m.query(
      `SELECT t.*, ${names('t')}, t.priority_rank AS k_rank FROM (${branches.join(' UNION ALL ')}) t
       ORDER BY t.k_overdue, t.priority_rank, t.due_at, t.id LIMIT $2`,
      params,
    );
  }

  /** Atomic claim: only an open task is claimed; whoever updates it first wins. */
  async claim(m: EntityManager, id: string, userId: string, now: Date): Promise<TaskRow | undefined> {
    const [row] = await modifyReturning(m, 
      `UPDATE tasks SET status = 'claimed', claimed_by = $2, claimed_at = $3, updated_at = now()
       WHERE id = $1 AND status = 'open' ${RETURNING}`,
      [id, userId, now],
    );
    return row;
  }

  async release(m: EntityManager, id: string, userId: string): Promise<TaskRow | undefined> {
    const [row] = await modifyReturning(m, 
      `UPDATE tasks SET status = 'open', claimed_by = NULL, claimed_at = NULL, updated_at = now()
       WHERE id = $1 AND status = 'claimed' AND claimed_by = $2 ${RETURNING}`,
      [id, userId],
    );
    return row;
  }

  async releaseAllClaimedBy(m: EntityManager, userId: string): Promise<string[]> {
    const rows = await modifyReturning(m, 
      `UPDATE tasks SET status = 'open', claimed_by = NULL, claimed_at = NULL, updated_at = now()
       WHERE status = 'claimed' AND claimed_by = $1 RETURNING id`,
      [userId],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  async complete(m: EntityManager, id: string, userId: string | null, now: Date): Promise<TaskRow | undefined> {
    const [row] = await modifyReturning(m, 
      `UPDATE tasks SET status = 'done', claimed_by = NULL, completed_by = $2, completed_at = $3, updated_at = now()
       WHERE id = $1 AND status IN ('open', 'claimed') ${RETURNING}`,
      [id, userId, now],
    );
    return row;
  }

  async cancelOpenForCase(m: EntityManager, caseId: string, types: string[] | null): Promise<string[]> {
    const rows = await modifyReturning<{ id: string }>(m,
      `UPDATE tasks SET status = 'cancelled', claimed_by = NULL, updated_at = now()
       WHERE case_id = $1 AND status IN ('open', 'claimed') AND ($2::text[] IS NULL OR type = ANY($2::text[])) RETURNING id`,
      [caseId, types]);
    return rows.map((r) => r.id);
  }

  async reassignAgencyForCase(m: EntityManager, caseId: string, role: string, from: string, to: string): Promise<string[]> {
    const rows = await modifyReturning<{ id: string }>(m,
      `UPDATE tasks SET addressee_agency = $4, status = 'open', claimed_by = NULL, claimed_at = NULL, updated_at = now()
       WHERE case_id = $1 AND addressee_role = $2 AND addressee_agency = $3 AND status IN ('open', 'claimed') RETURNING id`,
      [caseId, role, from, to]);
    return rows.map((r) => r.id);
  }

  async openForCase(m: EntityManager, caseId: string, type: string): Promise<string[]> {
    const rows = await m.query(`SELECT id FROM tasks WHERE case_id = $1 AND type = $2 AND status IN ('open', 'claimed')`, [caseId, type]);
    return rows.map((r: { id: string }) => r.id);
  }

  /**
   * Flags an overdue task once; false when it was already escalated or closed, or when it is itself an
   * escalation (the end of the chain, PRODUCT.md section 10: shown as overdue, never escalated).
   */
  async markEscalated(m: EntityManager, id: string, now: Date): Promise<TaskRow | undefined> {
    const [row] = await modifyReturning(m,
      `UPDATE tasks SET escalated = true, escalated_at = $2, updated_at = now()
       WHERE id = $1 AND escalated = false AND type <> 'escalation' AND status IN ('open', 'claimed') AND due_at <= $2 ${RETURNING}`,
      [id, now],
    );
    return row;
  }
}
