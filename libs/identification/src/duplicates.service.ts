import { Injectable } from '@nestjs/common';
import { AuditService } from '@ruta/audit';
import { CaseRecordMapper, CaseRepository, CaseService } from '@ruta/case';
import { Actor, Clock, RequestMeta } from '@ruta/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export type DuplicateMatch =
  | { caseId: string; caseNumber: string; match: 'document' | 'name_dob' }
  | { match: 'document' | 'name_dob'; visible: false };

interface Candidate {
  id: string;
  case_number: string;
  match: 'document' | 'name_dob';
}

/**
 * Duplicate search (PRODUCT.md section 4): the same identity document (keyed hash of the normalized
 * number) or the same normalized names and date of birth. A match the officer may not see is reported
 * only as {match, visible: false}, so nothing about the other case leaks.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly repository: CaseRepository,
    private readonly mapper: CaseRecordMapper,
    private readonly cases: CaseService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async find(m: EntityManager, actor: Actor, victim: { givenNames?: string; familyNames?: string; dateOfBirth?: string; documents?: { number: string }[] }, excludeCaseId?: string) {
    const candidates = new Map<string, Candidate>();
    const hashes = (victim.documents ?? []).map((d) => this.mapper.documentHash(d.number));
    const nameDob = victim.givenNames && victim.familyNames && victim.dateOfBirth
      ? this.mapper.nameDobHash(victim.givenNames, victim.familyNames, victim.dateOfBirth)! : null;
    for (const row of await this.repository.findDuplicateCandidates(m, hashes, nameDob)) candidates.set(row.id, row);
    if (excludeCaseId) candidates.delete(excludeCaseId);
    const visible: DuplicateMatch[] = [];
    const hidden: Candidate[] = [];
    for (const c of candidates.values()) {
      if (await this.repository.findVisible(m, c.id, actor)) visible.push({ caseId: c.id, caseNumber: c.case_number, match: c.match });
      else hidden.push(c);
    }
    return { matches: [...visible, ...hidden.map((c): DuplicateMatch => ({ match: c.match, visible: false }))], hidden };
  }

  /**
   * POST /cases/duplicates-check: the matches an officer would get on intake; creates nothing but an audit
   * entry, since it tells the officer that a person they may not see is known.
   */
  async check(actor: Actor, victim: Parameters<DuplicatesService['find']>[2], meta: RequestMeta): Promise<{ matches: DuplicateMatch[] }> {
    return this.ds.transaction(async (m) => {
      const found = await this.find(m, actor, victim);
      const visible = found.matches.filter((x): x is Extract<DuplicateMatch, { caseId: string }> => 'caseId' in x);
      await this.audit.record(m, {
        actor, meta, action: 'case.duplicates_check', subjectType: 'case_search',
        details: { visibleCaseIds: visible.map((x) => x.caseId), hiddenMatches: found.hidden.length },
      });
      return { matches: found.matches };
    });
  }

  /** Hidden matches of a new case go to the committee as a possible_duplicate task. */
  async reportHidden(m: EntityManager, caseId: string, hidden: Candidate[], actor: Actor, meta: RequestMeta | null): Promise<void> {
    if (hidden.length === 0) return;
    // The committee needs to see both cases to confirm or dismiss the match.
    for (const h of hidden) await this.repository.addStake(m, { caseId: h.id, role: 'committee_member', reason: 'possible_duplicate' });
    await this.cases.addTask(m, {
      type: 'possible_duplicate', caseId, priority: 'normal', dueAt: new Date(this.clock.nowMs() + 72 * 3600_000),
      addressee: { role: 'committee_member' },
      details: { matches: hidden.map((h) => ({ caseId: h.id, match: h.match })) },
    }, actor, meta);
  }
}
