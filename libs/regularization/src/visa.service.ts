import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { addMonths, CaseAccessService, CaseActionsRegistry, CaseClosureHooks, casePartiesOf, onRecord, CaseRow, CaseService, CaseViewer, isCalendarDate, startOfDayInEcuador } from '@ruta/case';
import { Actor, availableActions, Clock, decodeCursor, DEFAULT_LIMIT, encodeCursor, FieldCipher, ProblemException, RequestMeta, requireAction, statusesAllowing } from '@ruta/core';
import { TasksService, TimerRegistry, TimerService } from '@ruta/tasks';
import { DataSource, EntityManager } from 'typeorm';
import { GrantVisaDto, VisaQueryDto } from './dto/visa.dto';
import { CLAIMED_BY_ANOTHER, RegularizationErrorCode } from './regularization.exception';
import { RegularizationService } from './regularization.service';
import { OPEN_VISA_STATUSES, VisaMoveSet, VisaRepository, VisaRow } from './visa.repository';
import { VISA_WORKFLOW, VisaAction, VisaParty, VisaStatus } from './visa.workflow';

export const VISA_EXPIRY_TIMER = 'visa_expiry';

export interface VisaView {
  id: string; caseId: string; status: string; visaNumber: string | null; issuedOn: string | null; expiresOn: string | null;
  fee: { amount: 0; waived: true }; requestedAt: string; decidedAt: string | null;
}

/** The parties of the visa workflow the actor is in, for a request (or for the case when `v` is null). */
export function visaPartiesOf(v: Pick<VisaRow, 'claimed_by'> | null, row: CaseRow, viewer: CaseViewer, actor: Actor): VisaParty[] {
  const parties: VisaParty[] = [];
  if (actor.agencyCode === 'MDI' && actor.roles.includes('committee_member')) parties.push('mdi_committee');
  if (viewer.kind === 'visa_officer') parties.push('visa_officer');
  if (v && v.claimed_by !== null && v.claimed_by === actor.id) parties.push('claimer');
  if (casePartiesOf(row, viewer, actor).includes('lead_agency')) parties.push('lead_agency');
  return parties;
}

/** The module's problem for an actor who is not a party to the action (status codes as before the workflow map). */
function notParty(action: VisaAction, status: string): ProblemException {
  if (action === 'withdraw') return ProblemException.unprocessable(RegularizationErrorCode.NotAllowedToWithdraw);
  if ((action === 'grant' || action === 'deny') && status === 'under_review') {
    return ProblemException.conflict(RegularizationErrorCode.TransitionNotAllowed, { detail: CLAIMED_BY_ANOTHER });
  }
  if (action === 'grant' || action === 'deny') return ProblemException.conflict(RegularizationErrorCode.TransitionNotAllowed, { extensions: { recordStatus: status } });
  return ProblemException.forbidden();
}

/**
 * The article 104 request's lifecycle (PRODUCT.md section 8): requested -> under_review (a visa officer
 * claims it) -> granted | denied, or withdrawn; 60 days before expiry a visa_expiry task for the lead agency.
 */
