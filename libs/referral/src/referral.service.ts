import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { addressedToViewer, CaseAccessService, CaseReads, CaseActionsRegistry, casePartiesOf, CasePartsRegistry, onRecord, CaseRepository, CaseRow, CaseService, CaseViewer, ecuadorDate } from '@ruta/case';
import { Actor, Addressee, availableActions, Clock, CommonErrorCode, decodeCursor, DEFAULT_LIMIT, encodeCursor, FieldCipher, pageList, ProblemException, reaches, RequestMeta, requireAction, workAddressee } from '@ruta/core';
import { DirectoryErrorCode, DirectoryService, ShelterView } from '@ruta/directory';
import { TasksService } from '@ruta/tasks';
import { DataSource, EntityManager } from 'typeorm';
import { ageToday, checkEligibility, FailedRule, PersonFacts } from './eligibility';
import { ReferralErrorCode } from './referral.exception';
import { ReferralListRow, ReferralRepository, ReferralRow } from './referral.repository';
import { referralView, ReferralView } from './referral.view';
import { REFERRAL_WORKFLOW, referralActionRefusal, ReferralParty, ReferralStatus } from './referral.workflow';

export interface NewReferral {
  serviceType: string;
  shelterId?: string;
  agency?: string;
  reason: string;
  parentReferralId?: string | null;
  consentOverride?: { justification: string };
  reviewId?: string | null;
}

const HOUR = 3600_000;

/** Who a referral is addressed to: a shelter's staff, or the focal points of the agency giving the service. */
export const referralAddressee = (r: Pick<ReferralRow, 'agency_code' | 'shelter_id'>): Addressee | null =>
  workAddressee({ agency: r.agency_code, shelterId: r.shelter_id });

/**
 * Referrals (PRODUCT.md section 7): created by the committee, the lead agency, or a target referring onward;
 * the consent gate, shelter eligibility, the target's response task and its stake in the case.
 */
