import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AuditService } from '@ruta/audit';
import { CasePartsRegistry, CaseReads, CaseRow, CaseService } from '@ruta/case';
import { Actor, Clock, FieldCipher, ProblemException, RequestMeta, requireAction, visaConfig } from '@ruta/core';
import { RegularizationErrorCode } from './regularization.exception';
import { EntityManager } from 'typeorm';
import { CaseVisaRow, VisaRepository } from './visa.repository';
import { VISA_WORKFLOW, VisaParty } from './visa.workflow';

/**
 * Article 104 exceptional visa (PRODUCT.md section 8): the request and its visa_decision task for MREMH's
 * visa officers. No fee field exists anywhere: the fee is recorded as waived (0.00).
 */
@Injectable()
export class RegularizationService implements OnModuleInit {
  constructor(
    private readonly repository: VisaRepository,
    private readonly cases: CaseService,
    private readonly parts: CasePartsRegistry,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    @Inject(visaConfig.KEY) private readonly config: ConfigType<typeof visaConfig>,
  ) {}

  onModuleInit(): void {
    this.parts.register('visa', async (m, row, reads) => {
      const v = await this.latestOfCase(m, row, reads);
      if (!v) return null;
      return {
        id: v.id, caseId: row.id, status: v.status, requestedAt: v.requested_at.toISOString(), decidedAt: v.decided_at?.toISOString() ?? null,
        visaNumber: this.cipher.decrypt(v.visa_number_enc), issuedOn: v.issued_on, expiresOn: v.expires_on, reason: this.cipher.decrypt(v.reason_enc),
        // Article 104: no fee is charged for the application (PRODUCT.md section 8).
        fee: { amount: 0, waived: true },
      };
    });
  }

  /** The case's latest request, read once for the part (the visa) and the actions (VisaService) of one answer. */
  latestOfCase(m: EntityManager, row: CaseRow, reads: CaseReads): Promise<CaseVisaRow | undefined> {
    return reads.once('visa_requests', () => this.repository.latestOfCase(m, row.id));
  }

  /** Files a request in the caller's transaction (a review decision, or an MDI committee member). */
  async createRequest(m: EntityManager, row: CaseRow, actor: Actor, meta: RequestMeta | null, reviewId: string | null, parties: VisaParty[], path = ''): Promise<string> {
    requireAction(VISA_WORKFLOW, 'new', reviewId ? 'request_at_recognition' : 'file', parties, {
      notAllowed: () => ProblemException.conflict(RegularizationErrorCode.TransitionNotAllowed),
      notParty: () => ProblemException.unprocessable(RegularizationErrorCode.NotAllowedToFile),
    });
    if (row.trafficking_status !== 'recognized_victim') throw ProblemException.unprocessable(RegularizationErrorCode.NotRecognized);
    if (row.nationality.includes('ECU')) {
      throw ProblemException.unprocessable(RegularizationErrorCode.NotApplicable, { errors: [{ path: `${path}requestVisa`, message: 'the victim is Ecuadorian' }] });
    }
    if (await this.repository.hasOpen(m, row.id)) throw ProblemException.conflict(RegularizationErrorCode.AlreadyRequested);
    const id = await this.repository.insert(m, { caseId: row.id, reviewId, by: actor.id });
    const task = await this.cases.addTask(m, {
      type: 'visa_decision', caseId: row.id, priority: row.is_minor ? 'urgent' : 'high',
      dueAt: new Date(this.clock.nowMs() + this.config.decisionDays * 24 * 3600_000),
      addressee: { role: 'visa_officer', agency: 'MREMH' }, details: { visaRequestId: id },
    }, actor, meta);
    await this.repository.setDecisionTask(m, id, task.id);
    await this.cases.addHistory(m, row.id, 'visa_requested', actor, { visaRequestId: id });
    await this.audit.record(m, { actor, meta, action: 'visa.request', subjectType: 'visa_request', subjectId: id, caseId: row.id });
    return id;
  }
}
