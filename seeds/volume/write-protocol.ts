import { focalOf, RunContext, staffOf, U, uid } from './context';
import { trioAgency, trioMember } from './plan';
import { chooseText, KIND, r } from './sql';
import { taskKind } from './write-tasks';

/** Before the run's end and before the case closed: an event that happened. */
export const happened = (t: string, u: string) => `(${t} < ${u} AND ${t} < coalesce(tclose, 'infinity'))`;

/**
 * Tables `grf` and `gcf`: each referral and check-in with the instants of what happened to it (NULL when it did
 * not happen before the run's end, or would come after the case closed) and its status at the end.
 */
export function finalStatements(ctx: RunContext): string[] {
  const u = U(ctx);
  const referralEvents = `SELECT gr.*, gs.accepted AS shelter_accepted, gs.ends_at AS shelter_ends_at, g3.tclose, g3.early_closure,
      g3.is_foreign, g3.children_count, g3.came_of_age,
      CASE WHEN gr.plan_outcome IN ('accepted', 'accepted_cancelled') OR gs.accepted THEN gr.resp_at END AS e_accept,
      CASE WHEN gr.plan_outcome = 'declined' OR gs.accepted = false THEN gr.resp_at END AS e_decline,
      CASE gr.plan_outcome WHEN 'cancelled_pending' THEN gr.created_at + (gr.resp_at - gr.created_at) / 2
        WHEN 'accepted_cancelled' THEN gr.resp_at + gr.cancel_after END AS e_cancel,
      CASE WHEN gs.accepted THEN gs.ends_at WHEN gr.plan_outcome = 'accepted' AND gr.completes THEN gr.resp_at + gr.complete_after END AS e_complete
    FROM gr LEFT JOIN gs ON gs.id = gr.id JOIN g3 ON g3.n = gr.n
    WHERE gr.created_at < ${u} AND gr.created_at < coalesce(g3.tclose, 'infinity')`;
  const kept = (e: string) => `CASE WHEN ${happened(e, u)} THEN ${e} END`;
  const checkinEvents = `SELECT gc.*, g3.tclose, g3.tf,
      CASE WHEN ${happened('gc.rec_at', u)} THEN gc.rec_at END AS recorded_at,
      CASE WHEN ${happened('gc.due_at', u)} AND NOT (gc.rec_at < gc.due_at) IS TRUE THEN gc.due_at END AS task_at
    FROM gc JOIN g3 ON g3.n = gc.n`;
  return [
    `DROP TABLE IF EXISTS grf`,
    `CREATE TEMP TABLE grf AS SELECT e.*,
        CASE WHEN a_complete IS NOT NULL THEN 'completed' WHEN a_cancel IS NOT NULL THEN 'cancelled' WHEN a_accept IS NOT NULL THEN 'accepted'
          WHEN a_decline IS NOT NULL THEN 'declined' ELSE 'pending' END AS status
      FROM (SELECT x.*, ${kept('e_accept')} AS a_accept, ${kept('e_decline')} AS a_decline, ${kept('e_cancel')} AS a_cancel,
          ${kept('e_complete')} AS a_complete, ${staffOf(ctx, 'shelter_id')} AS staff, ${focalOf(ctx, 'agency')} AS focal, ${focalOf(ctx, 'lead')} AS lead_focal
        FROM (${referralEvents}) x) e`,
    `ALTER TABLE grf ADD PRIMARY KEY (id)`,
    `DROP TABLE IF EXISTS gcf`,
    `CREATE TEMP TABLE gcf AS SELECT c.*, CASE WHEN recorded_at IS NOT NULL THEN 'done' WHEN task_at IS NOT NULL THEN 'due' ELSE 'scheduled' END AS status
      FROM (${checkinEvents}) c`,
  ];
}

