import { statusesAllowing, Workflow, WorkflowRule } from '@ruta/core';

/**
 * Who acts on a referral (PRODUCT.md section 7):
 * - target: the referral's target (staff of that shelter; focal points of that agency);
 * - committee: a committee member;
 * - lead_agency: the case's lead agency (its focal points; committee members of it are committee already);
 * - onward_target: the target of an accepted referral of the same case, referring onward from it.
 */
export type ReferralParty = 'target' | 'committee' | 'lead_agency' | 'onward_target';
export type ReferralStatus = 'new' | 'pending' | 'accepted' | 'declined' | 'cancelled' | 'completed';
export type ReferralAction = 'create' | 'accept' | 'decline' | 'cancel' | 'complete' | 'discharge';

const CANCEL: WorkflowRule<ReferralStatus, ReferralParty> = { roles: ['lead_agency', 'committee'], to: 'cancelled', endpoint: 'POST /referrals/:id/cancel' };

/** Referral transitions of PRODUCT.md section 7 as data: `status -> action -> {roles, to, endpoint}` (`new`: no referral yet). */
export const REFERRAL_WORKFLOW: Workflow<ReferralStatus, ReferralAction, ReferralParty> = {
  new: {
    create: { roles: ['committee', 'lead_agency', 'onward_target'], to: 'pending', endpoint: 'POST /cases/:id/referrals' },
  },
  pending: {
    accept: { roles: ['target'], to: 'accepted', endpoint: 'POST /referrals/:id/accept' },
    decline: { roles: ['target'], to: 'declined', endpoint: 'POST /referrals/:id/decline' },
    cancel: CANCEL,
  },
  accepted: {
    complete: { roles: ['target'], to: 'completed', endpoint: 'POST /referrals/:id/complete' },
    // A shelter referral is completed by the discharge of the person it placed.
    discharge: { roles: ['target'], to: 'completed', endpoint: 'POST /placements/:id/discharge' },
    cancel: CANCEL,
  },
  declined: {},
  cancelled: {},
  completed: {},
};

/** The statuses the action moves a referral from, for the guarded update. */
export function referralFrom(action: ReferralAction): ReferralStatus[] {
  return statusesAllowing(REFERRAL_WORKFLOW, action);
}
