import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseAccessService, CaseAccess, CaseAction, CaseErrorCode, CaseParty, casePartiesOf, CaseRecordMapper, CaseRepository, CaseService, requireCaseAction } from '@ruta/case';
import { Actor, Clock, ProblemException, RequestMeta } from '@ruta/core';
import { TasksService } from '@ruta/tasks';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogService } from './catalog.service';
import { CloseScreeningDto } from './dto/intake.dto';
import { ScreeningDto } from './dto/screening.dto';
import { IdentificationErrorCode } from './identification.exception';
import { ScreeningTasks } from './screening-tasks.service';

const notOwnUnit = () => ProblemException.unprocessable(IdentificationErrorCode.NotOwnUnit);

/** What happens to a case while it is in `screening`: re-screening, sending it to review, closing it. */
@Injectable()
export class ScreeningOpsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: CaseAccessService,
    private readonly cases: CaseService,
    private readonly repository: CaseRepository,
    private readonly mapper: CaseRecordMapper,
    private readonly catalogs: CatalogService,
    private readonly screeningTasks: ScreeningTasks,
    private readonly tasks: TasksService,
    private readonly clock: Clock,
  ) {}

  async rescreen(actor: Actor, caseId: string, dto: ScreeningDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const a = await this.open(m, actor, caseId, meta, 'screen');
      const catalog = await this.catalogs.get(dto.catalogVersion, m);
      const result = this.catalogs.evaluate(catalog, { isMinor: a.row.is_minor, answers: dto.answers }, '');
      await this.repository.insertScreening(m, {
        caseId, catalogVersion: catalog.version, isMinor: a.row.is_minor, answersEnc: this.mapper.encrypt(JSON.stringify(dto.answers))!,
        result, outcome: result.outcome, by: actor.id,
      });
      const presumed = result.outcome === 'presumed_victim';
      await this.cases.transition(m, a.row, {
        action: 'screen', as: a.parties, notParty: notOwnUnit, to: presumed ? 'identified' : 'screening',
        set: presumed ? { trafficking_status: 'presumed_victim', status_decided_by: 'screening', sent_to_review_at: this.clock.now() } : {},
        details: { outcome: result.outcome, catalogVersion: catalog.version },
      }, actor, meta);
      await this.screeningTasks.afterScreening(m, {
        caseId, agency: a.row.identifying_agency, unit: a.row.identifying_unit, isMinor: a.row.is_minor,
        locatedAbroad: a.row.located_abroad, result, actor, meta,
      });
      return this.render(m, caseId, a);
    });
  }

  async submitForReview(actor: Actor, caseId: string, rationale: string, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const a = await this.open(m, actor, caseId, meta, 'submit_for_review');
      await this.cases.transition(m, a.row, {
        action: 'submit_for_review', as: a.parties, notParty: notOwnUnit, to: 'identified',
        set: { trafficking_status: 'presumed_victim', status_decided_by: 'identifying_officer', sent_to_review_at: this.clock.now() },
        // The rationale may name people: kept encrypted; the timeline opens it for those who may read the case.
        details: { rationaleEnc: this.mapper.encrypt(rationale) },
      }, actor, meta);
      await this.tasks.completeOpenForCase(m, caseId, 'complete_screening', actor);
      await this.screeningTasks.caseReview(m, { caseId, isMinor: a.row.is_minor, locatedAbroad: a.row.located_abroad, actor, meta });
      return this.render(m, caseId, a);
    });
  }

  async close(actor: Actor, caseId: string, dto: CloseScreeningDto, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const a = await this.open(m, actor, caseId, meta, 'close_screening');
      await this.cases.transition(m, a.row, {
        action: 'close_screening', as: a.parties, notParty: notOwnUnit, to: 'closed',
        set: {
          closure_reason: dto.reason, status_before_closure: 'screening',
          ...(dto.reason === 'no_indicators' ? { trafficking_status: 'not_a_victim', status_decided_by: 'identifying_officer' } : {}),
        },
        details: { reason: dto.reason },
      }, actor, meta);
      await this.tasks.cancelOpenForCase(m, caseId);
      return this.render(m, caseId, a);
    });
  }

  /** The case, locked, once the case workflow lets this actor take the action from its status. */
  private async open(m: EntityManager, actor: Actor, caseId: string, meta: RequestMeta, action: CaseAction): Promise<CaseAccess & { parties: CaseParty[] }> {
    const a = await this.access.requireCaseAccess(m, actor, caseId, meta, true);
    const parties = casePartiesOf(a.row, a.viewer, actor);
    requireCaseAction(a.row.status, action, parties, {
      notAllowed: (status) => ProblemException.conflict(CaseErrorCode.TransitionNotAllowed, { extensions: { recordStatus: status, action } }), notParty: notOwnUnit,
    });
    return { ...a, parties };
  }

  private async render(m: EntityManager, caseId: string, a: CaseAccess) {
    const row = (await this.repository.find(m, caseId))!;
    return this.cases.render(m, row, a.viewer);
  }
}
