import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { Actor, Clock, CommonErrorCode, defined, FieldCipher, ProblemException, RequestMeta } from '@ruta/core';
import { DataSource } from 'typeorm';
import { TasksService } from '@ruta/tasks';
import { CaseAccessService } from './case-access.service';
import { CaseRecordMapper } from './case-record.mapper';
import { CaseViewAssembler } from './case-view.assembler';
import { CaseErrorCode } from './case.exception';
import { CaseRepository } from './case.repository';
import { CaseService } from './case.service';
import { ConsentAgencies } from './consent-agencies';
import { CaseLinkDto, CasePatchDto, ComplaintDto, ConsentChangeDto } from './dto/victim.dto';
import { ecuadorDate, isCalendarDate } from './identity/normalize';

/** Changes to the record itself: victim and identification fields, consent, links between cases. */
@Injectable()
export class CaseRecordService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: CaseRepository,
    private readonly access: CaseAccessService,
    private readonly assembler: CaseViewAssembler,
    private readonly mapper: CaseRecordMapper,
    private readonly cases: CaseService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly tasks: TasksService,
    private readonly cipher: FieldCipher,
    private readonly consentAgencies: ConsentAgencies,
  ) {}

  /** PATCH with optimistic concurrency: the version must be the one the caller read. */
  async patch(actor: Actor, caseId: string, version: number, dto: CasePatchDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta, true);
      this.access.requireWriter(viewer);
      if (row.version !== version) throw ProblemException.conflict(CommonErrorCode.VersionConflict, { extensions: { currentVersion: row.version } });
      const full = await this.assembler.assemble(m, row);
      const victimChange = defined(dto.victim);
      const identChange = defined(dto.identification);
      const victim = { ...full.victim, ...victimChange };
      if (victimChange.dateOfBirth !== undefined && victimChange.estimatedAge === undefined) victim.estimatedAge = null;
      const ident = { ...full.identification, ...identChange };
      this.mapper.checkDates(victim, ident.date, ecuadorDate(this.clock.now()));
      const { isMinor, ageGroup } = this.mapper.age(victim, ident.date);
      const set: Record<string, unknown> = {
        ...this.mapper.victimColumns(victim),
        is_minor: isMinor,
        age_group: ageGroup,
        identification_date: ident.date,
        province_code: ident.province,
        canton: ident.canton,
        place_enc: this.mapper.encrypt(ident.place),
        border_point: ident.borderPoint,
        came_to_attention: ident.cameToAttention,
        circumstances_enc: this.mapper.encrypt(ident.circumstances),
        exploitation_forms: ident.exploitationForms,
        located_abroad: ident.locatedAbroad,
      };
      const newVersion = await this.repository.update(m, row.id, version, set);
      if (newVersion === null) throw ProblemException.conflict(CommonErrorCode.VersionConflict);
      if (dto.victim?.documents) await this.repository.replaceDocuments(m, row.id, this.mapper.documentRows(dto.victim.documents));
      const changed = [...Object.keys(victimChange).map((k) => `victim.${k}`), ...Object.keys(identChange).map((k) => `identification.${k}`)];
      await this.cases.addHistory(m, row.id, 'update', actor, { fields: changed });
      await this.audit.record(m, { actor, meta, action: 'case.update', subjectType: 'case', subjectId: row.id, caseId: row.id, changedFields: changed });
      const updated = (await this.repository.find(m, row.id))!;
      return this.cases.render(m, updated, viewer);
    });
  }

  /** Consent changes and withdrawal are new rows: the history of consent is never erased. */
  async changeConsent(actor: Actor, caseId: string, dto: ConsentChangeDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta, true);
      this.access.requireWriter(viewer);
      await this.consentAgencies.requireKnown(m, dto.shareWith, 'shareWith');
      const current = await this.repository.latestConsent(m, row.id);
      const withdrawn = dto.withdrawn ?? current?.withdrawn ?? false;
      const minorDetails = {
        childViewEnc: dto.childView !== undefined ? this.mapper.encrypt(dto.childView) : current?.child_view_enc ?? null,
        guardianEnc: dto.guardian !== undefined ? this.cipher.encryptJson({ ...dto.guardian }) : current?.guardian_enc ?? null,
      };
      const next = withdrawn
        ? { dataProcessing: false, referral: false, shareWith: [] as string[], withdrawn: true, ...minorDetails }
        : {
          dataProcessing: dto.dataProcessing ?? current?.data_processing ?? false,
          referral: dto.referral ?? current?.referral ?? false,
          shareWith: dto.shareWith ?? current?.share_with ?? [],
          withdrawn: false,
          ...minorDetails,
        };
      await this.repository.insertConsent(m, row.id, next, actor.id);
      const version = await this.repository.update(m, row.id, row.version, {});
      if (version === null) throw ProblemException.conflict(CommonErrorCode.VersionConflict);
      const fields = Object.keys(defined(dto)).map((k) => `consent.${k}`);
      await this.cases.addHistory(m, row.id, withdrawn && !current?.withdrawn ? 'consent_withdrawn' : 'consent_changed', actor, { fields });
      await this.audit.record(m, { actor, meta, action: 'case.consent', subjectType: 'case', subjectId: row.id, caseId: row.id, changedFields: fields });
      const updated = (await this.repository.find(m, row.id))!;
      return this.cases.render(m, updated, viewer);
    });
  }

  /** The criminal complaint to FGE: recorded on the case, with an acknowledgement task in FGE's queue. */
  async complaint(actor: Actor, caseId: string, dto: ComplaintDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row, viewer } = await this.access.requireCaseAccess(m, actor, caseId, meta, true);
      this.access.requireWriter(viewer);
      if (!isCalendarDate(dto.notifiedOn) || dto.notifiedOn > ecuadorDate(this.clock.now())) {
        throw ProblemException.unprocessable(CommonErrorCode.InvalidDate, { errors: [{ path: 'notifiedOn', message: 'must be a past calendar date' }] });
      }
      const version = await this.repository.update(m, row.id, row.version, {
        complaint_notified_on: dto.notifiedOn, complaint_number_enc: this.mapper.encrypt(dto.complaintNumber ?? null),
      });
      if (version === null) throw ProblemException.conflict(CommonErrorCode.VersionConflict);
      // A corrected complaint keeps the one acknowledgement task FGE already has.
      if (!(await this.tasks.hasOpen(m, row.id, 'complaint_acknowledgement'))) await this.cases.addTask(m, {
        type: 'complaint_acknowledgement', caseId: row.id, priority: row.is_minor ? 'urgent' : 'high',
        dueAt: new Date(this.clock.nowMs() + 72 * 3600_000), addressee: { role: 'service_focal_point', agency: 'FGE' }, details: {},
      }, actor, meta);
      await this.cases.addHistory(m, row.id, 'complaint_notified', actor, { notifiedOn: dto.notifiedOn });
      await this.audit.record(m, { actor, meta, action: 'case.complaint', subjectType: 'case', subjectId: row.id, caseId: row.id, changedFields: ['complaint.notifiedOn', 'complaint.complaintNumber'] });
      const updated = (await this.repository.find(m, row.id))!;
      return this.cases.render(m, updated, viewer);
    });
  }

  async link(actor: Actor, caseId: string, dto: CaseLinkDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const { row } = await this.access.requireCaseAccess(m, actor, caseId, meta);
      const other = await this.access.requireCaseAccess(m, actor, dto.otherCaseId, meta);
      if (other.row.id === row.id) throw ProblemException.unprocessable(CaseErrorCode.LinkNotAllowed);
      await this.repository.link(m, row.id, other.row.id, dto.relation, actor.id);
      for (const [a, b] of [[row.id, other.row.id], [other.row.id, row.id]]) {
        await this.cases.addHistory(m, a, 'link', actor, { otherCaseId: b, relation: dto.relation });
      }
      await this.audit.record(m, { actor, meta, action: 'case.link', subjectType: 'case', subjectId: row.id, caseId: row.id, details: { otherCaseId: other.row.id } });
      return { links: (await this.repository.links(m, row.id)).map((l) => ({ otherCaseId: l.other_case_id, relation: l.relation })) };
    });
  }
}
