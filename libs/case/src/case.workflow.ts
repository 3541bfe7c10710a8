import type { Role } from '@ruta/core';
import { CaseStatus } from './case.types';

export interface WorkflowAction {
  action: string;
  endpoint: string;
  roles: (Role | 'lead_agency' | 'target')[];
  /** The status the case moves to; 'previous' = the status before closure. */
  to: CaseStatus | CaseStatus[] | 'previous';
}

/**
 * The case status machine of PRODUCT.md section 4, as data: for each status, the actions allowed, who may
 * take them and through which endpoint. Every status change goes through CaseService.transition, which
 * refuses an action this table does not allow from the current status.
 */
export const CASE_WORKFLOW: Record<CaseStatus | 'new', WorkflowAction[]> = {
  new: [
    { action: 'intake', endpoint: 'POST /cases', roles: ['immigration_officer'], to: ['identified', 'screening'] },
  ],
  screening: [
    { action: 'screen', endpoint: 'POST /cases/:id/screenings', roles: ['immigration_officer', 'committee_member'], to: ['identified', 'screening'] },
    { action: 'submit_for_review', endpoint: 'POST /cases/:id/submit-for-review', roles: ['immigration_officer'], to: 'identified' },
    { action: 'close_screening', endpoint: 'POST /cases/:id/close', roles: ['immigration_officer'], to: 'closed' },
  ],
  identified: [
    { action: 'open_review', endpoint: 'POST /cases/:id/reviews', roles: ['committee_member'], to: 'under_review' },
  ],
  under_review: [
    { action: 'decide_recognize', endpoint: 'POST /reviews/:id/decision', roles: ['committee_member'], to: 'recognized' },
    { action: 'decide_request_information', endpoint: 'POST /reviews/:id/decision', roles: ['committee_member'], to: 'screening' },
    { action: 'decide_not_recognize', endpoint: 'POST /reviews/:id/decision', roles: ['committee_member'], to: 'closed' },
  ],
  recognized: [
    { action: 'first_referral_accepted', endpoint: 'POST /referrals/:id/accept', roles: ['target'], to: 'in_assistance' },
    { action: 'create_follow_up_plan', endpoint: 'POST /cases/:id/follow-up-plan', roles: ['lead_agency'], to: 'follow_up' },
    { action: 'approve_closure', endpoint: 'POST /closure-requests/:id/approve', roles: ['committee_member'], to: 'closed' },
  ],
  in_assistance: [
    { action: 'create_follow_up_plan', endpoint: 'POST /cases/:id/follow-up-plan', roles: ['lead_agency'], to: 'follow_up' },
    { action: 'approve_closure', endpoint: 'POST /closure-requests/:id/approve', roles: ['committee_member'], to: 'closed' },
  ],
  follow_up: [
    { action: 'approve_closure', endpoint: 'POST /closure-requests/:id/approve', roles: ['committee_member'], to: 'closed' },
  ],
  closed: [
    { action: 'reopen', endpoint: 'POST /cases/:id/reopen', roles: ['committee_member'], to: 'previous' },
  ],
};

export function allowedAction(from: CaseStatus | 'new', action: string): WorkflowAction | undefined {
  return CASE_WORKFLOW[from].find((a) => a.action === action);
}
