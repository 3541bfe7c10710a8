import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { addMonths, addressedToViewer, CaseAccessService, CaseReads, CaseErrorCode, CaseActionsRegistry, casePartiesOf, onRecord, CasePartsRegistry, CaseRepository, CaseRow, CaseService, CaseViewer, isCalendarDate, startOfDayInEcuador } from '@ruta/case';
import { Actor, availableActions, Clock, CommonErrorCode, FieldCipher, mayTake, ProblemException, RequestMeta, requireAction, workAddressee } from '@ruta/core';
import { TasksService, TimerRegistry, TimerService } from '@ruta/tasks';
import { DataSource, EntityManager } from 'typeorm';
import { CheckinChangeDto, CheckinRecordDto, FollowUpPlanDto } from './dto/follow-up.dto';
import { FollowUpErrorCode } from './follow-up.exception';
import { CHECKIN_WORKFLOW, CheckinParty } from './checkin.workflow';
import { CheckinRow, FollowUpRepository } from './follow-up.repository';

export const CHECKIN_DUE_TIMER = 'follow_up_checkin_due';
const DEFAULT_MONTHS = [1, 3, 6, 9, 12];
const DAY = 24 * 3600_000;

/** Who a check-in is addressed to: the focal points of its agency. */
const checkinAddressee = (c: { agency_code: string }) => workAddressee({ agency: c.agency_code });

const notLead = () => ProblemException.unprocessable(CaseErrorCode.NotLeadAgency);
const alreadyRecorded = () => ProblemException.conflict(FollowUpErrorCode.AlreadyRecorded);

/** The parties of the check-in workflow an actor is in: the check-in's agency, the case's lead agency. */
export function checkinPartiesOf(c: { agency_code: string }, row: CaseRow, viewer: CaseViewer, actor: Actor): CheckinParty[] {
  const parties: CheckinParty[] = [];
  if ((viewer.kind === 'focal_point' || viewer.kind === 'committee') && actor.agencyCode === c.agency_code) parties.push('assigned_agency');
  if (casePartiesOf(row, viewer, actor).includes('lead_agency')) parties.push('lead_agency');
  return parties;
}

/**
 * One-year follow-up (PRODUCT.md section 9): a plan with check-ins (+1, +3, +6, +9, +12 months by default)
 * that fall due as tasks for their agency; two unreached check-ins in a row escalate to the lead agency,
 * and the last one asks the lead agency to close the case. The database holds the schedule.
 */
