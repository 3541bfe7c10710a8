import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { allowedAction, CaseAccessService, CaseErrorCode, CaseActionsRegistry, CaseClosureHooks, CaseParty, onRecord, casePartiesOf, CaseRepository, CaseService, CaseViewer } from '@ruta/case';
import { Actor, availableActions, Clock, FieldCipher, ProblemException, RequestMeta, requireAction } from '@ruta/core';
import { ClosureErrorCode } from './closure.exception';
import { ClosureRepository } from './closure.repository';
import { ClosureAction, ClosureParty, ClosureStatus, CLOSURE_WORKFLOW } from './closure.workflow';
import { TASK_TYPES, TasksService } from '@ruta/tasks';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyNames, AgencyRef } from '@ruta/directory';

export interface ClosureView {
  id: string; caseId: string; reason: string; status: string; requestingAgency: AgencyRef; requestedAt: string;
  decidingAgency: AgencyRef | null; decidedAt: string | null;
}

const REFUSALS = {
  notAllowed: () => ProblemException.conflict(ClosureErrorCode.NotPending),
  notParty: (status: string) => status === 'new' ? ProblemException.unprocessable(CaseErrorCode.NotLeadAgency, { detail: { es: 'Solo la institución líder solicita el cierre', en: 'Only the lead agency requests the closure' } }) : ProblemException.unprocessable(ClosureErrorCode.SameAgency),
};

/** A committee member of another agency than the requesting one decides a pending request. */
function closurePartiesOf(req: { requesting_agency: string }, viewer: CaseViewer, actor: Actor): ClosureParty[] {
  return viewer.kind === 'committee' && req.requesting_agency !== actor.agencyCode ? ['committee_of_another_agency'] : [];
}

/** The closure parties that are also parties of the case workflow (approving a closure closes the case). */
function caseParties(parties: ClosureParty[]): CaseParty[] {
  return parties.filter((p): p is 'committee_of_another_agency' => p === 'committee_of_another_agency');
}

/**
 * Closure of a recognized case (PRODUCT.md section 4): requested by the lead agency, approved by a committee
 * member of another agency (two people, two agencies), refused while the person is placed; on approval each
 * module closes its records (CaseClosureHooks) and the case's open tasks end, but those whose work continues;
 * and reopening.
 */
