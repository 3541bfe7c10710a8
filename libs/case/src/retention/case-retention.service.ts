import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@ruta/audit';
import { Clock, IdempotencyService, retentionConfig } from '@ruta/core';
import { DataSource } from 'typeorm';
import { CaseRepository } from '../case.repository';

const DAY_MS = 24 * 3600_000;
const PAGE = 100;

/**
 * What retention erases (names of fields, for the audit entry; the values go with the migration's
 * ruta_pseudonymize_case): identity, documents and their keyed hashes, contact, where and how the person
 * was found, every free text that may describe them, and attachments.
 */
export const PSEUDONYMIZED_FIELDS = [
  'victim.givenNames', 'victim.familyNames', 'victim.genderIdentity', 'victim.dateOfBirth', 'victim.documents', 'victim.contact',
  'identification.canton', 'identification.place', 'identification.circumstances', 'complaint.number', 'consent.childView',
  'consent.guardian', 'screening.answers', 'history.freeText', 'reviews.rationale', 'referrals.reason',
  'referrals.consentOverride.justification', 'referrals.responseReason', 'referrals.outcome', 'placements.riskAssessment',
  'visa.visaNumber', 'visa.reason', 'carePlan.goals', 'carePlan.versions', 'carePlan.notes', 'attachments',
  'closureRequests.rejectionReason', 'followUp.notes', 'followUp.newNeeds',
] as const;

/**
 * Retention (PRODUCT.md section 12): a case closed for longer than RETENTION_CLOSED_CASE_DAYS is
 * pseudonymized, each case in its own transaction with its history entry and one audit entry by the system.
 * Statistics stay; the audit log is never touched. Safe with several workers: the row lock makes a second
 * sweep wait, and it then finds the case already pseudonymized and leaves it.
 */
@Injectable()
export class CaseRetentionService {
  private readonly logger = new Logger(CaseRetentionService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repository: CaseRepository,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    @Inject(retentionConfig.KEY) private readonly config: ConfigType<typeof retentionConfig>,
  ) {}

  /** Pseudonymizes every closed case past the period, by the application clock; returns their ids. */
  async sweep(): Promise<string[]> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.config.closedCaseDays * DAY_MS);
    const done: string[] = [];
    for (;;) {
      const rows: { id: string }[] = await this.ds.query(
        `SELECT id FROM cases WHERE status = 'closed' AND pseudonymized_at IS NULL AND closed_at <= $1 ORDER BY closed_at, id LIMIT ${PAGE}`,
        [cutoff],
      );
      let progressed = 0;
      for (const { id } of rows) {
        if (await this.pseudonymize(id, cutoff, now)) {
          done.push(id);
          progressed += 1;
        }
      }
      // Rows another worker has just done drop out of the list; stop when a page brought nothing new.
      if (rows.length < PAGE || progressed === 0) break;
    }
    const replays = await this.idempotency.purgeCreatedBefore(cutoff);
    if (done.length > 0 || replays > 0) this.logger.log({ pseudonymized: done.length, idempotencyRepliesPurged: replays }, 'retention applied');
    return done;
  }

  private pseudonymize(caseId: string, cutoff: Date, now: Date): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT id, closed_at FROM cases WHERE id = $1 AND status = 'closed' AND pseudonymized_at IS NULL AND closed_at <= $2
         FOR UPDATE`, [caseId, cutoff]);
      if (!row) return false;
      const [{ erased }] = await m.query(`SELECT ruta_pseudonymize_case($1, $2) AS erased`, [caseId, now]);
      await this.repository.insertHistory(m, {
        caseId, action: 'pseudonymize', fromStatus: 'closed', toStatus: 'closed', actor: null, at: now,
        details: { retentionDays: this.config.closedCaseDays },
      });
      await this.audit.record(m, {
        actor: null, actorUsername: 'system:retention', action: 'case.pseudonymize', subjectType: 'case', subjectId: caseId, caseId,
        changedFields: [...PSEUDONYMIZED_FIELDS],
        details: { closedAt: (row.closed_at as Date).toISOString(), retentionDays: this.config.closedCaseDays, erased },
      });
      return true;
    });
  }
}