@Injectable()
export class FollowUpService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: FollowUpRepository,
    private readonly access: CaseAccessService,
    private readonly cases: CaseService,
    private readonly caseRepository: CaseRepository,
    private readonly parts: CasePartsRegistry,
    private readonly tasks: TasksService,
    private readonly timers: TimerService,
    private readonly registry: TimerRegistry,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly actions: CaseActionsRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(CHECKIN_DUE_TIMER, (m, id, firedAt) => this.onDue(m, id, firedAt));
    this.parts.register('followUp', async (m, row, reads) => this.planOf(m, row, reads));
    // The check-in workflow's actions this user may take now (the timer's are not a person's).
    this.actions.register('follow_up', async (m, row, actor, viewer, reads) => {
      const checkins = await this.caseCheckins(m, row, reads);
      return checkins.flatMap((c) => onRecord('checkin', c.id, availableActions(CHECKIN_WORKFLOW, c.status, checkinPartiesOf(c, row, viewer, actor))));
    });
  }

  create(actor: Actor, caseId: string, dto: FollowUpPlanDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta, true);
      if (!isCalendarDate(dto.startDate)) throw ProblemException.unprocessable(CommonErrorCode.InvalidDate, { errors: [{ path: 'startDate', message: 'not a calendar date' }] });
      if (await this.repository.planExists(m, caseId)) throw ProblemException.conflict(FollowUpErrorCode.AlreadyPlanned);
      const lead = row.lead_agency!;
      const checkins = (dto.checkins ?? DEFAULT_MONTHS.map((months) => ({ monthsAfterStart: months, agency: lead })))
        .slice().sort((a, b) => a.monthsAfterStart - b.monthsAfterStart);
      await this.cases.transition(m, row, { action: 'create_follow_up_plan', as: casePartiesOf(row, viewer, actor), notParty: notLead, to: 'follow_up', details: { startDate: dto.startDate } }, actor, meta);
      const planId = await this.repository.insertPlan(m, { caseId, startDate: dto.startDate, by: actor.id });
      for (const [i, c] of checkins.entries()) {
        const due = addMonths(dto.startDate, c.monthsAfterStart);
        const id = await this.repository.insertCheckin(m, { planId, caseId, sequence: i + 1, monthsAfterStart: c.monthsAfterStart, dueDate: due, agency: c.agency });
        await this.timers.schedule(m, { kind: CHECKIN_DUE_TIMER, subjectId: id, fireAt: startOfDayInEcuador(due) });
        // A check-in addressed to an agency is a stake in the case (PRODUCT.md section 2).
        await this.caseRepository.addStake(m, { caseId, role: 'service_focal_point', agency: c.agency, reason: 'follow_up_checkin' });
      }
      await this.audit.record(m, { actor, meta, action: 'follow_up.plan', subjectType: 'follow_up_plan', subjectId: planId, caseId, changedFields: ['startDate', 'checkins'] });
      return this.render(m, caseId, viewer);
    });
  }

  get(actor: Actor, caseId: string, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      const body = await this.cases.render(m, row, viewer);
      if (!('followUp' in body) || body.followUp === null) throw ProblemException.notFound(FollowUpErrorCode.NotFound);
      await this.audit.record(m, { actor, meta, action: 'follow_up.plan_read', subjectType: 'case', subjectId: row.id, caseId: row.id });
      return body.followUp;
    });
  }

  /** Reschedule or reassign a check-in that has not fallen due; its timer moves with it. */
  change(actor: Actor, checkinId: string, dto: CheckinChangeDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const c = await this.checkin(m, checkinId);
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, c.case_id, meta, false, FollowUpErrorCode.CheckinNotFound);
      requireAction(CHECKIN_WORKFLOW, c.status, 'reschedule', checkinPartiesOf(c, row, viewer, actor), { notAllowed: alreadyRecorded, notParty: notLead });
      if (dto.dueDate !== undefined && !isCalendarDate(dto.dueDate)) {
        throw ProblemException.unprocessable(CommonErrorCode.InvalidDate, { errors: [{ path: 'dueDate', message: 'not a calendar date' }] });
      }
      const dueDate = await this.repository.reschedule(m, c.id, dto.dueDate ?? null, dto.agency ?? null);
      if (dueDate === undefined) throw ProblemException.conflict(FollowUpErrorCode.AlreadyRecorded);
      await this.timers.schedule(m, { kind: CHECKIN_DUE_TIMER, subjectId: c.id, fireAt: startOfDayInEcuador(dueDate) });
      if (dto.agency) await this.caseRepository.addStake(m, { caseId: c.case_id, role: 'service_focal_point', agency: dto.agency, reason: 'follow_up_checkin' });
      await this.cases.addHistory(m, c.case_id, 'follow_up_rescheduled', actor, { checkinId: c.id, agency: dto.agency ?? c.agency_code });
      await this.audit.record(m, { actor, meta, action: 'follow_up.reschedule', subjectType: 'checkin', subjectId: c.id, caseId: c.case_id, changedFields: Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined) });
      return this.render(m, c.case_id, viewer);
    });
  }

  /** The assigned agency records the check-in; not reached twice in a row escalates to the lead agency. */
  record(actor: Actor, checkinId: string, dto: CheckinRecordDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const c = await this.checkin(m, checkinId, true);
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, c.case_id, meta, false, FollowUpErrorCode.CheckinNotFound);
      // Another agency's check-in is not visible to a focal point (the field matrix): as if it did not exist.
      if (viewer.kind === 'focal_point' && !viewer.lead && !addressedToViewer(viewer, checkinAddressee(c))) throw ProblemException.notFound(FollowUpErrorCode.CheckinNotFound);
      requireAction(CHECKIN_WORKFLOW, c.status, 'record', checkinPartiesOf(c, row, viewer, actor), {
        notAllowed: alreadyRecorded, notParty: () => ProblemException.unprocessable(FollowUpErrorCode.NotAssigned),
      });
      const recorded = await this.repository.record(m, c.id, {
        outcome: dto.outcome, notesEnc: this.cipher.encrypt(dto.notes ?? null), newNeedsEnc: this.cipher.encrypt(dto.newNeeds ?? null), by: actor.id, at: this.clock.now(),
      });
      if (!recorded) throw ProblemException.conflict(FollowUpErrorCode.AlreadyRecorded);
      if (c.task_id) await this.tasks.completeByAction(m, c.task_id, actor);
      await this.timers.cancel(m, CHECKIN_DUE_TIMER, c.id);
      const leadAgency = row.lead_agency!;
      if (dto.outcome === 'not_reached') {
        if (await this.repository.outcomeAt(m, c.plan_id, c.sequence - 1) === 'not_reached') {
          await this.cases.addTask(m, {
            type: 'escalation', caseId: c.case_id, priority: 'high', dueAt: new Date(this.clock.nowMs() + 3 * DAY),
            addressee: { role: 'service_focal_point', agency: leadAgency }, details: { reason: 'follow_up_not_reached_twice', checkinId: c.id },
          }, actor, meta);
        }
      }
      if (await this.repository.lastSequence(m, c.plan_id) === c.sequence) {
        await this.cases.addTask(m, {
          type: 'follow_up_close', caseId: c.case_id, priority: 'normal', dueAt: new Date(this.clock.nowMs() + 14 * DAY),
          addressee: { role: 'service_focal_point', agency: leadAgency }, details: { reason: 'follow_up_completed' },
        }, actor, meta);
      }
      await this.cases.addHistory(m, c.case_id, 'follow_up_recorded', actor, { checkinId: c.id, agency: c.agency_code, outcome: dto.outcome });
      await this.audit.record(m, { actor, meta, action: 'follow_up.record', subjectType: 'checkin', subjectId: c.id, caseId: c.case_id, changedFields: ['outcome', 'notes', 'newNeeds'] });
      return this.render(m, c.case_id, viewer);
    });
  }

  /** Timer: the check-in falls due and a follow_up_checkin task (due within 14 days) reaches its agency. */
  private async onDue(m: EntityManager, checkinId: string, firedAt: Date): Promise<void> {
    const c = await this.repository.checkin(m, checkinId, true);
    if (!c || !mayTake(CHECKIN_WORKFLOW, c.status, 'fall_due', ['timer'])) return;
    // A closed case puts no work in anyone's queue.
    if ((await this.caseRepository.find(m, c.case_id))?.status === 'closed') return;
    const task = await this.cases.addTask(m, {
      type: 'follow_up_checkin', caseId: c.case_id, priority: 'normal', dueAt: new Date(firedAt.getTime() + 14 * DAY),
      addressee: checkinAddressee(c)!, details: { checkinId, monthsAfterStart: c.months_after_start },
    }, null, null);
    await this.repository.markDue(m, checkinId, task.id);
  }

  private async checkin(m: EntityManager, id: string, lock = false): Promise<CheckinRow> {
    const c = await this.repository.checkin(m, id, lock);
    if (!c) throw ProblemException.notFound(FollowUpErrorCode.CheckinNotFound);
    return c;
  }

  /** The case's check-ins, read once for the part and the actions of one answer. */
  private caseCheckins(m: EntityManager, row: CaseRow, reads: CaseReads): Promise<CheckinRow[]> {
    return reads.once('follow_up_checkins', () => this.repository.checkinsOfCase(m, row.id));
  }

  private async planOf(m: EntityManager, row: CaseRow, reads: CaseReads) {
    const plan = await this.repository.plan(m, row.id);
    if (!plan) return null;
    const checkins = await this.caseCheckins(m, row, reads);
    return {
      startDate: plan.start_date,
      checkins: checkins.map((c) => ({
        id: c.id, agency: c.agency_code, dueDate: c.due_date, status: c.status, outcome: c.outcome,
        notes: this.cipher.decrypt(c.notes_enc), newNeeds: this.cipher.decrypt(c.new_needs_enc), recordedAt: c.recorded_at?.toISOString() ?? null,
      })),
    };
  }

  private async render(m: EntityManager, caseId: string, viewer: CaseViewer) {
    const row = (await this.caseRepository.find(m, caseId))!;
    const body = await this.cases.render(m, row, viewer);
    return body.followUp ?? null;
  }
}
