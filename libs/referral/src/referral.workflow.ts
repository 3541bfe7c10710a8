/**
 * Referral transitions of PRODUCT.md section 7, as data: from which statuses, to which status, by whom.
 */
export const REFERRAL_WORKFLOW = {
  accept: { from: ['pending'], to: 'accepted', actor: 'target' },
  decline: { from: ['pending'], to: 'declined', actor: 'target' },
  cancel: { from: ['pending', 'accepted'], to: 'cancelled', actor: 'lead_agency_or_committee' },
  complete: { from: ['accepted'], to: 'completed', actor: 'target (shelters: by discharge)' },
} as const;

export type ReferralAction = keyof typeof REFERRAL_WORKFLOW;
