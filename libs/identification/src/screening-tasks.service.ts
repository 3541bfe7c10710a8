import { Injectable } from '@nestjs/common';
import { CaseService } from '@ruta/case';
import { Actor, Clock, RequestMeta } from '@ruta/core';
import { TasksService } from '@ruta/tasks';
import { EntityManager } from 'typeorm';
import { ScreeningResult } from './screening';

const HOUR = 3600_000;

/**
 * The work a screening outcome puts in the shared queue (PRODUCT.md section 5): a case review for the
 * case-analysis team (72 h; 24 h for a minor or a person abroad), an interview to complete for the
 * identifying unit, and immediate child protection for MIES's focal points (24 h).
 */
@Injectable()
export class ScreeningTasks {
  constructor(private readonly cases: CaseService, private readonly tasks: TasksService, private readonly clock: Clock) {}

  async afterScreening(m: EntityManager, s: {
    caseId: string; agency: string; unit: string | null; isMinor: boolean; locatedAbroad: boolean; result: ScreeningResult; actor: Actor; meta: RequestMeta | null;
    /** A case created by this very intake has no tasks yet: nothing to complete or look up. */
    newCase?: boolean;
  }): Promise<void> {
    if (s.result.outcome === 'presumed_victim') {
      await this.caseReview(m, s);
      if (!s.newCase) await this.tasks.completeOpenForCase(m, s.caseId, 'complete_screening', s.actor);
    } else if (s.result.outcome === 'possible_victim') {
      const open = s.newCase ? 0 : await this.tasks.completeOpenForCase(m, s.caseId, 'complete_screening', s.actor);
      await this.cases.addTask(m, {
        type: 'complete_screening', caseId: s.caseId, priority: s.isMinor ? 'high' : 'normal', dueAt: this.in(72),
        addressee: { role: 'immigration_officer', agency: s.agency, unit: s.unit },
        details: { outcome: s.result.outcome, reopened: open > 0 },
      }, s.actor, s.meta);
    }
    if (s.result.childProtectionImmediate) {
      if (s.newCase || !(await this.tasks.hasOpen(m, s.caseId, 'child_protection_immediate'))) await this.cases.addTask(m, {
        type: 'child_protection_immediate', caseId: s.caseId, priority: 'urgent', dueAt: this.in(24),
        addressee: { role: 'service_focal_point', agency: 'MIES' }, details: { outcome: s.result.outcome },
      }, s.actor, s.meta);
    }
  }

  async caseReview(m: EntityManager, s: { caseId: string; isMinor: boolean; locatedAbroad: boolean; actor: Actor; meta: RequestMeta | null }): Promise<void> {
    const urgent = s.isMinor || s.locatedAbroad;
    await this.cases.addTask(m, {
      type: 'case_review', caseId: s.caseId, priority: urgent ? 'urgent' : 'high', dueAt: this.in(urgent ? 24 : 72),
      addressee: { role: 'committee_member' }, details: { minor: s.isMinor, locatedAbroad: s.locatedAbroad },
    }, s.actor, s.meta);
  }

  private in(hours: number): Date {
    return new Date(this.clock.nowMs() + hours * HOUR);
  }
}