/** Reviews and their members, referrals, placements, article 104 requests, follow-up plans and check-ins, closure requests. */
export function protocolStatements(ctx: RunContext): string[] {
  const u = U(ctx);
  const P = ctx.pools;
  const responder = `CASE WHEN shelter_id IS NOT NULL THEN staff ELSE focal END`;

  const review = (k: 1 | 2, opened: string, decided: string, decision: string) => `SELECT g3.n, g3.id AS case_id, ${k} AS k,
      ${opened} AS opened_at, CASE WHEN ${decided} < ${u} THEN ${decided} END AS decided_at, ${decision} AS decision, trio${k} AS trio, opener${k} AS opener,
      decider${k} AS decider, g3.lead, g3.visa_wanted, g3.recognized_in = ${k} AS recognizes
    FROM g3 WHERE ${opened} < ${u}`;
  const reviews = `SELECT * FROM (${review(1, 'r1o', 'r1d', 'd1')}) a UNION ALL SELECT * FROM (${review(2, 'r2o', 'r2d', 'd2')}) b`;
  const plan = `SELECT n, jsonb_build_object('referrals', jsonb_agg(jsonb_build_object('serviceType', service, 'shelterId', shelter_id, 'agency', NULL,
        'consentOverride', consent_basis = 'override') ORDER BY j), 'requestVisa', bool_or(visa_wanted), 'followUpStart', NULL) AS plan,
      array_agg(id ORDER BY j) AS referral_ids
    FROM (SELECT gr.*, g3.visa_wanted FROM gr JOIN g3 ON g3.n = gr.n WHERE gr.is_plan) p GROUP BY n`;

  const discharge = `CASE WHEN came_of_age THEN 'came_of_age' WHEN early_closure = 'returned_abroad' THEN 'returned_to_origin_country'
      WHEN early_closure = 'lost_contact' THEN 'absconded' WHEN early_closure = 'declined_assistance' THEN 'left_voluntarily'
      ELSE ${chooseText(r(120), [['family_reintegration', 55], ['transferred', 20], ['left_voluntarily', 10], ['other', 10], ['returned', 5]])} END`;

  return [
    `INSERT INTO reviews (id, case_id, status, decision, rationale_enc, lead_agency, plan, created_referral_ids, visa_request_id, opened_by, opened_at,
        decided_by, decided_at)
      SELECT pg_temp.uid(${KIND.review}, k, v.n), case_id, CASE WHEN decided_at IS NULL THEN 'open' ELSE 'decided' END,
        CASE WHEN decided_at IS NOT NULL THEN decision END,
        CASE WHEN decided_at IS NOT NULL THEN CASE decision WHEN 'recognize' THEN ${P.pick('rationale_recognize', `floor(${r(121, "v.n")} * 1000)`)}
          WHEN 'not_recognize' THEN ${P.pick('rationale_not_recognize', `floor(${r(121, "v.n")} * 1000)`)}
          ELSE ${P.pick('rationale_request_information', `floor(${r(121, "v.n")} * 1000)`)} END END,
        CASE WHEN decided_at IS NOT NULL AND recognizes THEN lead END,
        CASE WHEN decided_at IS NOT NULL AND recognizes THEN p.plan END,
        CASE WHEN decided_at IS NOT NULL AND recognizes THEN p.referral_ids ELSE '{}' END,
        CASE WHEN decided_at IS NOT NULL AND recognizes AND visa_wanted THEN pg_temp.uid(${KIND.visa}, 1, v.n) END,
        ${trioMember(ctx, 'trio', 'opener')}, opened_at,
        CASE WHEN decided_at IS NOT NULL THEN ${trioMember(ctx, 'trio', 'decider')} END, decided_at
      FROM (${reviews}) v LEFT JOIN (${plan}) p ON p.n = v.n AND v.recognizes
      ORDER BY v.n, k`,
    `INSERT INTO review_members (review_id, user_id, agency_code)
      SELECT pg_temp.uid(${KIND.review}, k, v.n), ${trioMember(ctx, 'trio', 'm')}, ${trioAgency('trio', 'm')}
      FROM (${reviews}) v CROSS JOIN generate_series(0, 2) m WHERE decided_at IS NOT NULL
      ORDER BY v.n, k`,
    `INSERT INTO referrals (id, case_id, service_type, shelter_id, agency_code, status, reason_enc, review_id, consent_basis, override_justification_enc,
        created_by, created_at, responded_by, responded_at, response_reason_enc, outcome_enc, response_task_id)
      SELECT id, case_id, service, shelter_id, agency, status,
        CASE WHEN is_plan THEN ${P.pick('plan_reason', '0')} ELSE ${P.pick('referral_reason', 'floor(pg_temp.r(n, 260 + j) * 1000)')} END,
        review_id, consent_basis, CASE WHEN consent_basis = 'override' THEN ${P.pick('override', 'floor(pg_temp.r(n, 261 + j) * 1000)')} END,
        created_by, created_at,
        CASE WHEN status = 'declined' OR a_accept IS NOT NULL THEN ${responder} END,
        CASE WHEN status = 'declined' THEN a_decline ELSE a_accept END,
        CASE WHEN status = 'declined' AND shelter_id IS NOT NULL THEN ${P.pick('no_place', '0')}
          WHEN status = 'declined' THEN ${P.pick('decline', 'floor(pg_temp.r(n, 262 + j) * 1000)')}
          WHEN status = 'cancelled' THEN ${P.pick('cancel', 'floor(pg_temp.r(n, 262 + j) * 1000)')} END,
        CASE WHEN status = 'completed' AND shelter_id IS NULL AND pg_temp.r(n, 263 + j) < 0.7 THEN ${P.pick('outcome', 'floor(pg_temp.r(n, 264 + j) * 1000)')} END,
        pg_temp.uid(${taskKind('referral_response')}, j, n)
      FROM grf ORDER BY n, j`,
    `INSERT INTO placements (id, case_id, shelter_id, referral_id, status, admitted_at, accompanying_children, discharged_at, discharge_reason,
        risk_assessment_enc, discharged_by)
      SELECT pg_temp.uid(${KIND.placement}, 1, n), case_id, shelter_id, id, CASE WHEN a_complete IS NULL THEN 'active' ELSE 'discharged' END, a_accept,
        children_count, a_complete, CASE WHEN a_complete IS NOT NULL THEN reason END,
        CASE WHEN a_complete IS NOT NULL AND reason IN ('family_reintegration', 'returned_to_origin_country') THEN ${P.pick('risk', `floor(${r(122)} * 1000)`)} END,
        CASE WHEN a_complete IS NOT NULL THEN staff END
      FROM (SELECT grf.*, CASE d WHEN 'returned' THEN CASE WHEN is_foreign THEN 'returned_to_origin_country' ELSE 'family_reintegration' END ELSE d END AS reason
        FROM (SELECT grf.*, ${discharge} AS d FROM grf WHERE shelter_id IS NOT NULL AND a_accept IS NOT NULL) grf) p
      ORDER BY n`,
    `INSERT INTO visa_requests (id, case_id, status, review_id, requested_by, requested_at, claimed_by, decided_at, visa_number_enc, issued_on, expires_on,
        reason_enc, decision_task_id, withdrawn_by)
      SELECT pg_temp.uid(${KIND.visa}, 1, n), id, vstatus, pg_temp.uid(${KIND.review}, recognized_in, n),
        CASE WHEN recognized_in = 1 THEN ${trioMember(ctx, 'trio1', 'decider1')} ELSE ${trioMember(ctx, 'trio2', 'decider2')} END, vreq,
        CASE WHEN vclaim < ${u} THEN ${uid(ctx.actors.visa)} END, CASE WHEN vstatus IN ('granted', 'denied', 'withdrawn') THEN vdec END,
        CASE WHEN vstatus = 'granted' THEN ${P.pick('visa_number', `floor(${r(123)} * 1000000)`)} END,
        CASE WHEN vstatus = 'granted' THEN pg_temp.ecdate(vdec) END, CASE WHEN vstatus = 'granted' THEN (pg_temp.ecdate(vdec) + interval '24 months')::date END,
        CASE vstatus WHEN 'denied' THEN ${P.pick('visa_deny', `floor(${r(124)} * 1000)`)} WHEN 'withdrawn' THEN ${P.pick('visa_withdraw', `floor(${r(124)} * 1000)`)} END,
        pg_temp.uid(${taskKind('visa_decision')}, 1, n),
        CASE WHEN vstatus = 'withdrawn' THEN CASE WHEN vwithdrawn_by_lead THEN ${focalOf(ctx, 'lead')} ELSE ${uid(ctx.actors.committee.MDI)} END END
      FROM (SELECT g3.*, CASE WHEN vdec < ${u} THEN vkind WHEN vclaim < ${u} THEN 'under_review' ELSE 'requested' END AS vstatus
        FROM g3 WHERE vreq < ${u}) v
      ORDER BY n`,
    `INSERT INTO follow_up_plans (id, case_id, start_date, created_by, created_at)
      SELECT pg_temp.uid(${KIND.plan}, 0, n), id, start_date, ${focalOf(ctx, 'lead')}, tf FROM g3 WHERE tf < ${u} ORDER BY n`,
    `INSERT INTO follow_up_checkins (id, plan_id, case_id, sequence, months_after_start, due_date, agency_code, status, outcome, notes_enc, new_needs_enc,
        task_id, recorded_by, recorded_at)
      SELECT id, plan_id, case_id, sequence, months, due_date, agency, status, CASE WHEN status = 'done' THEN outcome END,
        CASE WHEN status = 'done' AND pg_temp.r(n, 330 + sequence) < 0.5 THEN ${P.pick('checkin_notes', 'floor(pg_temp.r(n, 335 + sequence) * 1000)')} END,
        CASE WHEN status = 'done' AND outcome = 'needs_support' THEN ${P.pick('new_needs', 'floor(pg_temp.r(n, 340 + sequence) * 1000)')} END,
        CASE WHEN task_at IS NOT NULL THEN task_id END, CASE WHEN status = 'done' THEN recorder END, recorded_at
      FROM gcf ORDER BY n, sequence`,
    `INSERT INTO closure_requests (id, case_id, reason, status, requested_by, requesting_agency, requested_at, decided_by, deciding_agency, decided_at, task_id)
      SELECT pg_temp.uid(${KIND.closure}, 1, n), id, closure_request_reason, CASE WHEN tc < ${u} THEN 'approved' ELSE 'pending' END,
        ${focalOf(ctx, 'lead')}, lead, tcreq,
        CASE WHEN tc < ${u} THEN ${committeeOf(ctx, 'approver_agency')} END, CASE WHEN tc < ${u} THEN approver_agency END, CASE WHEN tc < ${u} THEN tc END,
        pg_temp.uid(${taskKind('closure_approval')}, 1, n)
      FROM g3 WHERE tcreq < ${u} ORDER BY n`,
  ];
}

export function committeeOf(ctx: RunContext, agency: string): string {
  return `(CASE ${agency} ${Object.entries(ctx.actors.committee).map(([a, id]) => `WHEN '${a}' THEN ${uid(id)}`).join(' ')} END)`;
}
