/**
 * PRODUCT.md section 4, the case status table, written out by hand (never generated from or copied out of
 * libs/case/src/case.workflow.ts). One row per (from-status, action): who may take it and where it leads.
 * `new` stands for the table's "—" (no case yet). A "to" list means "one of these, depending on the input".
 *
 * Parties (who, as the table says it):
 * - officer: immigration officer (of the unit that identified the case; the only officers who see it)
 * - committee: a committee member (case-analysis team)
 * - lead_agency: the case's lead agency acting (its focal points or committee members)
 * - target: the target of the referral that is accepted (shelter staff of that shelter, focal points of that agency)
 * - committee_of_another_agency: a committee member of an agency other than the one that requested the closure
 * Parties that never move a case: shelter_staff, focal_point (not lead), visa_officer, auditor.
 */
export const CASE_STATUSES_BY_HAND = ['new', 'screening', 'identified', 'under_review', 'recognized', 'in_assistance', 'follow_up', 'closed'] as const;

export const CASE_PARTIES_BY_HAND = [
  'officer', 'committee', 'lead_agency', 'target', 'committee_of_another_agency',
  'shelter_staff', 'focal_point', 'visa_officer', 'auditor',
] as const;

export interface CaseRowByHand {
  from: (typeof CASE_STATUSES_BY_HAND)[number];
  action: string;
  who: (typeof CASE_PARTIES_BY_HAND)[number][];
  to: string[];
}

export const CASE_TABLE_BY_HAND: CaseRowByHand[] = [
  // — | intake (POST /cases) | officer | identified if presumed_victim, else screening
  { from: 'new', action: 'intake', who: ['officer'], to: ['identified', 'screening'] },
  // screening | new screening | officer, committee | identified if presumed_victim, else stays
  { from: 'screening', action: 'screen', who: ['officer', 'committee'], to: ['identified', 'screening'] },
  // screening | send to review with rationale | officer | identified
  { from: 'screening', action: 'submit_for_review', who: ['officer'], to: ['identified'] },
  // screening | close as no_indicators or duplicate | officer | closed
  { from: 'screening', action: 'close_screening', who: ['officer'], to: ['closed'] },
  // identified | open review | committee | under_review
  { from: 'identified', action: 'open_review', who: ['committee'], to: ['under_review'] },
  // under_review | decide recognize / request_information / not_recognize | committee
  { from: 'under_review', action: 'decide_recognize', who: ['committee'], to: ['recognized'] },
  { from: 'under_review', action: 'decide_request_information', who: ['committee'], to: ['screening'] },
  { from: 'under_review', action: 'decide_not_recognize', who: ['committee'], to: ['closed'] },
  // recognized | first referral accepted | target | in_assistance
  { from: 'recognized', action: 'first_referral_accepted', who: ['target'], to: ['in_assistance'] },
  // recognized, in_assistance | follow-up plan created | lead agency | follow_up
  { from: 'recognized', action: 'create_follow_up_plan', who: ['lead_agency'], to: ['follow_up'] },
  { from: 'in_assistance', action: 'create_follow_up_plan', who: ['lead_agency'], to: ['follow_up'] },
  // recognized, in_assistance, follow_up | closure approved | committee of another agency | closed
  { from: 'recognized', action: 'approve_closure', who: ['committee_of_another_agency'], to: ['closed'] },
  { from: 'in_assistance', action: 'approve_closure', who: ['committee_of_another_agency'], to: ['closed'] },
  { from: 'follow_up', action: 'approve_closure', who: ['committee_of_another_agency'], to: ['closed'] },
  // closed | reopen with reason | committee | the status before closure (identified for not_recognized)
  { from: 'closed', action: 'reopen', who: ['committee'], to: ['previous'] },
];
