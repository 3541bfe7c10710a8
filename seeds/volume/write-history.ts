import { focalOf, RunContext, U, uid } from './context';
import { trioAgency, trioMember } from './plan';
import { KIND } from './sql';
import { committeeOf } from './write-protocol';

const OFFICER = `'{immigration_officer}'::text[]`;
const COMMITTEE = `'{committee_member}'::text[]`;
const FOCAL = `'{service_focal_point}'::text[]`;
const STAFF = `'{shelter_staff}'::text[]`;
const VISA = `'{visa_officer}'::text[]`;

/**
 * The case history (PRODUCT.md section 4): one entry per action, with the names and details the services
 * write (libs/case timeline-policy.ts maps each action to the part of the case it belongs to), inserted in
 * time order so that ids follow time within a case, as the timeline reads them. `placements`: where the
 * batch's placements are (their ids and discharge reasons go into the discharge entries).
 */
export function historyStatements(ctx: RunContext, placements = 'placements'): string[] {
  const u = U(ctx);
  const P = ctx.pools;
  const screeningStep = (t: string, path: string) => `SELECT n, id, ${t}, 0, CASE ${path} WHEN 'rescreen' THEN 'screen' WHEN 'submit' THEN 'submit_for_review'
        ELSE 'close_screening' END, 'screening', CASE WHEN ${path} IN ('rescreen', 'submit') THEN 'identified' ELSE 'closed' END, officer, ${OFFICER}, agency,
      CASE ${path} WHEN 'rescreen' THEN jsonb_build_object('outcome', 'presumed_victim', 'catalogVersion', 'v1')
        WHEN 'submit' THEN jsonb_build_object('rationaleEnc', ${P.pick('rationale_submit', `floor(pg_temp.r(n, 140) * 1000)`)})
        ELSE jsonb_build_object('reason', replace(${path}, 'close_', '')) END
    FROM g3 WHERE ${t} < ${u} AND ${path} IN ('rescreen', 'submit', 'close_no_indicators', 'close_duplicate')`;
  const review = (k: 1 | 2, decision: string) => [
    `SELECT n, id, r${k}o, 0, 'open_review', 'identified', 'under_review', ${trioMember(ctx, `trio${k}`, `opener${k}`)}, ${COMMITTEE},
        ${trioAgency(`trio${k}`, `opener${k}`)}, '{}'::jsonb FROM g3 WHERE r${k}o < ${u}`,
    `SELECT n, id, r${k}d, 0, 'decide_' || ${decision}, 'under_review',
        CASE ${decision} WHEN 'recognize' THEN 'recognized' WHEN 'not_recognize' THEN 'closed' ELSE 'screening' END,
        ${trioMember(ctx, `trio${k}`, `decider${k}`)}, ${COMMITTEE}, ${trioAgency(`trio${k}`, `decider${k}`)},
        CASE WHEN ${decision} = 'recognize' THEN jsonb_build_object('reviewId', pg_temp.uid(${KIND.review}, ${k}, n), 'leadAgency', lead)
          ELSE jsonb_build_object('reviewId', pg_temp.uid(${KIND.review}, ${k}, n)) END
      FROM g3 WHERE r${k}d < ${u}`,
  ];
  const referralDetails = (extra = '') => `jsonb_build_object('referralId', f.id, 'agency', f.agency, 'shelterId', f.shelter_id${extra})`;
  const responder = `CASE WHEN f.shelter_id IS NULL THEN f.focal ELSE f.staff END`;
  const responderRoles = `CASE WHEN f.shelter_id IS NULL THEN ${FOCAL} ELSE ${STAFF} END`;
  const recognizer = (what: 'member' | 'agency') => {
    const fn = (trio: string, position: string) => (what === 'member' ? trioMember(ctx, trio, position) : trioAgency(trio, position));
    return `CASE WHEN g3.recognized_in = 1 THEN ${fn('g3.trio1', 'g3.decider1')} ELSE ${fn('g3.trio2', 'g3.decider2')} END`;
  };

  const events = [
    `SELECT n, id, t0, 0, 'intake', NULL, NULL, officer, ${OFFICER}, agency, jsonb_build_object('outcome', o1, 'catalogVersion', 'v1') FROM g3`,
    screeningStep('t2', 'path2'),
    ...review(1, 'd1'),
    `${screeningStep('t3', 'path3')} AND d1 = 'request_information'`,
    ...review(2, 'd2'),
    `SELECT f.n, f.case_id, f.created_at, 10 + f.j, 'referral_created', NULL, NULL, f.created_by,
        CASE WHEN f.is_plan THEN ${COMMITTEE} ELSE ${FOCAL} END, CASE WHEN f.is_plan THEN ${recognizer('agency')} ELSE f.lead END,
        jsonb_build_object('referralId', f.id, 'serviceType', f.service, 'agency', f.agency, 'shelterId', f.shelter_id, 'consentBasis', f.consent_basis)
      FROM grf f JOIN g3 ON g3.n = f.n`,
    `SELECT n, id, vreq, 30, 'visa_requested', NULL, NULL, ${recognizer('member')}, ${COMMITTEE}, ${recognizer('agency')},
        jsonb_build_object('visaRequestId', pg_temp.uid(${KIND.visa}, 1, n)) FROM g3 WHERE vreq < ${u}`,
    `SELECT f.n, f.case_id, f.a_accept, 40, 'first_referral_accepted', 'recognized', 'in_assistance', ${responder}, ${responderRoles}, f.agency,
        ${referralDetails()} FROM grf f JOIN g3 ON g3.n = f.n WHERE f.a_accept = g3.ta`,
    `SELECT f.n, f.case_id, f.a_accept, 41, 'referral_accept', NULL, NULL, ${responder}, ${responderRoles}, f.agency,
        ${referralDetails(`, 'admitted', f.shelter_id IS NOT NULL`)} FROM grf f WHERE f.a_accept IS NOT NULL`,
    `SELECT f.n, f.case_id, f.a_decline, 50, 'referral_decline', NULL, NULL, ${responder}, ${responderRoles}, f.agency, ${referralDetails()}
      FROM grf f WHERE f.a_decline IS NOT NULL`,
    `SELECT f.n, f.case_id, f.a_cancel, 50, 'referral_cancel', NULL, NULL, f.lead_focal, ${FOCAL}, f.lead, ${referralDetails()}
      FROM grf f WHERE f.a_cancel IS NOT NULL`,
    `SELECT f.n, f.case_id, f.a_complete, 50, 'referral_complete', NULL, NULL, f.focal, ${FOCAL}, f.agency, ${referralDetails()}
      FROM grf f WHERE f.a_complete IS NOT NULL AND f.shelter_id IS NULL`,
    `SELECT f.n, f.case_id, f.a_complete, 50, 'discharge', NULL, NULL, f.staff, ${STAFF}, f.agency,
        jsonb_build_object('placementId', p.id, 'reason', p.discharge_reason, 'shelterId', f.shelter_id)
      FROM grf f JOIN ${placements} p ON p.referral_id = f.id WHERE f.a_complete IS NOT NULL AND f.shelter_id IS NOT NULL`,
    `SELECT n, id, vclaim, 50, 'visa_claim', NULL, NULL, ${uid(ctx.actors.visa)}, ${VISA}, 'MREMH',
        jsonb_build_object('visaRequestId', pg_temp.uid(${KIND.visa}, 1, n)) FROM g3 WHERE vclaim < ${u}`,
    `SELECT n, id, vdec, 50, 'visa_' || CASE vkind WHEN 'granted' THEN 'grant' WHEN 'denied' THEN 'deny' ELSE 'withdraw' END, NULL, NULL,
        CASE WHEN vkind <> 'withdrawn' THEN ${uid(ctx.actors.visa)} WHEN vwithdrawn_by_lead THEN ${focalOf(ctx, 'lead')} ELSE ${uid(ctx.actors.committee.MDI)} END,
        CASE WHEN vkind <> 'withdrawn' THEN ${VISA} WHEN vwithdrawn_by_lead THEN ${FOCAL} ELSE ${COMMITTEE} END,
        CASE WHEN vkind <> 'withdrawn' THEN 'MREMH' WHEN vwithdrawn_by_lead THEN lead ELSE 'MDI' END,
        jsonb_build_object('visaRequestId', pg_temp.uid(${KIND.visa}, 1, n)) FROM g3 WHERE vdec < ${u}`,
    `SELECT n, id, tf, 50, 'create_follow_up_plan', CASE WHEN ta < tf THEN 'in_assistance' ELSE 'recognized' END, 'follow_up', ${focalOf(ctx, 'lead')},
        ${FOCAL}, lead, jsonb_build_object('startDate', start_date::text) FROM g3 WHERE tf < ${u}`,
    `SELECT n, case_id, recorded_at, 50, 'follow_up_recorded', NULL, NULL, recorder, ${FOCAL}, agency,
        jsonb_build_object('checkinId', id, 'agency', agency, 'outcome', outcome) FROM gcf WHERE recorded_at IS NOT NULL`,
    `SELECT n, id, tcreq, 50, 'closure_requested', NULL, NULL, ${focalOf(ctx, 'lead')}, ${FOCAL}, lead,
        jsonb_build_object('closureRequestId', pg_temp.uid(${KIND.closure}, 1, n), 'reason', closure_request_reason) FROM g3 WHERE tcreq < ${u}`,
    `SELECT n, id, tc, 50, 'approve_closure', CASE WHEN tf < tc THEN 'follow_up' WHEN ta < tc THEN 'in_assistance' ELSE 'recognized' END, 'closed',
        ${committeeOf(ctx, 'approver_agency')}, ${COMMITTEE}, approver_agency,
        jsonb_build_object('closureRequestId', pg_temp.uid(${KIND.closure}, 1, n), 'reason', closure_request_reason) FROM g3 WHERE tc < ${u}`,
  ];
  return [`INSERT INTO case_history (case_id, occurred_at, action, from_status, to_status, actor_id, actor_roles, actor_agency, details)
    SELECT case_id, at, action, from_status, to_status, actor_id, roles, actor_agency, details
    FROM (${events.map((e) => `(${e})`).join('\nUNION ALL\n')}) h(n, case_id, at, ord, action, from_status, to_status, actor_id, roles, actor_agency, details)
    ORDER BY n, at, ord`];
}
