import { statusesAllowing, Workflow, WorkflowRule } from '@ruta/core';
import { ReferralErrorCode } from './referral.exception';

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

/** What the workflow cannot tell from the status alone: the kind of referral and whether someone is placed by it. */
export interface ReferralKind {
  /** A shelter referral (it names a shelter), or null for a service. */
  shelterId: string | null;
  /** Someone is placed (an active placement) by this referral. */
  placed: boolean;
}

/**
 * Whether an action the workflow allows applies to this referral, by its kind (PRODUCT.md section 7): a shelter
 * referral is completed by the discharge of the person it placed, never directly, and cannot be cancelled
 * while someone is placed (discharge first); a service referral places no one, so it has no discharge. The
 * refusal to answer with, or null when it applies. The same predicate lists the actions on a case and refuses
 * them at the moment of acting.
 */
export function referralActionRefusal(action: ReferralAction, r: ReferralKind): ReferralErrorCode | null {
  if (r.shelterId === null) return action === 'discharge' ? ReferralErrorCode.PlacementNotFound : null;
  if (action === 'complete') return ReferralErrorCode.DischargeCompletes;
  if (action === 'cancel' && r.placed) return ReferralErrorCode.ActivePlacement;
  return null;
}
