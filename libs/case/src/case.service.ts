import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { Actor, Clock, CommonErrorCode, decodeCursor, DEFAULT_LIMIT, encodeCursor, FieldCipher, leadsTo, ProblemException, RequestMeta, WorkflowRefusals } from '@ruta/core';
import { CreateTaskInput, TasksService, TaskView } from '@ruta/tasks';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyNames } from '@ruta/directory';
import { CaseViewer } from './access/case-viewer';
import { projectCase, visibleCaseKeys } from './access/case-fields';
import { CaseAccessService } from './case-access.service';
import { CaseViewAssembler } from './case-view.assembler';
import { CaseActionsRegistry } from './case-actions.registry';
import { CaseReads } from './case-reads';
import { CaseErrorCode } from './case.exception';
import { CaseListFilter, CasePrefetch, CaseRepository, CaseRow } from './case.repository';
import { CaseStatus } from './case.types';
import { CaseAction, CaseParty, requireCaseAction } from './case.workflow';
import { actorAgencyVisible, opensFreeText, timelineEntryVisible, visibleDetails } from './access/timeline-policy';

export interface TransitionInput {
  action: CaseAction;
  to: CaseStatus;
  /** The parties of the case workflow the actor is in for this case (casePartiesOf, plus target or closure parties). */
  as: Iterable<CaseParty>;
  /** The caller module's problem for an actor who is not one of the action's parties (default 403 forbidden). */
  notParty?: WorkflowRefusals['notParty'];
  set?: Record<string, unknown>;
  expectedVersion?: number | null;
  clientTxId?: string | null;
  details?: Record<string, unknown>;
}

/** Keys of a case response that carry identity or care data: reading them is audited. */
const SENSITIVE_KEYS = ['victim', 'carePlan'];

/**
 * The case record: reading it through the field matrix, changing its status through the status machine,
 * its history, and the stakes and tasks that protocol steps address to agencies about it.
 */
