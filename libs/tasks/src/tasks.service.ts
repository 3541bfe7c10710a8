import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { Actor, Clock, decodeCursor, DEFAULT_LIMIT, Page, pageOf, ProblemException, RequestMeta } from '@ruta/core';
import { DataSource, EntityManager } from 'typeorm';
import { TaskErrorCode } from './tasks.exception';
import { TasksRepository, taskView } from './tasks.repository';
import { CreateTaskInput, TaskStatus, TaskType, TaskView } from './tasks.types';
import { TimerRegistry } from './timers/timer-registry';
import { TimerService } from './timers/timer.service';

export const TASK_DUE_TIMER = 'task_due';

/** Task types with no underlying action: the addressee completes them directly (PRODUCT.md section 10). */
export const DIRECTLY_COMPLETABLE: TaskType[] = ['escalation', 'complaint_acknowledgement', 'child_protection_immediate',
  'find_alternative', 'possible_duplicate', 'visa_expiry', 'complete_screening'];

export interface InboxQuery {
  type?: TaskType;
  caseId?: string;
  status?: TaskStatus;
  limit?: number;
  cursor?: string;
}

/**
 * The shared queue. Other modules create and complete tasks through this service inside their own
 * transaction; users claim, release and complete them over HTTP.
 */
/** Told of every task created, in its transaction (the case module gives the addressee a stake in the case). */
export type TaskCreatedListener = (m: EntityManager, task: CreateTaskInput & { id: string }) => Promise<void>;

