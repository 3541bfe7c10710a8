import { Injectable } from '@nestjs/common';
import { CaseErrorCode, CaseRecordMapper, CaseRepository, CaseService, ConsentAgencies, ecuadorDate, requireCaseAction } from '@ruta/case';
import { Actor, Clock, FieldCipher, leadsTo, ProblemException, RequestMeta } from '@ruta/core';
import { EntityManager } from 'typeorm';
import { CatalogService } from './catalog.service';
import { DuplicatesService } from './duplicates.service';
import { IntakeDto } from './dto/intake.dto';
import { ScreeningTasks } from './screening-tasks.service';

/**
 * Intake by an immigration officer (PRODUCT.md sections 4 and 5), in one transaction: the case with its
 * number, minor flag and status from the screening outcome, the tasks of section 5, duplicate matches,
 * history and audit (in the transaction of the route's Idempotency-Key, which stores the answer).
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly catalogs: CatalogService,
    private readonly repository: CaseRepository,
    private readonly mapper: CaseRecordMapper,
    private readonly cases: CaseService,
    private readonly duplicates: DuplicatesService,
    private readonly screeningTasks: ScreeningTasks,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly consentAgencies: ConsentAgencies,
  ) {}

  async intake(m: EntityManager, actor: Actor, dto: IntakeDto, meta: RequestMeta, key: string | undefined) {
    const { victim, identification: ident } = dto;
    const now = this.clock.now();
    this.mapper.checkDates(victim, ident.date, ecuadorDate(now));
    await this.consentAgencies.requireKnown(m, dto.consent.shareWith, 'consent.shareWith');
    const { isMinor, ageGroup } = this.mapper.age(victim, ident.date);
    const catalog = await this.catalogs.get(dto.screening.catalogVersion, m);
    const result = this.catalogs.evaluate(catalog, { isMinor, answers: dto.screening.answers }, 'screening.');
    const presumed = result.outcome === 'presumed_victim';
    const status = presumed ? 'identified' : 'screening';
    // The case workflow's first step: an immigration officer (of the unit that identifies the case) takes it in.
    const rule = requireCaseAction('new', 'intake', actor.roles.includes('immigration_officer') ? ['officer'] : [], {
      notAllowed: () => ProblemException.conflict(CaseErrorCode.TransitionNotAllowed, { extensions: { recordStatus: 'new', action: 'intake' } }),
      notParty: () => ProblemException.forbidden(),
    });
    if (!leadsTo(rule, status)) throw ProblemException.conflict(CaseErrorCode.TransitionNotAllowed, { extensions: { recordStatus: 'new', action: 'intake' } });
    const found = await this.duplicates.find(m, actor, victim);

    const columns = this.mapper.victimColumns(victim);
    const caseId = await this.repository.insert(m, {
      caseYear: ident.date.slice(0, 4),
      status,
      traffickingStatus: presumed ? 'presumed_victim' : 'possible_victim',
      isMinor, ageGroup, sentToReviewAt: presumed ? now : null,
      givenNamesEnc: columns.given_names_enc as string, familyNamesEnc: columns.family_names_enc as string,
      sex: victim.sex, genderIdentityEnc: columns.gender_identity_enc as string | null,
      dateOfBirthEnc: columns.date_of_birth_enc as string | null, estimatedAge: victim.estimatedAge ?? null,
      nationality: victim.nationality, languages: victim.languages, contactEnc: columns.contact_enc as string | null,
      childrenCount: victim.accompanyingChildren?.count ?? 0, childrenAges: victim.accompanyingChildren?.ages ?? [],
      nameDobHash: columns.name_dob_hash as string | null,
      identificationDate: ident.date, province: ident.province, canton: ident.canton ?? null,
      placeEnc: this.mapper.encrypt(ident.place), borderPoint: ident.borderPoint ?? null,
      identifyingAgency: actor.agencyCode, identifyingUnit: actor.unitCode, identifyingOfficer: actor.id,
      cameToAttention: ident.cameToAttention, circumstancesEnc: this.mapper.encrypt(ident.circumstances)!,
      exploitationForms: ident.exploitationForms, locatedAbroad: ident.locatedAbroad,
    });
    await this.repository.insertDocuments(m, caseId, this.mapper.documentRows(victim.documents));
    await this.repository.insertConsent(m, caseId, {
      dataProcessing: dto.consent.dataProcessing, referral: dto.consent.referral, shareWith: dto.consent.shareWith ?? [], withdrawn: false,
      childViewEnc: this.mapper.encrypt(dto.consent.childView), guardianEnc: this.cipher.encryptJson(dto.consent.guardian ? { ...dto.consent.guardian } : null),
    }, actor.id);
    await this.repository.insertScreening(m, {
      caseId, catalogVersion: catalog.version, isMinor, answersEnc: this.mapper.encrypt(JSON.stringify(dto.screening.answers))!,
      result, outcome: result.outcome, by: actor.id,
    });
    await this.cases.addHistory(m, caseId, 'intake', actor, { outcome: result.outcome, catalogVersion: catalog.version }, key ?? null);
    await this.cases.auditChange(m, actor, meta, caseId, 'case.create', ['victim', 'identification', 'consent', 'screening']);
    await this.screeningTasks.afterScreening(m, { caseId, agency: actor.agencyCode, unit: actor.unitCode, isMinor, locatedAbroad: ident.locatedAbroad, result, actor, meta, newCase: true });
    await this.duplicates.reportHidden(m, caseId, found.hidden, actor, meta);

    const row = (await this.repository.find(m, caseId))!;
    return { ...(await this.cases.render(m, row, { kind: 'officer' })), duplicates: found.matches };
  }
}