@Injectable()
export class CaseService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: CaseRepository,
    private readonly access: CaseAccessService,
    private readonly assembler: CaseViewAssembler,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly agencies: AgencyNames,
    private readonly actions: CaseActionsRegistry,
  ) {}

  /** Moves a case along the status machine (PRODUCT.md section 4); refuses what the table does not allow. */
  async transition(m: EntityManager, row: CaseRow, input: TransitionInput, actor: Actor | null, meta: RequestMeta | null): Promise<number> {
    const notAllowed = () => ProblemException.conflict(CaseErrorCode.TransitionNotAllowed, { extensions: { recordStatus: row.status, action: input.action } });
    const rule = requireCaseAction(row.status, input.action, input.as, { notAllowed, notParty: input.notParty ?? (() => ProblemException.forbidden()) });
    if (!leadsTo(rule, input.to)) throw notAllowed();
    // The retention period runs from the last closing (PRODUCT.md section 12); reopening stops it.
    const closing = input.to === 'closed' ? { closed_at: this.clock.now() } : row.status === 'closed' ? { closed_at: null } : {};
    const version = await this.repository.update(m, row.id, input.expectedVersion ?? row.version, { status: input.to, ...closing, ...(input.set ?? {}) });
    if (version === null) throw ProblemException.conflict(CommonErrorCode.VersionConflict);
    await this.repository.insertHistory(m, {
      caseId: row.id, action: input.action, fromStatus: row.status, toStatus: input.to, actor, at: this.clock.now(),
      clientTxId: input.clientTxId, details: input.details,
    });
    await this.audit.record(m, {
      actor, meta, action: `case.${input.action}`, subjectType: 'case', subjectId: row.id, caseId: row.id,
      changedFields: ['status', ...Object.keys(input.set ?? {}).map(camel)],
    });
    return version;
  }

  onModuleInit(): void {
    // Every task about a case, escalations included, gives its addressee a stake in that case.
    this.tasks.onTaskCreated(async (m, task) => {
      if (task.caseId) await this.stakeFor(m, task.caseId, task);
    });
  }

  /** Creates a task about a case, in the caller's transaction; its addressee gets a stake in the case. */
  async addTask(m: EntityManager, input: CreateTaskInput & { caseId: string }, actor: Actor | null, meta: RequestMeta | null): Promise<TaskView> {
    return this.tasks.create(m, input, actor, meta);
  }

  private async stakeFor(m: EntityManager, caseId: string, input: CreateTaskInput): Promise<void> {
    const a = input.addressee;
    if (a.role === 'service_focal_point' && a.agency) {
      await this.repository.addStake(m, { caseId: caseId, role: a.role, agency: a.agency, reason: `task:${input.type}` });
    } else if (a.role === 'shelter_staff' && a.shelterId) {
      await this.repository.addStake(m, { caseId: caseId, role: a.role, shelterId: a.shelterId, reason: `task:${input.type}` });
    } else if (a.role === 'committee_member' && !a.agency) {
      await this.repository.addStake(m, { caseId: caseId, role: a.role, reason: `task:${input.type}` });
    } else if (a.role === 'visa_officer') {
      await this.repository.addStake(m, { caseId: caseId, role: a.role, agency: a.agency ?? null, reason: `task:${input.type}` });
    }
  }

  async addHistory(m: EntityManager, caseId: string, action: string, actor: Actor | null, details?: Record<string, unknown>, clientTxId?: string | null) {
    await this.repository.insertHistory(m, { caseId, action, actor, at: this.clock.now(), details, clientTxId });
  }

  /** The case as this viewer may see it (PRODUCT.md section 2). */
  async render(m: EntityManager, row: CaseRow, viewer: CaseViewer, prefetched?: CasePrefetch, reads?: CaseReads): Promise<Record<string, unknown>> {
    return projectCase(await this.assembler.assemble(m, row, visibleCaseKeys(viewer), prefetched, reads), viewer);
  }

  async get(actor: Actor, caseId: string, meta: RequestMeta): Promise<Record<string, unknown>> {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      // The records' rows are read once: for the parts shown and for the actions listed.
      const reads = new CaseReads();
      const body = await this.render(m, row, viewer, undefined, reads);
      await this.auditRead(m, actor, meta, row.id, body, 'case.read');
      // What this user may do now, from the workflow maps (the case page offers these).
      body.availableActions = await this.actions.available(m, row, actor, viewer, reads);
      return body;
    });
  }

  async list(actor: Actor, query: Omit<CaseListFilter, 'after' | 'limit'> & { limit?: number; cursor?: string }, meta: RequestMeta) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const cursor = decodeCursor(query.cursor, 2);
    return this.ds.transaction(async (m) => {
      const rows = await this.repository.list(m, actor, {
        ...query, limit, after: cursor ? { createdAt: String(cursor[0]), id: String(cursor[1]) } : undefined,
      });
      const page = rows.slice(0, limit);
      const items: Record<string, unknown>[] = [];
      // One query per kind of data for the whole page, not per case.
      const prefetched = await this.repository.prefetch(m, page.map((r) => r.id));
      for (const row of page) {
        const viewer = await this.access.viewerFor(m, row, actor, prefetched.stakes.get(row.id) ?? []);
        items.push(await this.render(m, row, viewer, prefetched));
      }
      if (items.some((i) => SENSITIVE_KEYS.some((k) => k in i))) {
        await this.audit.record(m, { actor, meta, action: 'case.list_read', subjectType: 'case_list', details: { caseIds: page.map((r) => r.id) } });
      }
      const last = page[page.length - 1];
      return { items, nextCursor: rows.length > limit ? encodeCursor([last.created_at.toISOString(), last.id]) : null };
    });
  }

  async timeline(actor: Actor, caseId: string, query: { limit?: number; cursor?: string }, meta: RequestMeta) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const cursor = decodeCursor(query.cursor, 1);
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      const pseudonymize = viewer.kind === 'auditor';
      const openText = opensFreeText(viewer);
      const items: Record<string, unknown>[] = [];
      let after = cursor ? String(cursor[0]) : '0';
      let more = false;
      // Entries hidden from this viewer are skipped, so pages are filled from further rows.
      while (items.length <= limit) {
        const batch = await this.repository.history(m, row.id, after, 200);
        for (const e of batch) {
          after = e.id;
          if (!timelineEntryVisible(viewer, e)) continue;
          if (items.length === limit) { more = true; break; }
          items.push({
            id: e.id, action: e.action, fromStatus: e.from_status, toStatus: e.to_status,
            actor: { id: pseudonymize ? null : e.actor_id, roles: e.actor_roles, agency: actorAgencyVisible(viewer, e) ? await this.agencies.ref(e.actor_agency) : null },
            at: (e.occurred_at as Date).toISOString(), details: this.openDetails(visibleDetails(viewer, e.details), openText),
          });
        }
        if (more || batch.length < 200) break;
      }
      await this.audit.record(m, { actor, meta, action: 'case.timeline_read', subjectType: 'case', subjectId: row.id, caseId: row.id });
      const last = items[items.length - 1];
      return { items, nextCursor: more && last ? encodeCursor([String(last.id)]) : null };
    });
  }

  /**
   * Data-subject export (Ecuador's Organic Law on Personal Data Protection; PRODUCT.md section 12): the whole
   * record as the committee sees it, with every consent given or withdrawn and the full history. Audited.
   */
  async export(actor: Actor, caseId: string, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      const record = await this.render(m, row, viewer);
      const consents = (await this.repository.consentHistory(m, row.id)).map((c) => ({
        dataProcessing: c.data_processing, referral: c.referral, shareWith: c.share_with, withdrawn: c.withdrawn, recordedBy: c.recorded_by,
        recordedAt: c.recorded_at.toISOString(), childView: this.cipher.decrypt(c.child_view_enc), guardian: this.cipher.decryptJson(c.guardian_enc),
      }));
      const history = [];
      let after = '0';
      for (;;) {
        const batch = await this.repository.history(m, row.id, after, 500);
        for (const e of batch) {
          history.push({ action: e.action, fromStatus: e.from_status, toStatus: e.to_status, at: e.occurred_at.toISOString(),
            agency: e.actor_agency, details: this.openDetails(e.details, true) });
        }
        if (batch.length < 500) break;
        after = batch[batch.length - 1].id;
      }
      await this.audit.record(m, { actor, meta, action: 'case.export', subjectType: 'case', subjectId: row.id, caseId: row.id });
      return { exportedAt: this.clock.now().toISOString(), case: record, consents, history };
    });
  }

  async auditChange(m: EntityManager, actor: Actor, meta: RequestMeta | null, caseId: string, action: string, changedFields: string[]): Promise<void> {
    await this.audit.record(m, { actor, meta, action, subjectType: 'case', subjectId: caseId, caseId, changedFields });
  }

  async auditRead(m: EntityManager, actor: Actor, meta: RequestMeta | null, caseId: string, body: Record<string, unknown>, action: string): Promise<void> {
    await this.audit.record(m, {
      actor, meta, action, subjectType: 'case', subjectId: caseId, caseId,
      details: { keys: Object.keys(body).filter((k) => SENSITIVE_KEYS.includes(k)) },
    });
  }

  /** Encrypted free text in history details (`*Enc`) is opened for the committee and the lead agency only. */
  private openDetails(details: Record<string, unknown>, openText: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(details)) {
      if (k.endsWith('Enc')) {
        if (openText && typeof v === 'string') out[k.slice(0, -3)] = this.cipher.decrypt(v);
      } else out[k] = v;
    }
    return out;
  }

  encrypt(value: string | null | undefined): string | null {
    return this.cipher.encrypt(value ?? null);
  }
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
