import type { components } from '../../../lib/api/schema';

/** The shapes this feature reads, as the contract (openapi.json) declares them. */
type Schemas = components['schemas'];

/** A referral addressed to the user (GET /referrals): the referral, its case's number, status and minor flag, and the admission. */
export type ReferralItem = Schemas['ReferralListItemResponse'];
export type ReferralStatus = ReferralItem['status'];
export type Shelter = Schemas['ShelterResponse'];
export type ServiceType = Schemas['ServiceResponse'];
/** Why a referral is declined, as a code the reports count (POST /referrals/:id/decline `reasonCode`). */
export type DeclineReasonCode = NonNullable<Schemas['DeclineReferralDto']['reasonCode']>;
