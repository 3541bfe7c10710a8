import type { ApiBody, ApiItem, Localized, Schema } from '../../../lib/api/types';

/** The shapes of PRODUCT.md section 13 this feature reads, from the contract (lib/api/schema.d.ts). */
export type LocalizedText = Localized;
export type AgencyRef = Schema<'AgencyRefDto'>;
export type Agency = Schema<'AgencyResponse'>;

export type CaseRecord = Schema<'CaseResponse'>;
export type Screening = Schema<'CaseScreeningResponse'>;
export type ScreeningDimension = Schema<'DimensionResultResponse'>;

export type TimelineEntry = Schema<'TimelineEntryResponse'>;

export type Review = Schema<'ReviewResponse'>;

export type CommitteeMember = ApiItem<'/api/v1/committee-members', 'get'>;

/** A shelter with the case's eligibility for it, as the API decides it (GET /cases/:id/shelters). */
export type CaseShelter = Schema<'CaseShelterResponse'>;
export type FailedRule = Schema<'FailedRuleDto'>;

export type ServiceType = Schema<'ServiceResponse'>;

export type DecisionRequest = ApiBody<'/api/v1/reviews/{id}/decision', 'post'>;
export type PlanReferral = NonNullable<DecisionRequest['plan']>['referrals'][number];