@Injectable()
export class ClosureService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: ClosureRepository,
    private readonly access: CaseAccessService,
    private readonly cases: CaseService,
    private readonly caseRepository: CaseRepository,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly agencies: AgencyNames,
    private readonly actions: CaseActionsRegistry,
    private readonly hooks: CaseClosureHooks,
  ) {}

  onModuleInit(): void {
    // The closure workflow's actions this user may take now: request a closure, or decide the pending request.
    this.actions.register('closure', async (m, row, actor, viewer) => {
      const pending = await this.repository.pendingOfCase(m, row.id);
      // Neither requested nor approved while a module refuses it (the person placed): rejecting still is. The
      // refusal is asked only when the user could take one of those actions (the case page reads this often).
      if (pending) {
        const actions = availableActions(CLOSURE_WORKFLOW, 'pending', closurePartiesOf(pending, viewer, actor));
        const refused = actions.some((a) => a.action === 'approve') && (await this.hooks.refusal(m, row.id)) !== null;
        return onRecord('closure_request', pending.id, actions.filter((a) => !(refused && a.action === 'approve')));
      }
      if (!allowedAction(row.status, 'approve_closure')) return [];
      const lead: ClosureParty[] = casePartiesOf(row, viewer, actor).includes('lead_agency') ? ['lead_agency'] : [];
      const request = availableActions(CLOSURE_WORKFLOW, 'new', lead);
      if (request.length && (await this.hooks.refusal(m, row.id))) return [];
      return onRecord('closure_request', row.id, request);
    });
  }

  async request(actor: Actor, caseId: string, reason: string, meta: RequestMeta): Promise<ClosureView> {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta, true);
      const parties: ClosureParty[] = casePartiesOf(row, viewer, actor).includes('lead_agency') ? ['lead_agency'] : [];
      requireAction(CLOSURE_WORKFLOW, 'new', 'request', parties, REFUSALS);
      // Closable: the statuses from which the case workflow lets a closure be approved.
      if (!allowedAction(row.status, 'approve_closure')) throw ProblemException.conflict(ClosureErrorCode.NotClosable, { extensions: { recordStatus: row.status } });
      if (await this.repository.hasPending(m, caseId)) throw ProblemException.conflict(ClosureErrorCode.AlreadyPending);
      // What must happen first, by the modules that own it (the person still placed: discharge first).
      await this.hooks.refuse(m, caseId);
      const id = await this.repository.insert(m, { caseId, reason, by: actor.id, agency: actor.agencyCode });
      const task = await this.cases.addTask(m, {
        type: 'closure_approval', caseId, priority: 'normal', dueAt: new Date(this.clock.nowMs() + 7 * 24 * 3600_000),
        addressee: { role: 'committee_member' }, details: { closureRequestId: id, requestingAgency: actor.agencyCode, reason },
      }, actor, meta);
      await this.repository.setTask(m, id, task.id);
      // The +12 check-in asked the lead agency for exactly this (PRODUCT.md section 9): its task is done.
      if (reason === 'follow_up_completed') await this.tasks.completeOpenForCase(m, caseId, 'follow_up_close', actor);
      await this.cases.addHistory(m, caseId, 'closure_requested', actor, { closureRequestId: id, reason });
      await this.audit.record(m, { actor, meta, action: 'closure.request', subjectType: 'closure_request', subjectId: id, caseId });
      return this.view(m, id);
    });
  }

  async approve(actor: Actor, id: string, meta: RequestMeta): Promise<ClosureView> {
    return this.ds.transaction(async (m) => {
      const req = await this.pendingFor(m, actor, id, meta, 'approve');
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, req.case_id, meta, true);
      // Someone may have been placed since the request: discharge still comes first.
      await this.hooks.refuse(m, req.case_id);
      await this.cases.transition(m, row, {
        action: 'approve_closure', as: [...casePartiesOf(row, viewer, actor), ...caseParties(req.parties)], notParty: REFUSALS.notParty, to: 'closed', details: { closureRequestId: id, reason: req.reason },
        set: { closure_reason: req.reason, status_before_closure: row.status },
      }, actor, meta);
      await this.decide(m, id, 'approved', actor, null);
      if (req.task_id) await this.tasks.completeByAction(m, req.task_id, actor);
      // Each module's records close with the case (section 4); then every open task ends but those whose work
      // goes on after the closure (an undecided article 104 request).
      await this.hooks.closed(m, req.case_id, actor, meta);
      const continuing = new Set<string>(this.hooks.continuing());
      const cancelled = await this.tasks.cancelOpenForCase(m, req.case_id, TASK_TYPES.filter((type) => !continuing.has(type)));
      await this.audit.record(m, { actor, meta, action: 'closure.approve', subjectType: 'closure_request', subjectId: id, caseId: req.case_id, details: { tasksCancelled: cancelled.length } });
      return this.view(m, id);
    });
  }

  async reject(actor: Actor, id: string, reason: string, meta: RequestMeta): Promise<ClosureView> {
    return this.ds.transaction(async (m) => {
      const req = await this.pendingFor(m, actor, id, meta, 'reject');
      await this.decide(m, id, 'rejected', actor, this.cipher.encrypt(reason));
      if (req.task_id) await this.tasks.completeByAction(m, req.task_id, actor);
      await this.cases.addHistory(m, req.case_id, 'closure_rejected', actor, { closureRequestId: id });
      await this.audit.record(m, { actor, meta, action: 'closure.reject', subjectType: 'closure_request', subjectId: id, caseId: req.case_id });
      return this.view(m, id);
    });
  }

  /** Reopen with a reason: back to the status before closure; a case not recognized goes back to identified. */
  async reopen(actor: Actor, caseId: string, reason: string, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta, true);
      // Retention erased who the person is (PRODUCT.md section 12): there is nothing left to work on.
      if (await this.repository.pseudonymizedAt(m, caseId)) throw ProblemException.conflict(ClosureErrorCode.Pseudonymized);
      const previous = row.status_before_closure ?? 'identified';
      const traffickingStatus = row.closure_reason === 'not_recognized' ? 'presumed_victim'
        : row.closure_reason === 'no_indicators' ? 'possible_victim' : row.trafficking_status;
      await this.cases.transition(m, row, {
        action: 'reopen', as: casePartiesOf(row, viewer, actor), to: previous as never, details: { reasonEnc: this.cipher.encrypt(reason), closedFor: row.closure_reason },
        set: { closure_reason: null, status_before_closure: null, trafficking_status: traffickingStatus },
      }, actor, meta);
      await this.requeue(m, row, previous, actor, meta);
      const updated = (await this.caseRepository.find(m, caseId))!;
      return this.cases.render(m, updated, viewer);
    });
  }

  /** A reopened case waiting for a review or an interview goes back into the right queue. */
  private async requeue(m: EntityManager, row: { id: string; is_minor: boolean; located_abroad: boolean; identifying_agency: string; identifying_unit: string | null },
    status: string, actor: Actor, meta: RequestMeta): Promise<void> {
    const urgent = row.is_minor || row.located_abroad;
    if (status === 'identified') {
      await this.cases.addTask(m, {
        type: 'case_review', caseId: row.id, priority: urgent ? 'urgent' : 'high', dueAt: new Date(this.clock.nowMs() + (urgent ? 24 : 72) * 3600_000),
        addressee: { role: 'committee_member' }, details: { reopened: true },
      }, actor, meta);
    } else if (status === 'screening') {
      await this.cases.addTask(m, {
        type: 'complete_screening', caseId: row.id, priority: row.is_minor ? 'high' : 'normal', dueAt: new Date(this.clock.nowMs() + 72 * 3600_000),
        addressee: { role: 'immigration_officer', agency: row.identifying_agency, unit: row.identifying_unit }, details: { reopened: true },
      }, actor, meta);
    }
  }

  /** The request, locked, once the closure workflow lets this actor take the action from its status. */
  private async pendingFor(m: EntityManager, actor: Actor, id: string, meta: RequestMeta, action: ClosureAction) {
    const req = await this.repository.find(m, id, true);
    if (!req) throw ProblemException.notFound(ClosureErrorCode.NotFound);
    const { viewer } = await this.access.requireCaseAccess(m, actor, req.case_id, meta, false, ClosureErrorCode.NotFound);
    const parties = closurePartiesOf(req, viewer, actor);
    requireAction(CLOSURE_WORKFLOW, req.status as ClosureStatus, action, parties, {
      notAllowed: REFUSALS.notAllowed,
      notParty: () => ProblemException.unprocessable(ClosureErrorCode.SameAgency, { extensions: { requestingAgency: req.requesting_agency } }),
    });
    return { ...req, parties };
  }

  private async decide(m: EntityManager, id: string, status: 'approved' | 'rejected', actor: Actor, reasonEnc: string | null) {
    const decided = await this.repository.decide(m, id, { status, by: actor.id, agency: actor.agencyCode, at: this.clock.now(), reasonEnc });
    if (!decided) throw ProblemException.conflict(ClosureErrorCode.NotPending);
  }

  private async view(m: EntityManager, id: string): Promise<ClosureView> {
    const r = (await this.repository.find(m, id))!;
    return {
      id: r.id, caseId: r.case_id, reason: r.reason, status: r.status, requestingAgency: (await this.agencies.ref(r.requesting_agency))!,
      requestedAt: r.requested_at.toISOString(), decidingAgency: await this.agencies.ref(r.deciding_agency), decidedAt: r.decided_at?.toISOString() ?? null,
    };
  }
}
