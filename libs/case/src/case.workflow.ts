import { Actor, availableActions, requireAction, Workflow, WorkflowRefusals, WorkflowRule, workflowRule } from '@ruta/core';
import { CaseViewer } from './access/case-viewer';
import { CaseStatus } from './case.types';

/**
 * Who may move a case (PRODUCT.md section 4), as parties to this case rather than bare roles:
 * - officer: the immigration officer of the identifying unit (the only officers who see the case);
 * - committee: a committee member;
 * - lead_agency: the case's lead agency acting, through its focal points or committee members (never shelter staff);
 * - target: the target of the referral being accepted (worked out by the referral module);
 * - committee_of_another_agency: a committee member of an agency other than the one that requested the closure
 *   (worked out by the closure module).
 */
export const CASE_PARTIES = ['officer', 'committee', 'lead_agency', 'target', 'committee_of_another_agency'] as const;
export type CaseParty = (typeof CASE_PARTIES)[number];

export type CaseWorkflowStatus = CaseStatus | 'new';
export type CaseAction = 'intake' | 'screen' | 'submit_for_review' | 'close_screening' | 'open_review' | 'decide_recognize'
  | 'decide_request_information' | 'decide_not_recognize' | 'first_referral_accepted' | 'create_follow_up_plan' | 'approve_closure' | 'reopen';
export type CaseRule = WorkflowRule<CaseWorkflowStatus, CaseParty>;

const FOLLOW_UP_PLAN: CaseRule = { roles: ['lead_agency'], to: 'follow_up', endpoint: 'POST /cases/:id/follow-up-plan' };
const APPROVE_CLOSURE: CaseRule = { roles: ['committee_of_another_agency'], to: 'closed', endpoint: 'POST /closure-requests/:id/approve' };

/**
 * The case status machine of PRODUCT.md section 4, as data: `status -> action -> {roles, to, endpoint}`.
 * Every status change goes through CaseService.transition, which asks requireAction: an action this map does
 * not allow from the current status is refused (409), and so is a party it does not name for it.
 */
export const CASE_WORKFLOW: Workflow<CaseWorkflowStatus, CaseAction, CaseParty> = {
  new: {
    intake: { roles: ['officer'], to: ['identified', 'screening'], endpoint: 'POST /cases' },
  },
  screening: {
    screen: { roles: ['officer', 'committee'], to: ['identified', 'screening'], endpoint: 'POST /cases/:id/screenings' },
    submit_for_review: { roles: ['officer'], to: 'identified', endpoint: 'POST /cases/:id/submit-for-review' },
    close_screening: { roles: ['officer'], to: 'closed', endpoint: 'POST /cases/:id/close' },
  },
  identified: {
    open_review: { roles: ['committee'], to: 'under_review', endpoint: 'POST /cases/:id/reviews' },
  },
  under_review: {
    decide_recognize: { roles: ['committee'], to: 'recognized', endpoint: 'POST /reviews/:id/decision' },
    decide_request_information: { roles: ['committee'], to: 'screening', endpoint: 'POST /reviews/:id/decision' },
    decide_not_recognize: { roles: ['committee'], to: 'closed', endpoint: 'POST /reviews/:id/decision' },
  },
  recognized: {
    first_referral_accepted: { roles: ['target'], to: 'in_assistance', endpoint: 'POST /referrals/:id/accept' },
    create_follow_up_plan: FOLLOW_UP_PLAN,
    approve_closure: APPROVE_CLOSURE,
  },
  in_assistance: {
    create_follow_up_plan: FOLLOW_UP_PLAN,
    approve_closure: APPROVE_CLOSURE,
  },
  follow_up: {
    approve_closure: APPROVE_CLOSURE,
  },
  closed: {
    reopen: { roles: ['committee'], to: 'previous', endpoint: 'POST /cases/:id/reopen' },
  },
};

/** The parties an actor is in for a case, as far as the case itself tells (not target or closure parties). */
export function casePartiesOf(row: { lead_agency: string | null }, viewer: CaseViewer, actor: Pick<Actor, 'agencyCode'>): CaseParty[] {
  const parties: CaseParty[] = [];
  if (viewer.kind === 'officer') parties.push('officer');
  if (viewer.kind === 'committee') parties.push('committee');
  const ours = row.lead_agency !== null && row.lead_agency === actor.agencyCode;
  if ((viewer.kind === 'focal_point' && viewer.lead) || (viewer.kind === 'committee' && ours)) parties.push('lead_agency');
  return parties;
}

/** The rule for this action from this status, whoever asks (undefined: not allowed from it). */
export function allowedAction(from: CaseWorkflowStatus, action: string): CaseRule | undefined {
  return workflowRule(CASE_WORKFLOW, from, action as CaseAction);
}

/** The case's rule for this action, or the module's problem (see requireAction). */
export function requireCaseAction(status: CaseWorkflowStatus, action: CaseAction, parties: Iterable<CaseParty>, refuse: WorkflowRefusals): CaseRule {
  return requireAction(CASE_WORKFLOW, status, action, parties, refuse);
}

/** The case's actions these parties may take now. */
export function caseActionsFor(status: CaseWorkflowStatus, parties: Iterable<CaseParty>) {
  return availableActions(CASE_WORKFLOW, status, parties);
}
