import { Injectable } from '@nestjs/common';
import { Actor, ProblemException, RequestMeta } from '@ruta/core';
import { EntityManager } from 'typeorm';
import { CaseSituation, CaseStake, caseViewer } from './access/case-policy';
import { CaseViewer } from './access/case-viewer';
import { CaseErrorCode } from './case.exception';
import { CaseRepository, CaseRow } from './case.repository';

export interface CaseAccess {
  row: CaseRow;
  viewer: CaseViewer;
}

/**
 * requireCaseAccess: the one door to a case (PRODUCT.md section 2). A case the caller may not see answers
 * 404, as if it did not exist, and the refusal is audited.
 */
@Injectable()
export class CaseAccessService {
  constructor(private readonly repository: CaseRepository) {}

  /**
   * @param notFoundCode when the route names another record (a referral, a review...), the 404 uses that
   *   record's code, so that a hidden record and a missing one answer the same.
   */
  async requireCaseAccess(m: EntityManager, actor: Actor, caseId: string, meta: RequestMeta | null, lock = false, notFoundCode: string = CaseErrorCode.NotFound): Promise<CaseAccess> {
    // One read of the case and its stakes; the policy's TypeScript form decides (lists use its SQL form).
    const row = await this.repository.find(m, caseId, lock);
    const viewer = row ? caseViewer(actor, situationOf(row, await this.repository.stakesOf(m, row.id))) : null;
    // The refusal is audited by the problem filter, like every refused access.
    if (!row || !viewer) throw ProblemException.notFound(notFoundCode);
    return { row, viewer };
  }

  /** The most complete view the actor's roles give on this case (the access policy, access/case-policy.ts). */
  async viewerFor(m: EntityManager, row: CaseRow, actor: Actor, knownStakes?: readonly CaseStake[]): Promise<CaseViewer> {
    const viewer = caseViewer(actor, situationOf(row, knownStakes ?? await this.repository.stakesOf(m, row.id)));
    if (!viewer) throw ProblemException.notFound(CaseErrorCode.NotFound);
    return viewer;
  }

  /** Writes are for the identifying unit's officers, the committee and the lead agency. */
  requireWriter(viewer: CaseViewer): void {
    const ok = viewer.kind === 'officer' || viewer.kind === 'committee' || (viewer.kind === 'focal_point' && viewer.lead);
    if (!ok) throw ProblemException.unprocessable(CaseErrorCode.NotCaseWriter);
  }
}

/** The facts of a case row that record-level access depends on. */
export function situationOf(row: CaseRow, stakes: readonly CaseStake[]): CaseSituation {
  return { identifyingUnit: row.identifying_unit, leadAgency: row.lead_agency, sentToReview: row.sent_to_review_at !== null, stakes };
}