@Injectable()
export class TasksService implements OnModuleInit {
  private readonly createdListeners: TaskCreatedListener[] = [];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: TasksRepository,
    private readonly timers: TimerService,
    private readonly registry: TimerRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(TASK_DUE_TIMER, (m, taskId, firedAt) => this.escalateIfOverdue(m, taskId, firedAt));
  }

  onTaskCreated(listener: TaskCreatedListener): void {
    this.createdListeners.push(listener);
  }

  /** Creates a task and its due timer in the caller's transaction. */
  async create(m: EntityManager, input: CreateTaskInput, actor?: Actor | null, meta?: RequestMeta | null): Promise<TaskView> {
    const row = await this.repository.insert(m, input);
    for (const listener of this.createdListeners) await listener(m, { ...input, id: row.id });
    await this.timers.schedule(m, { kind: TASK_DUE_TIMER, subjectId: row.id, fireAt: row.due_at });
    await this.audit.record(m, {
      actor, meta, action: 'task.create', subjectType: 'task', subjectId: row.id, caseId: row.case_id,
      details: { type: row.type, addressee: { role: row.addressee_role, agency: row.addressee_agency } },
    });
    return taskView(row, this.clock.now());
  }

  /** Completes a task because its underlying action was done (accepting a referral, recording a decision). */
  async completeByAction(m: EntityManager, taskId: string, actor: Actor | null): Promise<boolean> {
    const row = await this.repository.complete(m, taskId, actor?.id ?? null, this.clock.now());
    if (row) await this.timers.cancel(m, TASK_DUE_TIMER, taskId);
    return row !== undefined;
  }

  /** Cancels a case's open tasks (all, or of the given types) with their timers, e.g. when the case closes. */
  async cancelOpenForCase(m: EntityManager, caseId: string, types: TaskType[] | null = null): Promise<string[]> {
    const ids = await this.repository.cancelOpenForCase(m, caseId, types);
    for (const id of ids) await this.timers.cancel(m, TASK_DUE_TIMER, id);
    return ids;
  }

  /** Completes a case's open tasks of one type because the work they asked for was done. */
  async completeOpenForCase(m: EntityManager, caseId: string, type: TaskType, actor: Actor | null): Promise<number> {
    const ids = await this.repository.openForCase(m, caseId, type);
    for (const id of ids) await this.completeByAction(m, id, actor);
    return ids.length;
  }

  /** Moves a case's open tasks from one agency to another (a new lead agency); claims are released. */
  reassignAgencyForCase(m: EntityManager, caseId: string, from: string, to: string): Promise<string[]> {
    return this.repository.reassignAgencyForCase(m, caseId, 'service_focal_point', from, to);
  }

  async hasOpen(m: EntityManager, caseId: string, type: TaskType): Promise<boolean> {
    return (await this.repository.openForCase(m, caseId, type)).length > 0;
  }

  /** Claims a task because its work was taken up (a visa officer claiming the request); false if not open. */
  async claimByAction(m: EntityManager, taskId: string, actor: Actor): Promise<boolean> {
    return (await this.repository.claim(m, taskId, actor.id, this.clock.now())) !== undefined;
  }

  releaseAllClaimedBy(m: EntityManager, userId: string): Promise<string[]> {
    return this.repository.releaseAllClaimedBy(m, userId);
  }

  async inbox(actor: Actor, query: InboxQuery): Promise<Page<TaskView>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const now = this.clock.now();
    const rows = await this.repository.inbox(this.ds.manager, actor, now, {
      type: query.type, caseId: query.caseId, status: query.status, after: decodeCursor(query.cursor, 4), limit,
    });
    const page = pageOf(rows, limit, (r) => [Number(r.k_overdue), Number(r.k_rank), r.due_at.toISOString(), r.id]);
    return { items: page.items.map((r) => taskView(r, now)), nextCursor: page.nextCursor };
  }

  async claim(id: string, actor: Actor, meta: RequestMeta): Promise<TaskView> {
    return this.ds.transaction(async (m) => {
      const visible = await this.repository.findVisible(m, id, actor);
      if (!visible) throw ProblemException.notFound(TaskErrorCode.NotFound);
      const row = await this.repository.claim(m, id, actor.id, this.clock.now());
      if (!row) {
        const closed = visible.status === 'done' || visible.status === 'cancelled';
        throw ProblemException.conflict(closed ? TaskErrorCode.Closed : TaskErrorCode.AlreadyClaimed);
      }
      await this.audit.record(m, { actor, meta, action: 'task.claim', subjectType: 'task', subjectId: id, caseId: row.case_id, changedFields: ['status', 'claimedBy'] });
      return taskView(row, this.clock.now());
    });
  }

  async release(id: string, actor: Actor, meta: RequestMeta): Promise<TaskView> {
    return this.ds.transaction(async (m) => {
      const visible = await this.repository.findVisible(m, id, actor);
      if (!visible) throw ProblemException.notFound(TaskErrorCode.NotFound);
      const row = await this.repository.release(m, id, actor.id);
      if (!row) throw ProblemException.conflict(TaskErrorCode.NotClaimedByYou);
      await this.audit.record(m, { actor, meta, action: 'task.release', subjectType: 'task', subjectId: id, caseId: row.case_id, changedFields: ['status', 'claimedBy'] });
      return taskView(row, this.clock.now());
    });
  }

  async complete(id: string, actor: Actor, meta: RequestMeta): Promise<TaskView> {
    return this.ds.transaction(async (m) => {
      const visible = await this.repository.findVisible(m, id, actor);
      if (!visible) throw ProblemException.notFound(TaskErrorCode.NotFound);
      if (!DIRECTLY_COMPLETABLE.includes(visible.type)) throw ProblemException.unprocessable(TaskErrorCode.NeedsAction);
      if (visible.status === 'claimed' && visible.claimed_by !== actor.id) throw ProblemException.conflict(TaskErrorCode.AlreadyClaimed);
      const row = await this.repository.complete(m, id, actor.id, this.clock.now());
      if (!row) throw ProblemException.conflict(TaskErrorCode.Closed);
      await this.timers.cancel(m, TASK_DUE_TIMER, id);
      await this.audit.record(m, { actor, meta, action: 'task.complete', subjectType: 'task', subjectId: id, caseId: row.case_id, changedFields: ['status'] });
      return taskView(row, this.clock.now());
    });
  }

  /** Due timer: an overdue task is escalated once, with an escalation task to the committee. */
  private async escalateIfOverdue(m: EntityManager, taskId: string, firedAt: Date): Promise<void> {
    const row = await this.repository.markEscalated(m, taskId, firedAt);
    if (!row) return;
    await this.create(m, {
      type: 'escalation',
      caseId: row.case_id,
      priority: 'high',
      dueAt: new Date(firedAt.getTime() + 24 * 3600 * 1000),
      addressee: { role: 'committee_member' },
      parentTaskId: row.id,
      details: { escalatedTaskId: row.id, escalatedTaskType: row.type },
    });
    await this.audit.record(m, { action: 'task.escalate', subjectType: 'task', subjectId: row.id, caseId: row.case_id, changedFields: ['escalated'] });
  }
}
