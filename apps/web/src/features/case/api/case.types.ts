import type { ApiItem, ApiQuery, Schema } from '../../../lib/api/types';

export type { Localized } from '../../../lib/api/types';

/** A case as the API answers it (PRODUCT.md section 13): keys the caller may not see are absent. */
export type CaseDetail = Schema<'CaseResponse'>;

export type CaseScreening = Schema<'CaseScreeningResponse'>;

/** A review as the case's `reviews` key holds it (what the viewer may see of it). */
export type CaseReview = Schema<'CaseReviewSummaryResponse'>;

/** A review as the committee's own list answers it. */
export type CommitteeReview = ApiItem<'/api/v1/cases/{id}/reviews', 'get'>;

export type CaseReferral = Schema<'CaseReferralSummaryResponse'>;

export type TimelineEntry = Schema<'TimelineEntryResponse'>;

type CaseListQuery = ApiQuery<'/api/v1/cases', 'get'>;

export const CASE_STATUSES = ['screening', 'identified', 'under_review', 'recognized', 'in_assistance', 'follow_up', 'closed'] as const satisfies
  readonly NonNullable<CaseListQuery['status']>[];
export const TRAFFICKING_STATUSES = ['possible_victim', 'presumed_victim', 'recognized_victim', 'not_a_victim'] as const satisfies
  readonly NonNullable<CaseListQuery['traffickingStatus']>[];
export const MINOR_FILTERS = ['true', 'false'] as const;

/** The case list's filters as the URL holds them. */
export interface CaseListFilters {
  status?: (typeof CASE_STATUSES)[number];
  traffickingStatus?: (typeof TRAFFICKING_STATUSES)[number];
  isMinor?: (typeof MINOR_FILTERS)[number];
  q?: string;
}

/** The filters as the API's query takes them. */
export function caseListQuery({ isMinor, ...rest }: CaseListFilters): CaseListQuery {
  return { ...rest, ...(isMinor ? { isMinor: isMinor === 'true' } : {}) };
}
