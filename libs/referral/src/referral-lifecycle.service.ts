import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { CaseAccessService, CaseClosureHooks, CaseRepository, CaseService } from '@ruta/case';
import { Actor, Clock, FieldCipher, ProblemException, reaches, RequestMeta, requireAction, workAddressee } from '@ruta/core';
import { TasksService } from '@ruta/tasks';
import { DataSource, EntityManager } from 'typeorm';
import { DischargeDto } from './dto/referral.dto';
import { ReferralErrorCode } from './referral.exception';
import { ReferralRepository, ReferralRow } from './referral.repository';
import { ReferralService } from './referral.service';
import { ReferralView } from './referral.view';
import { ReferralAction, referralActionRefusal, referralFrom, ReferralKind, ReferralParty, ReferralStatus, REFERRAL_WORKFLOW } from './referral.workflow';

const HOUR = 3600_000;

/** What happens to a referral after it is made: accept (admits, for shelters), decline, complete, cancel, discharge. */
@Injectable()
export class ReferralLifecycleService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: ReferralRepository,
    private readonly referrals: ReferralService,
    private readonly cases: CaseService,
    private readonly caseRepository: CaseRepository,
    private readonly access: CaseAccessService,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly closureHooks: CaseClosureHooks,
  ) {}

  onModuleInit(): void {
    // A case closes with its referrals (PRODUCT.md section 4): not while the person is placed (discharge first);
    // on approval, referrals not yet accepted are cancelled with reason case_closed (their response tasks end
    // with them), and accepted service referrals complete with the closure. A shelter referral is completed by
    // its discharge, which came first.
    this.closureHooks.register('referrals', {
      refusal: async (m, caseId) =>
        (await this.repository.activePlacementOfCase(m, caseId)) ? ProblemException.conflict(ReferralErrorCode.ActivePlacement) : null,
      closed: async (m, caseId, actor, meta) => {
        for (const r of await this.repository.forCase(m, caseId)) {
          if (r.status === 'pending' && (await this.repository.cancelWithCase(m, r.id))) {
            if (r.response_task_id) await this.tasks.completeByAction(m, r.response_task_id, actor);
            await this.record(m, actor, meta, r, 'cancel', { reason: 'case_closed' });
          } else if (r.status === 'accepted' && r.shelter_id === null
            && (await this.repository.move(m, r.id, referralFrom('complete'), 'completed', actor.id, null))) {
            await this.record(m, actor, meta, r, 'complete', { reason: 'case_closed' });
          }
        }
      },
    });
  }

  /** Accepting a shelter referral admits the person, only if a place is free (409 shelter_at_capacity otherwise). */
  accept(actor: Actor, id: string, children: number | undefined, meta: RequestMeta): Promise<ReferralView> {
    return this.ds.transaction(async (m) => {
      const { r, parties } = await this.asParty(m, actor, id, meta);
      this.require(r, 'accept', parties);
      if (r.shelter_id) {
        const placed = await this.repository.insertPlacement(m, { caseId: r.case_id, shelterId: r.shelter_id, referralId: r.id, at: this.clock.now(), children: children ?? 0 });
        if (!placed) throw ProblemException.conflict(ReferralErrorCode.ShelterAtCapacity, { extensions: { shelterId: r.shelter_id } });
      }
      if (!(await this.repository.move(m, r.id, referralFrom('accept'), 'accepted', actor.id, null))) {
        throw ProblemException.conflict(ReferralErrorCode.NotPending);
      }
      await this.finishResponseTask(m, r, actor);
      const caseRow = (await this.caseRepository.find(m, r.case_id, true))!;
      if (caseRow.status === 'recognized') {
        await this.cases.transition(m, caseRow, { action: 'first_referral_accepted', as: ['target'], to: 'in_assistance', details: { referralId: r.id, agency: r.agency_code, shelterId: r.shelter_id } }, actor, meta);
      }
      await this.record(m, actor, meta, r, 'accept', { admitted: Boolean(r.shelter_id) });
      return this.referrals.view((await this.repository.find(m, r.id))!);
    });
  }

  decline(actor: Actor, id: string, reason: string, meta: RequestMeta, reasonCode?: string): Promise<ReferralView> {
    return this.ds.transaction(async (m) => {
      const { r, parties } = await this.asParty(m, actor, id, meta);
      this.require(r, 'decline', parties);
      if (!(await this.repository.move(m, r.id, referralFrom('decline'), 'declined', actor.id, this.cipher.encrypt(reason)))) {
        throw ProblemException.conflict(ReferralErrorCode.NotPending);
      }
      if (reasonCode) await this.repository.setDeclineReasonCode(m, r.id, reasonCode);
      await this.finishResponseTask(m, r, actor);
      const caseRow = (await this.caseRepository.find(m, r.case_id))!;
      if (caseRow.lead_agency) {
        await this.cases.addTask(m, {
          type: 'find_alternative', caseId: r.case_id, priority: caseRow.is_minor ? 'urgent' : 'high', dueAt: new Date(this.clock.nowMs() + 72 * HOUR),
          addressee: { role: 'service_focal_point', agency: caseRow.lead_agency }, details: { referralId: r.id, serviceType: r.service_type },
        }, actor, meta);
      }
      await this.record(m, actor, meta, r, 'decline', {});
      return this.referrals.view((await this.repository.find(m, r.id))!);
    });
  }

  complete(actor: Actor, id: string, outcome: string | undefined, meta: RequestMeta): Promise<ReferralView> {
    return this.ds.transaction(async (m) => {
      const { r, parties } = await this.asParty(m, actor, id, meta);
      // The target learns that a shelter referral is completed by discharge before being told anything else.
      if (parties.includes('target')) this.requireApplies('complete', { shelterId: r.shelter_id, placed: false });
      this.require(r, 'complete', parties);
      if (!(await this.repository.move(m, r.id, referralFrom('complete'), 'completed', actor.id, this.cipher.encrypt(outcome ?? null), 'outcome_enc'))) {
        throw ProblemException.conflict(ReferralErrorCode.TransitionNotAllowed);
      }
      await this.record(m, actor, meta, r, 'complete', {});
      return this.referrals.view((await this.repository.find(m, r.id))!);
    });
  }

  /** Lead agency or committee; a shelter referral with someone still placed must be discharged first. */
  cancel(actor: Actor, id: string, reason: string, meta: RequestMeta): Promise<ReferralView> {
    return this.ds.transaction(async (m) => {
      const { r, parties } = await this.asParty(m, actor, id, meta);
      this.require(r, 'cancel', parties, () => ProblemException.unprocessable(ReferralErrorCode.NotAllowedToCancel));
      this.requireApplies('cancel', { shelterId: r.shelter_id, placed: Boolean(await this.repository.activePlacementFor(m, r.id)) });
      if (!(await this.repository.move(m, r.id, referralFrom('cancel'), 'cancelled', actor.id, this.cipher.encrypt(reason)))) {
        throw ProblemException.conflict(ReferralErrorCode.TransitionNotAllowed);
      }
      if (r.response_task_id) await this.tasks.completeByAction(m, r.response_task_id, actor);
      await this.record(m, actor, meta, r, 'cancel', {});
      return this.referrals.view((await this.repository.find(m, r.id))!);
    });
  }

  /** Discharge frees the place and completes the shelter referral; returns need a risk assessment. */
  discharge(actor: Actor, placementId: string, dto: DischargeDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const p = await this.repository.placement(m, placementId, true);
      if (!p) throw ProblemException.notFound(ReferralErrorCode.PlacementNotFound);
      await this.access.requireCaseAccess(m, actor, p.case_id, meta, false, ReferralErrorCode.PlacementNotFound);
      // Another shelter's placement is not visible to this staff member.
      if (!reaches(workAddressee({ shelterId: p.shelter_id }), actor)) throw ProblemException.notFound(ReferralErrorCode.PlacementNotFound);
      if (['family_reintegration', 'returned_to_origin_country'].includes(dto.reason) && !dto.riskAssessment) {
        throw ProblemException.unprocessable(ReferralErrorCode.RiskAssessmentRequired, { errors: [{ path: 'riskAssessment', message: `required for ${dto.reason}` }] });
      }
      const ok = await this.repository.discharge(m, p.id, {
        at: this.clock.now(), reason: dto.reason, riskEnc: this.cipher.encryptJson(dto.riskAssessment ?? null), by: actor.id,
      });
      if (!ok) throw ProblemException.conflict(ReferralErrorCode.AlreadyDischarged);
      // The discharge completes the shelter referral: the referral workflow decides, for its target (this shelter's staff).
      const r = (await this.repository.find(m, p.referral_id))!;
      this.require(r, 'discharge', this.referrals.isTarget(actor, r) ? ['target'] : []);
      this.requireApplies('discharge', { shelterId: r.shelter_id, placed: true });
      await this.repository.move(m, r.id, referralFrom('discharge'), 'completed', actor.id, null, 'outcome_enc');
      await this.cases.addHistory(m, p.case_id, 'discharge', actor, { placementId: p.id, reason: dto.reason, shelterId: p.shelter_id });
      await this.audit.record(m, { actor, meta, action: 'placement.discharge', subjectType: 'placement', subjectId: p.id, caseId: p.case_id, changedFields: ['status', 'reason', 'riskAssessment'] });
      return { id: p.id, caseId: p.case_id, shelterId: p.shelter_id, status: 'discharged', reason: dto.reason };
    });
  }

  /** The referral, locked, and the parties the caller is in for it; 404 when the referral is hidden from the caller. */
  private async asParty(m: EntityManager, actor: Actor, id: string, meta: RequestMeta): Promise<{ r: ReferralRow; parties: ReferralParty[] }> {
    const r = await this.repository.find(m, id, true);
    if (!r) throw ProblemException.notFound(ReferralErrorCode.NotFound);
    const { row, viewer } = await this.access.requireCaseAccess(m, actor, r.case_id, meta, false, ReferralErrorCode.NotFound);
    if (!this.referrals.seenBy(viewer, r)) throw ProblemException.notFound(ReferralErrorCode.NotFound);
    return { r, parties: this.referrals.partiesOf(r, row, viewer, actor) };
  }

  /** The referral workflow decides; 422 not_referral_target (or the given problem) for an actor who is not a party. */
  private require(r: ReferralRow, action: ReferralAction, parties: ReferralParty[], notParty = () => ProblemException.unprocessable(ReferralErrorCode.NotTarget)): void {
    requireAction(REFERRAL_WORKFLOW, r.status as ReferralStatus, action, parties, {
      notAllowed: (status) => ProblemException.conflict(ReferralErrorCode.TransitionNotAllowed, { extensions: { recordStatus: status, action } }), notParty,
    });
  }

  /** The referral's kind decides (referralActionRefusal, the same predicate that lists the actions on a case). */
  private requireApplies(action: ReferralAction, kind: ReferralKind): void {
    const refusal = referralActionRefusal(action, kind);
    if (refusal === ReferralErrorCode.ActivePlacement) throw ProblemException.conflict(refusal);
    if (refusal === ReferralErrorCode.PlacementNotFound) throw ProblemException.notFound(refusal);
    if (refusal !== null) throw ProblemException.unprocessable(refusal);
  }

  private async finishResponseTask(m: EntityManager, r: ReferralRow, actor: Actor): Promise<void> {
    if (r.response_task_id) await this.tasks.completeByAction(m, r.response_task_id, actor);
  }

  private async record(m: EntityManager, actor: Actor, meta: RequestMeta, r: ReferralRow, action: string, details: Record<string, unknown>) {
    await this.cases.addHistory(m, r.case_id, `referral_${action}`, actor, { referralId: r.id, agency: r.agency_code, shelterId: r.shelter_id, ...details });
    await this.audit.record(m, { actor, meta, action: `referral.${action}`, subjectType: 'referral', subjectId: r.id, caseId: r.case_id, changedFields: ['status'] });
  }
}
