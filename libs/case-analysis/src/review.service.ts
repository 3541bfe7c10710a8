import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { CaseAccessService, CaseActionsRegistry, CaseReads, caseActionsFor, CaseParty, casePartiesOf, CasePartsRegistry, onRecord, CaseRepository, CaseRow, CaseService } from '@ruta/case';
import { Actor, caseAnalysisConfig, Clock, CommonErrorCode, FieldCipher, pageList, ProblemException, RequestMeta } from '@ruta/core';
import { ReferralService } from '@ruta/referral';
import { RegularizationService } from '@ruta/regularization';
import { TasksService } from '@ruta/tasks';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyNames, DirectoryService } from '@ruta/directory';
import { CaseAnalysisErrorCode } from './case-analysis.exception';
import { DecisionDto, LeadAgencyDto } from './dto/review.dto';
import { ReviewRepository, ReviewRow } from './review.repository';

export interface ReviewView {
  id: string; caseId: string; status: string; decision: string | null; members: string[]; rationale: string | null;
  leadAgency: { code: string; name: { es: string; en: string } } | null; createdReferralIds: string[]; visaRequestId: string | null; openedAt: string; decidedAt: string | null;
}

const PLAN_REASON = 'Plan de protección del equipo de análisis de casos / Protection plan of the case-analysis team';

/**
 * The case-analysis team (PRODUCT.md section 6): reviews, decisions with quorum, and on recognition the
 * protection plan's referrals and article 104 request, all in the decision's transaction or not at all.
 */