@Injectable()
export class ReferralService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: ReferralRepository,
    private readonly cases: CaseService,
    private readonly caseRepository: CaseRepository,
    private readonly access: CaseAccessService,
    private readonly parts: CasePartsRegistry,
    private readonly actions: CaseActionsRegistry,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly directory: DirectoryService,
  ) {}

  onModuleInit(): void {
    this.parts.register('referrals', async (m, row, reads) => (await this.caseReferrals(m, row, reads)).map((r) => {
      const v = this.view(r);
      return { id: v.id, caseId: v.caseId, serviceType: v.serviceType, shelterId: v.shelterId, agency: v.agency, status: v.status, reason: v.reason,
        parentReferralId: v.parentReferralId, placementId: v.placementId, cancelReason: v.cancelReason };
    }));
    // The referral workflow's actions this user may take now on the case's referrals they see.
    this.actions.register('referrals', async (m, row, actor, viewer, reads) => (await this.caseReferrals(m, row, reads))
      .filter((r) => this.seenBy(viewer, r))
      .flatMap((r) => availableActions(REFERRAL_WORKFLOW, r.status as ReferralStatus, this.partiesOf(r, row, viewer, actor))
        // The referral's kind decides too (a placement exists only while accepted, or once discharged and completed).
        .filter((a) => referralActionRefusal(a.action, { shelterId: r.shelter_id, placed: r.placement_id !== null }) === null)
        .flatMap((a) => onRecord('referral', a.action === 'discharge' ? r.placement_id ?? '' : r.id, [a]))
        .filter((a) => a.recordId !== '')));
  }

  /** The case's referrals, read once for the part and the actions of one answer. */
  private caseReferrals(m: EntityManager, row: CaseRow, reads: CaseReads): Promise<ReferralRow[]> {
    return reads.once('referrals', () => this.repository.forCase(m, row.id));
  }

  /**
   * Creates one referral inside the caller's transaction (an HTTP request or a review decision). Refusals
   * name the part at fault through `path` (e.g. plan.referrals[1]).
   */
  async create(m: EntityManager, caseRow: CaseRow, input: NewReferral, actor: Actor, meta: RequestMeta | null, path = '', clientTxId: string | null = null): Promise<ReferralView> {
    const service = await this.repository.service(m, input.serviceType);
    if (!service) throw ProblemException.unprocessable(ReferralErrorCode.UnknownService, { errors: [{ path: `${path}serviceType`, message: `unknown service ${input.serviceType}` }] });
    const consentBasis = await this.consentBasis(m, caseRow, input, actor, path);
    let agency = input.agency ?? service.default_agency_code;
    let shelterId: string | null = null;
    if (service.code === 'shelter') {
      if (!input.shelterId) throw ProblemException.unprocessable(DirectoryErrorCode.ShelterNotFound, { errors: [{ path: `${path}shelterId`, message: 'a shelter referral names a shelter' }] });
      const shelter = await this.repository.shelter(m, input.shelterId);
      if (!shelter) throw ProblemException.unprocessable(DirectoryErrorCode.ShelterNotFound, { errors: [{ path: `${path}shelterId`, message: 'unknown shelter' }] });
      const failed = checkEligibility(
        { active: shelter.active, sexes: shelter.eligible_sexes, minAge: shelter.min_age, maxAge: shelter.max_age,
          exploitationForms: shelter.exploitation_forms, accompanyingChildren: shelter.accompanying_children },
        this.personFacts(caseRow),
      );
      if (failed.length > 0) {
        throw ProblemException.unprocessable(ReferralErrorCode.NotEligible, {
          errors: failed.map((f) => ({ path: `${path}shelterId`, message: `${f.rule}: ${f.message.en}` })),
          extensions: { failedRules: failed },
        });
      }
      shelterId = shelter.id;
      agency = shelter.operator_code;
    } else if (input.shelterId) {
      throw ProblemException.unprocessable(CommonErrorCode.ValidationFailed, { errors: [{ path: `${path}shelterId`, message: 'only shelter referrals name a shelter' }] });
    } else if (!(await this.repository.agencyExists(m, agency))) {
      throw ProblemException.unprocessable(CommonErrorCode.ReferenceNotFound, { errors: [{ path: `${path}agency`, message: `unknown agency ${agency}` }] });
    }
    const id = await this.repository.insert(m, {
      caseId: caseRow.id, serviceType: service.code, shelterId, agency, reasonEnc: this.cipher.encrypt(input.reason),
      parentId: input.parentReferralId ?? null, reviewId: input.reviewId ?? null, consentBasis,
      overrideEnc: consentBasis === 'override' ? this.cipher.encrypt(input.consentOverride!.justification) : null, createdBy: actor.id,
    });
    const task = await this.cases.addTask(m, {
      type: 'referral_response', caseId: caseRow.id, priority: caseRow.is_minor ? 'urgent' : 'high',
      dueAt: new Date(this.clock.nowMs() + service.response_hours * HOUR),
      addressee: referralAddressee({ agency_code: agency, shelter_id: shelterId })!,
      details: { referralId: id, serviceType: service.code },
    }, actor, meta);
    await this.repository.setResponseTask(m, id, task.id);
    await this.cases.addHistory(m, caseRow.id, 'referral_created', actor, { referralId: id, serviceType: service.code, agency, shelterId, consentBasis }, clientTxId);
    await this.audit.record(m, {
      actor, meta, action: consentBasis === 'override' ? 'referral.create_with_consent_override' : 'referral.create',
      subjectType: 'referral', subjectId: id, caseId: caseRow.id, changedFields: ['serviceType', 'agency', 'shelterId', 'reason'],
      details: { consentBasis },
    });
    return this.view((await this.repository.find(m, id))!);
  }

  /** Consent gate: the victim's consent to referral, a minor (the State's protection mandate), or a committee override. */
  private async consentBasis(m: EntityManager, caseRow: CaseRow, input: NewReferral, actor: Actor, path: string): Promise<'consent' | 'minor' | 'override'> {
    if (caseRow.is_minor) return 'minor';
    const consent = await this.caseRepository.latestConsent(m, caseRow.id);
    if (consent?.referral && !consent.withdrawn) return 'consent';
    if (input.consentOverride) {
      if (!actor.roles.includes('committee_member')) {
        throw ProblemException.unprocessable(ReferralErrorCode.OverrideNotAllowed, { errors: [{ path: `${path}consentOverride`, message: 'committee members only' }] });
      }
      return 'override';
    }
    throw ProblemException.unprocessable(ReferralErrorCode.ConsentRequired, { errors: [{ path: `${path}consentOverride`, message: 'no consent to referral on record' }] });
  }

  /** What a shelter's eligibility is checked against, read from the case today (Ecuador's date). */
  private personFacts(row: CaseRow): PersonFacts {
    const age = ageToday({ dateOfBirth: this.cipher.decrypt(row.date_of_birth_enc), estimatedAge: row.estimated_age, identificationDate: row.identification_date },
      ecuadorDate(this.clock.now()));
    return { sex: row.sex, age, exploitationForms: row.exploitation_forms, accompanyingChildren: row.accompanying_children_count };
  }

  /**
   * GET /cases/:id/shelters: every shelter with its occupancy and whether the case's person meets its
   * eligibility, with the rules they do not (the same check that refuses a shelter referral's creation).
   */
  async sheltersForCase(actor: Actor, caseId: string, query: { limit?: number; cursor?: string }, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      const person = this.personFacts(row);
      // What the answer tells of the person (sex, age, forms of exploitation, through each shelter's rules).
      await this.audit.record(m, { actor, meta, action: 'referral.eligibility_read', subjectType: 'case', subjectId: row.id, caseId: row.id });
      const shelters = (await this.directory.listShelters(m)).map((s: ShelterView): ShelterView & { eligible: boolean; failedRules: FailedRule[] } => {
        const failedRules = checkEligibility({ active: s.active, ...s.eligibility }, person);
        return { ...s, eligible: failedRules.length === 0, failedRules };
      });
      return pageList(shelters, query, (s) => s.id);
    });
  }

  view(row: ReferralRow): ReferralView {
    return referralView(row, this.cipher.decrypt(row.reason_enc));
  }

  /** HTTP: who may refer (committee, lead agency, or a target onward from its accepted referral). */
  async createFromRequest(m: EntityManager, actor: Actor, caseId: string, input: NewReferral, meta: RequestMeta, clientTxId: string | null = null): Promise<ReferralView> {
    const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta, true);
    if (!['recognized', 'in_assistance', 'follow_up'].includes(row.status)) {
      throw ProblemException.conflict(ReferralErrorCode.CaseNotRecognized, { extensions: { recordStatus: row.status } });
    }
    let parent: ReferralRow | undefined;
    if (input.parentReferralId) {
      parent = await this.repository.find(m, input.parentReferralId);
      if (!parent || parent.case_id !== caseId) {
        throw ProblemException.unprocessable(ReferralErrorCode.NotFound, { errors: [{ path: 'parentReferralId', message: 'not a referral of this case' }] });
      }
    }
    const parties: ReferralParty[] = [...this.partiesOf(null, row, viewer, actor),
      ...(parent !== undefined && parent.status === 'accepted' && this.isTarget(actor, parent) ? ['onward_target' as const] : [])];
    requireAction(REFERRAL_WORKFLOW, 'new', 'create', parties, {
      notAllowed: () => ProblemException.conflict(ReferralErrorCode.TransitionNotAllowed),
      notParty: () => ProblemException.unprocessable(ReferralErrorCode.NotAllowedToRefer),
    });
    return this.create(m, row, input, actor, meta, '', clientTxId);
  }

  /** The parties of the referral workflow the actor is in (for a referral, or for the case when `r` is null). */
  partiesOf(r: ReferralRow | null, row: CaseRow, viewer: CaseViewer, actor: Actor): ReferralParty[] {
    const parties: ReferralParty[] = [];
    if (r && this.isTarget(actor, r)) parties.push('target');
    for (const p of casePartiesOf(row, viewer, actor)) if (p === 'committee' || p === 'lead_agency') parties.push(p);
    return parties;
  }

  /** The referral's target: it is addressed to the actor. */
  isTarget(actor: Actor, r: ReferralRow): boolean {
    return reaches(referralAddressee(r), actor);
  }

  /** The referrals this viewer may see, per the field matrix (auditors: types and statuses only). */
  async listForCase(actor: Actor, caseId: string, query: { limit?: number; cursor?: string }, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      const rows = await this.repository.forCase(m, row.id);
      await this.audit.record(m, { actor, meta, action: 'referral.case_list', subjectType: 'case', subjectId: row.id, caseId: row.id });
      // Oldest first; the cursor is the position (auditors' entries carry no id).
      const page = pageList(this.visibleTo(viewer, rows).map((item, position) => ({ item, position })), query, (x) => String(x.position));
      return { items: page.items.map((x) => x.item), nextCursor: page.nextCursor };
    });
  }

  /**
   * GET /referrals: the referrals addressed to the caller (ReferralRepository.addressedTo), pending
   * first and then newest, keyset-paged. The read is audited with the cases it listed, as other lists of
   * case content are.
   */
  async listAddressed(actor: Actor, query: { status?: string[]; caseId?: string; limit?: number; cursor?: string }, meta: RequestMeta) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const cursor = decodeCursor(query.cursor, 3);
    if (cursor && (typeof cursor[0] !== 'number' || ![0, 1].includes(cursor[0]) || Number.isNaN(Date.parse(String(cursor[1])))
      || !/^[0-9a-f-]{36}$/i.test(String(cursor[2])))) {
      throw ProblemException.badRequest(CommonErrorCode.ValidationFailed, { errors: [{ path: 'cursor', message: 'cursor is not valid' }] });
    }
    return this.ds.transaction(async (m) => {
      const rows = await this.repository.addressedTo(m, actor, {
        statuses: query.status, caseId: query.caseId, limit,
        after: cursor ? { settled: cursor[0] === 1, createdAt: String(cursor[1]), id: String(cursor[2]) } : undefined,
      });
      const page = rows.slice(0, limit);
      await this.audit.record(m, {
        actor, meta, action: 'referral.list', subjectType: 'referral_list',
        details: { returned: page.length, caseIds: [...new Set(page.map((r) => r.case_id))] },
      });
      const last = page[page.length - 1];
      return {
        items: page.map((r) => this.listItem(r)),
        nextCursor: rows.length > limit ? encodeCursor([last.settled ? 1 : 0, last.created_key, last.id]) : null,
      };
    });
  }

  private listItem(r: ReferralListRow) {
    return {
      ...this.view(r), caseNumber: r.case_number, caseStatus: r.case_status, isMinor: r.is_minor,
      createdAt: r.created_at.toISOString(), admittedAt: r.admitted_at ? r.admitted_at.toISOString() : null,
    };
  }

  /**
   * Whether this viewer sees this referral in full (the field matrix's referrals cell): the committee and the
   * lead agency every referral, others the referrals addressed to them.
   */
  seenBy(viewer: CaseViewer, r: ReferralRow): boolean {
    return viewer.kind === 'committee' || (viewer.kind === 'focal_point' && viewer.lead) || addressedToViewer(viewer, referralAddressee(r));
  }

  private visibleTo(viewer: CaseViewer, rows: ReferralRow[]): unknown[] {
    if (viewer.kind === 'auditor') return rows.map((r) => ({ serviceType: r.service_type, status: r.status }));
    return rows.filter((r) => this.seenBy(viewer, r)).map((r) => this.view(r));
  }
}