@Injectable()
export class VisaService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: VisaRepository,
    private readonly regularization: RegularizationService,
    private readonly access: CaseAccessService,
    private readonly cases: CaseService,
    private readonly tasks: TasksService,
    private readonly timers: TimerService,
    private readonly registry: TimerRegistry,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly actions: CaseActionsRegistry,
    private readonly closureHooks: CaseClosureHooks,
  ) {}

  onModuleInit(): void {
    this.registry.register(VISA_EXPIRY_TIMER, (m, id, firedAt) => this.onExpiryNear(m, id, firedAt));
    // Regularization is the person's right, not the case's (PRODUCT.md section 4): a request not yet decided
    // goes on after the case closes, with its decision task and the visa officer's part in the case.
    this.closureHooks.register('visa', { continuing: ['visa_decision'] });
    // The visa workflow's actions this user may take now: on the open request, or filing one.
    this.actions.register('visa', async (m, row, actor, viewer, reads) => {
      const latest = await this.regularization.latestOfCase(m, row, reads);
      const open = latest && OPEN_VISA_STATUSES.includes(latest.status) ? latest : undefined;
      if (open) return onRecord('visa_request', open.id, availableActions(VISA_WORKFLOW, open.status as VisaStatus, visaPartiesOf(open, row, viewer, actor)));
      if (row.trafficking_status !== 'recognized_victim' || row.nationality.includes('ECU')) return [];
      return onRecord('visa_request', row.id, availableActions(VISA_WORKFLOW, 'new', visaPartiesOf(null, row, viewer, actor)).filter((a) => a.action === 'file'));
    });
  }

  /** Filed by a committee member of MDI, the requesting ministry. */
  file(actor: Actor, caseId: string, meta: RequestMeta): Promise<VisaView> {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta, true);
      const id = await this.regularization.createRequest(m, row, actor, meta, null, visaPartiesOf(null, row, viewer, actor));
      return this.view(await this.find(m, id));
    });
  }

  async list(actor: Actor, query: VisaQueryDto, meta: RequestMeta) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, 2);
    const rows = await this.repository.page(this.ds.manager, { status: query.status ?? null, after, limit });
    const page = rows.slice(0, limit);
    await this.audit.recordAlone({ actor, meta, action: 'visa.list', subjectType: 'visa_request', details: { returned: page.length, caseIds: page.map((r) => r.case_id) } });
    const last = page[page.length - 1];
    return { items: page.map((r) => this.view(r)), nextCursor: rows.length > limit ? encodeCursor([last.requested_at.toISOString(), last.id]) : null };
  }

  /** A visa officer takes the request up: under_review, and its visa_decision task is theirs. */
  claim(actor: Actor, id: string, meta: RequestMeta): Promise<VisaView> {
    return this.ds.transaction(async (m) => {
      const v = await this.open(m, actor, id, meta, 'claim');
      await this.move(m, v, 'claim', 'under_review', { claimed_by: actor.id });
      if (v.decision_task_id) await this.tasks.claimByAction(m, v.decision_task_id, actor);
      await this.record(m, actor, meta, v, 'claim');
      return this.view(await this.find(m, id));
    });
  }

  grant(actor: Actor, id: string, dto: GrantVisaDto, meta: RequestMeta): Promise<VisaView> {
    return this.ds.transaction(async (m) => {
      const v = await this.open(m, actor, id, meta, 'grant');
      const expiresOn = dto.expiresOn ?? addMonths(dto.issuedOn, 24);
      if (!isCalendarDate(dto.issuedOn) || !isCalendarDate(expiresOn) || expiresOn <= dto.issuedOn) {
        throw ProblemException.unprocessable(RegularizationErrorCode.InvalidDates, { errors: [{ path: 'expiresOn', message: 'must be a calendar date after issuedOn' }] });
      }
      await this.move(m, v, 'grant', 'granted', {
        visa_number_enc: this.cipher.encrypt(dto.visaNumber), issued_on: dto.issuedOn, expires_on: expiresOn, decided_at: this.clock.now(),
      });
      if (v.decision_task_id) await this.tasks.completeByAction(m, v.decision_task_id, actor);
      await this.timers.schedule(m, { kind: VISA_EXPIRY_TIMER, subjectId: v.id, fireAt: startOfDayInEcuador(expiresOn, 60) });
      await this.record(m, actor, meta, v, 'grant');
      return this.view(await this.find(m, id));
    });
  }

  deny(actor: Actor, id: string, reason: string, meta: RequestMeta): Promise<VisaView> {
    return this.ds.transaction(async (m) => {
      const v = await this.open(m, actor, id, meta, 'deny');
      await this.move(m, v, 'deny', 'denied', { reason_enc: this.cipher.encrypt(reason), decided_at: this.clock.now() });
      if (v.decision_task_id) await this.tasks.completeByAction(m, v.decision_task_id, actor);
      await this.record(m, actor, meta, v, 'deny');
      return this.view(await this.find(m, id));
    });
  }

  /** Withdrawn by an MDI committee member or the lead agency, with a reason. */
  withdraw(actor: Actor, id: string, reason: string, meta: RequestMeta): Promise<VisaView> {
    return this.ds.transaction(async (m) => {
      const v = await this.open(m, actor, id, meta, 'withdraw');
      await this.move(m, v, 'withdraw', 'withdrawn', { reason_enc: this.cipher.encrypt(reason), withdrawn_by: actor.id, decided_at: this.clock.now() });
      await this.tasks.cancelOpenForCase(m, v.case_id, ['visa_decision']);
      await this.record(m, actor, meta, v, 'withdraw');
      return this.view(await this.find(m, id));
    });
  }

  /** Timer: 60 days before expiry, the lead agency gets a visa_expiry task (once, if the visa is still granted). */
  private async onExpiryNear(m: EntityManager, id: string, firedAt: Date): Promise<void> {
    const v = await this.repository.expiring(m, id);
    // A closed case puts no work in anyone's queue.
    if (!v || v.status !== 'granted' || !v.lead_agency || v.case_status === 'closed') return;
    if (await this.tasks.hasOpen(m, v.case_id, 'visa_expiry')) return;
    await this.cases.addTask(m, {
      type: 'visa_expiry', caseId: v.case_id, priority: v.is_minor ? 'high' : 'normal',
      dueAt: new Date(Math.max(startOfDayInEcuador(v.expires_on).getTime(), firedAt.getTime() + 24 * 3600_000)),
      addressee: { role: 'service_focal_point', agency: v.lead_agency }, details: { visaRequestId: id, expiresOn: v.expires_on },
    }, null, null);
  }

  /** The request, locked, once the visa workflow lets this actor take the action from its status. */
  private async open(m: EntityManager, actor: Actor, id: string, meta: RequestMeta, action: VisaAction): Promise<VisaRow> {
    const v = await this.find(m, id, true);
    const { row, viewer } = await this.access.requireCaseAccess(m, actor, v.case_id, meta, false, RegularizationErrorCode.NotFound);
    requireAction(VISA_WORKFLOW, v.status as VisaStatus, action, visaPartiesOf(v, row, viewer, actor), {
      notAllowed: (status) => ProblemException.conflict(RegularizationErrorCode.TransitionNotAllowed, { extensions: { recordStatus: status } }),
      notParty: (status) => notParty(action, status),
    });
    return v;
  }

  /** The guarded update: only from a status the workflow allows the action from (a concurrent change loses). */
  private async move(m: EntityManager, v: VisaRow, action: VisaAction, to: string, set: VisaMoveSet): Promise<void> {
    if (!(await this.repository.move(m, v.id, statusesAllowing(VISA_WORKFLOW, action), to, set))) {
      throw ProblemException.conflict(RegularizationErrorCode.TransitionNotAllowed, { extensions: { recordStatus: v.status } });
    }
  }

  private async record(m: EntityManager, actor: Actor, meta: RequestMeta, v: VisaRow, action: string): Promise<void> {
    await this.cases.addHistory(m, v.case_id, `visa_${action}`, actor, { visaRequestId: v.id });
    await this.audit.record(m, { actor, meta, action: `visa.${action}`, subjectType: 'visa_request', subjectId: v.id, caseId: v.case_id, changedFields: ['status'] });
  }

  private async find(m: EntityManager, id: string, lock = false): Promise<VisaRow> {
    const row = await this.repository.find(m, id, lock);
    if (!row) throw ProblemException.notFound(RegularizationErrorCode.NotFound);
    return row;
  }

  private view(r: VisaRow): VisaView {
    return {
      id: r.id, caseId: r.case_id, status: r.status, visaNumber: this.cipher.decrypt(r.visa_number_enc), issuedOn: r.issued_on,
      expiresOn: r.expires_on, fee: { amount: 0, waived: true }, requestedAt: r.requested_at.toISOString(), decidedAt: r.decided_at?.toISOString() ?? null,
    };
  }
}