@Injectable()
export class ReviewService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: ReviewRepository,
    private readonly cases: CaseService,
    private readonly caseRepository: CaseRepository,
    private readonly access: CaseAccessService,
    private readonly parts: CasePartsRegistry,
    private readonly referrals: ReferralService,
    private readonly regularization: RegularizationService,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    @Inject(caseAnalysisConfig.KEY) private readonly config: ConfigType<typeof caseAnalysisConfig>,
    private readonly agencies: AgencyNames,
    private readonly directory: DirectoryService,
    private readonly actions: CaseActionsRegistry,
  ) {}

  onModuleInit(): void {
    // The case workflow's decisions, taken on the open review (`POST /reviews/:id/decision`).
    this.actions.register('review', async (m, row, actor, viewer, reads) => {
      const open = (await this.caseReviews(m, row, reads)).find((r) => r.status === 'open');
      if (!open) return [];
      return onRecord('review', open.id, caseActionsFor(row.status, casePartiesOf(row, viewer, actor)).filter((a) => a.endpoint.startsWith('POST /reviews/:id/')));
    });
    this.parts.register('reviews', async (m, row, reads) => {
      const out = [];
      for (const r of await this.caseReviews(m, row, reads)) {
        const v = await this.view(r);
        out.push({ id: v.id, status: v.status, decision: v.decision, rationale: v.rationale, members: v.members, leadAgency: v.leadAgency, decidedAt: v.decidedAt });
      }
      return out;
    });
  }

  /** The case's reviews, read once for the part and the actions of one answer. */
  private caseReviews(m: EntityManager, row: CaseRow, reads: CaseReads): Promise<ReviewRow[]> {
    return reads.once('reviews', () => this.repository.forCase(m, row.id));
  }

  async open(actor: Actor, caseId: string, meta: RequestMeta): Promise<ReviewView> {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta, true);
      await this.cases.transition(m, row, { action: 'open_review', as: casePartiesOf(row, viewer, actor), to: 'under_review' }, actor, meta);
      const id = await this.repository.open(m, caseId, actor.id);
      await this.tasks.completeOpenForCase(m, caseId, 'case_review', actor);
      await this.audit.record(m, { actor, meta, action: 'review.open', subjectType: 'review', subjectId: id, caseId });
      return this.view((await this.repository.find(m, id))!);
    });
  }

  async list(actor: Actor, caseId: string, query: { limit?: number; cursor?: string }, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      const items = [];
      for (const r of await this.repository.forCase(m, row.id)) items.push(await this.view(r));
      await this.audit.record(m, { actor, meta, action: 'review.list', subjectType: 'case', subjectId: row.id, caseId: row.id });
      return pageList(items, query, (r) => r.id);
    });
  }

  /** The committee's active members with their agencies: who a review may record as present. */
  async committeeMembers(query: { limit?: number; cursor?: string }) {
    const rows = await this.repository.allCommitteeMembers(this.ds.manager);
    const items = rows.map((r) => ({ id: r.id, displayName: r.display_name, agency: this.agencies.ref(r.agency_code) }));
    return pageList(items, query, (r) => r.id);
  }

  /** A decision, in the transaction of the route's Idempotency-Key (which stores the answer). */
  async decide(m: EntityManager, actor: Actor, reviewId: string, dto: DecisionDto, meta: RequestMeta, clientTxId: string | null): Promise<ReviewView> {
    const review = await this.repository.find(m, reviewId, true);
    if (!review) throw ProblemException.notFound(CaseAnalysisErrorCode.ReviewNotFound);
    const { row, viewer } = await this.access.requireCaseAccess(m, actor, review.case_id, meta, true, CaseAnalysisErrorCode.ReviewNotFound);
    const parties = casePartiesOf(row, viewer, actor);
    if (review.status !== 'open') throw ProblemException.conflict(CaseAnalysisErrorCode.ReviewAlreadyDecided);
    if (dto.decision !== 'recognize' && (dto.leadAgency !== undefined || dto.plan !== undefined)) {
      throw ProblemException.unprocessable(CaseAnalysisErrorCode.PlanNotAllowed, { errors: [{ path: dto.plan ? 'plan' : 'leadAgency', message: 'only with recognize' }] });
    }
    if (dto.decision === 'recognize' && !dto.leadAgency) {
      throw ProblemException.unprocessable(CaseAnalysisErrorCode.LeadAgencyRequired, { errors: [{ path: 'leadAgency', message: 'required to recognize' }] });
    }
    if (dto.leadAgency) await this.directory.requireLeadCapable(m, dto.leadAgency, 'leadAgency');
    const members = await this.quorum(m, dto.members);
    let referralIds: string[] = [];
    let visaId: string | null = null;
    if (dto.decision === 'recognize') {
      ({ referralIds, visaId } = await this.recognize(m, row, parties, reviewId, dto, actor, meta, clientTxId));
    } else if (dto.decision === 'request_information') {
      await this.cases.transition(m, row, { action: 'decide_request_information', as: parties, to: 'screening', details: { reviewId }, clientTxId }, actor, meta);
      await this.cases.addTask(m, {
        type: 'complete_screening', caseId: row.id, priority: row.is_minor ? 'urgent' : 'high', dueAt: new Date(this.clock.nowMs() + 72 * 3600_000),
        addressee: { role: 'immigration_officer', agency: row.identifying_agency, unit: row.identifying_unit }, details: { reviewId, requestedInformation: true },
      }, actor, meta);
    } else {
      await this.cases.transition(m, row, {
        action: 'decide_not_recognize', as: parties, to: 'closed', details: { reviewId }, clientTxId,
        set: { closure_reason: 'not_recognized', trafficking_status: 'not_a_victim', status_decided_by: 'case_analysis_team', status_before_closure: 'identified' },
      }, actor, meta);
      await this.tasks.cancelOpenForCase(m, row.id);
    }
    const decided = await this.repository.decide(m, reviewId, {
      decision: dto.decision, rationaleEnc: this.cipher.encrypt(dto.rationale), lead: dto.leadAgency ?? null,
      plan: dto.plan ? { referrals: dto.plan.referrals.map((r) => ({ serviceType: r.serviceType, shelterId: r.shelterId ?? null, agency: r.agency ?? null, consentOverride: Boolean(r.consentOverride) })), requestVisa: dto.plan.requestVisa, followUpStart: dto.plan.followUpStart ?? null } : null,
      referralIds, visaId, by: actor.id, at: this.clock.now(), members,
    });
    if (!decided) throw ProblemException.conflict(CaseAnalysisErrorCode.ReviewAlreadyDecided);
    await this.audit.record(m, {
      actor, meta, action: 'review.decide', subjectType: 'review', subjectId: reviewId, caseId: row.id,
      changedFields: ['decision', 'rationale', 'members', ...(dto.leadAgency ? ['leadAgency'] : []), ...(dto.plan ? ['plan'] : [])],
      details: { decision: dto.decision, referrals: referralIds.length, visaRequested: visaId !== null },
    });
    return this.view((await this.repository.find(m, reviewId))!);
  }

  /** Quorum (configurable; default 3 members of 3 agencies), counting only active committee members. */
  private async quorum(m: EntityManager, userIds: string[]) {
    const members = await this.repository.committeeMembers(m, userIds);
    const agencies = new Set(members.map((x) => x.agency_code));
    const invalid = userIds.filter((id) => !members.some((x) => x.id === id));
    if (members.length < this.config.quorumMembers || agencies.size < this.config.quorumAgencies || invalid.length > 0) {
      throw ProblemException.unprocessable(CaseAnalysisErrorCode.QuorumNotMet, {
        extensions: { members: members.length, agencies: agencies.size, required: { members: this.config.quorumMembers, agencies: this.config.quorumAgencies } },
        errors: invalid.map((id) => ({ path: 'members', message: `${id} is not an active committee member` })),
      });
    }
    return members;
  }

  private async recognize(m: EntityManager, row: CaseRow, parties: CaseParty[], reviewId: string, dto: DecisionDto, actor: Actor, meta: RequestMeta, clientTxId: string | null) {
    await this.cases.transition(m, row, {
      action: 'decide_recognize', as: parties, to: 'recognized', details: { reviewId, leadAgency: dto.leadAgency }, clientTxId,
      set: { trafficking_status: 'recognized_victim', status_decided_by: 'case_analysis_team', lead_agency: dto.leadAgency },
    }, actor, meta);
    const recognized = (await this.caseRepository.find(m, row.id))!;
    const referralIds: string[] = [];
    for (const [i, r] of (dto.plan?.referrals ?? []).entries()) {
      const created = await this.referrals.create(m, recognized, { ...r, reason: PLAN_REASON, reviewId }, actor, meta, `plan.referrals[${i}].`);
      referralIds.push(created.id);
    }
    const visaId = dto.plan?.requestVisa ? await this.regularization.createRequest(m, recognized, actor, meta, reviewId, ['recognition'], 'plan.') : null;
    return { referralIds, visaId };
  }

  /** A committee member names another lead agency; the old lead's open tasks move to the new one. */
  async changeLead(actor: Actor, caseId: string, dto: LeadAgencyDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta, true);
      if (!row.lead_agency) throw ProblemException.conflict(CaseAnalysisErrorCode.NoLeadAgency);
      await this.directory.requireLeadCapable(m, dto.agency, 'agency');
      const version = await this.caseRepository.update(m, row.id, row.version, { lead_agency: dto.agency });
      if (version === null) throw ProblemException.conflict(CommonErrorCode.VersionConflict);
      const moved = row.lead_agency === dto.agency ? [] : await this.tasks.reassignAgencyForCase(m, row.id, row.lead_agency, dto.agency);
      await this.cases.addHistory(m, row.id, 'lead_agency_changed', actor, { from: row.lead_agency, to: dto.agency, tasksMoved: moved.length, reasonEnc: this.cipher.encrypt(dto.reason) });
      await this.audit.record(m, { actor, meta, action: 'case.lead_agency', subjectType: 'case', subjectId: row.id, caseId: row.id, changedFields: ['leadAgency'], details: { from: row.lead_agency, to: dto.agency } });
      const updated = (await this.caseRepository.find(m, row.id))!;
      return this.cases.render(m, updated, viewer);
    });
  }

  private async view(r: ReviewRow): Promise<ReviewView> {
    return {
      id: r.id, caseId: r.case_id, status: r.status, decision: r.decision, members: r.members, rationale: this.cipher.decrypt(r.rationale_enc),
      leadAgency: await this.agencies.ref(r.lead_agency), createdReferralIds: r.created_referral_ids, visaRequestId: r.visa_request_id,
      openedAt: r.opened_at.toISOString(), decidedAt: r.decided_at?.toISOString() ?? null,
    };
  }
}
