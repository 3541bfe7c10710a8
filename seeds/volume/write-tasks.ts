import { TASK_TYPES, TaskType } from '@ruta/tasks';
import { focalOf, RunContext, U, uid } from './context';
import { trioMember } from './plan';
import { days, hours, KIND } from './sql';

export const taskKind = (type: TaskType) => KIND.task + TASK_TYPES.indexOf(type);
const escalationKind = (typeIndex: string) => `${KIND.escalation} + ${typeIndex}`;

/** One source of tasks: a SELECT with the columns of `gt`'s source (see TASK_COLUMNS). */
const TASK_COLUMNS = ['n', 'case_id', 'type', 'k', 'priority', 'created_at', 'due_at', 'role', 'agency', 'shelter', 'unit', 'details', 'end_at',
  'end_status', 'end_by', 'claim_at', 'claim_by'];

/**
 * The shared queue as the protocol leaves it (PRODUCT.md section 10): every task the steps create, done by
 * doing the work, cancelled when the case closes, open (claimed, for visa decisions being worked on)
 * otherwise; every task still open at its due time escalated once, with an escalation task to the
 * committee; then the stakes each addressee gets in the case and the timers still to fire.
 */
export function taskStatements(ctx: RunContext): string[] {
  const u = U(ctx);
  const mies = focalOf(ctx, `'MIES'`);
  const lead = focalOf(ctx, 'lead');
  const urgency = (urgent: string, otherwise: string) => `CASE WHEN is_minor THEN '${urgent}' ELSE '${otherwise}' END`;
  const sources = [
    // Intake with "possible victim": the identifying unit completes the interview.
    `SELECT n, id, 'complete_screening', 1, ${urgency('high', 'normal')}, t0, t0 + interval '72 hours', 'immigration_officer', agency, NULL::uuid, unit,
        jsonb_build_object('outcome', 'possible_victim', 'reopened', false), t2,
        CASE WHEN path2 IN ('rescreen', 'submit') THEN 'done' ELSE 'cancelled' END, CASE WHEN path2 IN ('rescreen', 'submit') THEN officer END, NULL::timestamptz, NULL::uuid
      FROM g3 WHERE o1 = 'possible_victim'`,
    // The committee asked for more information.
    `SELECT n, id, 'complete_screening', 2, ${urgency('urgent', 'high')}, r1d, r1d + interval '72 hours', 'immigration_officer', agency, NULL, unit,
        jsonb_build_object('reviewId', pg_temp.uid(${KIND.review}, 1, n), 'requestedInformation', true), t3,
        CASE WHEN path3 IN ('rescreen', 'submit') THEN 'done' ELSE 'cancelled' END, CASE WHEN path3 IN ('rescreen', 'submit') THEN officer END, NULL, NULL
      FROM g3 WHERE d1 = 'request_information' AND r1d IS NOT NULL`,
    // A minor positive on exploitation: immediate child protection by MIES (completed directly, mostly within a day).
    `SELECT n, id, 'child_protection_immediate', 1, 'urgent', cp_at, cp_at + interval '24 hours', 'service_focal_point', 'MIES', NULL, NULL,
        jsonb_build_object('outcome', cp_outcome), CASE WHEN pg_temp.r(n, 131) < 0.85 THEN cp_at + ${hours('1 + 12 * pg_temp.ex(n, 130)')} END, 'done', ${mies}, NULL, NULL
      FROM (SELECT g3.*, CASE WHEN sp.child_protection THEN t0 WHEN g3.is_minor AND path2 = 'rescreen' THEN t2
          WHEN g3.is_minor AND d1 = 'request_information' AND path3 = 'rescreen' THEN t3 END AS cp_at,
          CASE WHEN sp.child_protection THEN o1 ELSE 'presumed_victim' END AS cp_outcome
        FROM g3 JOIN screening_pool sp ON sp.key = o1 || ':' || CASE WHEN g3.is_minor THEN 'minor' ELSE 'adult' END || ':' || family) c
      WHERE cp_at IS NOT NULL`,
    ...[1, 2].map((k) => `SELECT n, id, 'case_review', ${k}, CASE WHEN is_minor OR located_abroad THEN 'urgent' ELSE 'high' END, ti${k},
        ti${k} + CASE WHEN is_minor OR located_abroad THEN interval '24 hours' ELSE interval '72 hours' END, 'committee_member', NULL, NULL, NULL,
        jsonb_build_object('minor', is_minor, 'locatedAbroad', located_abroad), r${k}o, 'done',
        ${trioMember(ctx, `trio${k}`, `opener${k}`)}, NULL, NULL
      FROM g3 WHERE ti${k} IS NOT NULL`),
    `SELECT n, case_id, 'referral_response', j, ${urgency('urgent', 'high')}, created_at, created_at + ${hours('deadline_hours')},
        CASE WHEN shelter_id IS NULL THEN 'service_focal_point' ELSE 'shelter_staff' END, CASE WHEN shelter_id IS NULL THEN agency END, shelter_id, NULL,
        jsonb_build_object('referralId', id, 'serviceType', service), coalesce(e_accept, e_decline, CASE WHEN plan_outcome = 'cancelled_pending' THEN e_cancel END),
        'done', CASE WHEN e_accept IS NULL AND e_decline IS NULL THEN lead_focal WHEN shelter_id IS NULL THEN focal ELSE staff END, NULL, NULL
      FROM grf`,
    `SELECT n, case_id, 'find_alternative', j, ${urgency('urgent', 'high')}, a_decline, a_decline + interval '72 hours', 'service_focal_point', lead, NULL, NULL,
        jsonb_build_object('referralId', id, 'serviceType', service),
        CASE WHEN pg_temp.r(n, 275 + j) < 0.7 THEN a_decline + ${hours('6 + 100 * pg_temp.ex(n, 270 + j)')} END, 'done', lead_focal, NULL, NULL
      FROM grf WHERE a_decline IS NOT NULL`,
    `SELECT n, id, 'visa_decision', 1, ${urgency('urgent', 'high')}, vreq, vreq + interval '15 days', 'visa_officer', 'MREMH', NULL, NULL,
        jsonb_build_object('visaRequestId', pg_temp.uid(${KIND.visa}, 1, n)), vdec, CASE WHEN vkind = 'withdrawn' THEN 'cancelled' ELSE 'done' END,
        CASE WHEN vkind <> 'withdrawn' THEN ${uid(ctx.actors.visa)} END, vclaim, ${uid(ctx.actors.visa)}
      FROM g3 WHERE vreq < ${u}`,
    // 60 days before a granted visa expires, if the case is still open.
    `SELECT n, id, 'visa_expiry', 1, ${urgency('high', 'normal')}, fire, pg_temp.ec(expires_on), 'service_focal_point', lead, NULL, NULL,
        jsonb_build_object('visaRequestId', pg_temp.uid(${KIND.visa}, 1, n), 'expiresOn', expires_on::text),
        CASE WHEN pg_temp.r(n, 133) < 0.6 THEN fire + ${days('1 + 20 * pg_temp.r(n, 132)')} END, 'done', ${lead}, NULL, NULL
      FROM (SELECT g3.*, pg_temp.ec(expires_on) - interval '60 days' AS fire FROM (SELECT g3.*, (pg_temp.ecdate(vdec) + interval '24 months')::date AS expires_on
        FROM g3 WHERE vkind = 'granted' AND vdec < ${u}) g3) v
      WHERE fire < ${u} AND fire < coalesce(tclose, 'infinity')`,
    `SELECT c.n, c.case_id, 'follow_up_checkin', c.sequence, 'normal', c.task_at, c.task_at + interval '14 days', 'service_focal_point', c.agency, NULL, NULL,
        jsonb_build_object('checkinId', c.id, 'monthsAfterStart', c.months), c.rec_at, 'done', c.recorder, NULL, NULL
      FROM gcf c WHERE c.task_at IS NOT NULL`,
    // Two check-ins in a row without reaching the person: the lead agency is told.
    `SELECT c.n, c.case_id, 'escalation', c.sequence, 'high', c.recorded_at, c.recorded_at + interval '3 days', 'service_focal_point', c.lead, NULL, NULL,
        jsonb_build_object('reason', 'follow_up_not_reached_twice', 'checkinId', c.id),
        CASE WHEN pg_temp.r(c.n, 345 + c.sequence) < 0.6 THEN c.recorded_at + ${days('1 + 9 * pg_temp.r(c.n, 350 + c.sequence)')} END, 'done',
        ${focalOf(ctx, 'c.lead')}, NULL, NULL
      FROM gcf c JOIN gcf p ON p.n = c.n AND p.sequence = c.sequence - 1
      WHERE c.outcome = 'not_reached' AND p.outcome = 'not_reached' AND c.recorded_at IS NOT NULL AND p.recorded_at <= c.recorded_at`,
    `SELECT c.n, c.case_id, 'follow_up_close', 1, 'normal', c.recorded_at, c.recorded_at + interval '14 days', 'service_focal_point', c.lead, NULL, NULL,
        jsonb_build_object('reason', 'follow_up_completed'), NULL, NULL, NULL, NULL, NULL
      FROM gcf c WHERE c.sequence = 5 AND c.recorded_at IS NOT NULL`,
    `SELECT n, id, 'closure_approval', 1, 'normal', tcreq, tcreq + interval '7 days', 'committee_member', NULL, NULL, NULL,
        jsonb_build_object('closureRequestId', pg_temp.uid(${KIND.closure}, 1, n), 'requestingAgency', lead, 'reason', closure_request_reason),
        tc, 'done', (CASE approver_agency ${Object.entries(ctx.actors.committee).map(([a, id]) => `WHEN '${a}' THEN ${uid(id)}`).join(' ')} END), NULL, NULL
      FROM g3 WHERE tcreq < ${u}`,
  ];
  const staged = `SELECT s.*, g3.tclose, g3.is_minor FROM (${sources.map((s) => `(${s})`).join('\nUNION ALL\n')}) s(${TASK_COLUMNS.join(', ')})
    JOIN g3 ON g3.n = s.n`;
  // What became of each task: its own end if it came before the case closed, else cancelled with the closing.
  const settled = `SELECT st.*, pg_temp.uid(${KIND.task} + array_position(${typesArray()}, type) - 1, k, n) AS id,
      array_position(${typesArray()}, type) - 1 AS type_index,
      CASE WHEN end_at IS NOT NULL AND end_at <= coalesce(tclose, 'infinity') THEN end_at ELSE tclose END AS eff_end,
      CASE WHEN end_at IS NOT NULL AND end_at <= coalesce(tclose, 'infinity') THEN end_status ELSE 'cancelled' END AS eff_status
    FROM (${staged}) st
    WHERE created_at < ${u} AND created_at <= coalesce(tclose, 'infinity')`;

  return [
    `DROP TABLE IF EXISTS gt`,
    `CREATE TEMP TABLE gt AS SELECT t.*, CASE WHEN eff_end < ${u} THEN eff_status WHEN claim_at < ${u} THEN 'claimed' ELSE 'open' END AS status,
        (type <> 'escalation' AND due_at < least(eff_end, ${u})) AS escalated
      FROM (${settled}) t`,
    // Escalations of overdue tasks: to the committee, due a day later; the end of the chain (never escalated).
    `DROP TABLE IF EXISTS gte`,
    `CREATE TEMP TABLE gte AS SELECT e.*, CASE WHEN eff_end < ${u} THEN eff_status ELSE 'open' END AS status, false AS escalated
      FROM (SELECT e.*, CASE WHEN end_at IS NOT NULL AND end_at <= coalesce(tclose, 'infinity') THEN end_at ELSE tclose END AS eff_end,
          CASE WHEN end_at IS NOT NULL AND end_at <= coalesce(tclose, 'infinity') THEN 'done' ELSE 'cancelled' END AS eff_status
        FROM (SELECT n, case_id, pg_temp.uid(${escalationKind('type_index')}, k, n) AS id, 'escalation'::text AS type, 'high'::text AS priority,
            due_at AS created_at, due_at + interval '24 hours' AS due_at, id AS parent_id, tclose,
            jsonb_build_object('escalatedTaskId', id, 'escalatedTaskType', type) AS details,
            CASE WHEN pg_temp.r(n, 1000 + type_index * 64 + k) < 0.8 THEN due_at + ${hours('2 + 60 * pg_temp.ex(n, 2000 + type_index * 64 + k)')} END AS end_at,
            ${committeeByIndex(ctx, 'floor(pg_temp.r(n, 3000 + type_index * 64 + k) * 4)::integer')} AS end_by
          FROM gt WHERE escalated) e) e`,
    `INSERT INTO tasks (id, type, case_id, status, priority, due_at, escalated, escalated_at, addressee_role, addressee_agency, addressee_shelter_id,
        addressee_unit, claimed_by, claimed_at, completed_by, completed_at, parent_task_id, details, created_at, updated_at)
      SELECT id, type, case_id, status, priority, due_at, escalated, CASE WHEN escalated THEN due_at END, role, agency, shelter, unit,
        CASE WHEN status = 'claimed' THEN claim_by END, CASE WHEN claim_at < least(eff_end, ${u}) THEN claim_at END,
        CASE WHEN status = 'done' THEN end_by END, CASE WHEN status = 'done' THEN eff_end END, NULL, details, created_at,
        CASE WHEN status IN ('done', 'cancelled') THEN eff_end WHEN status = 'claimed' THEN claim_at WHEN escalated THEN due_at ELSE created_at END
      FROM gt
      UNION ALL
      SELECT id, type, case_id, status, priority, due_at, false, NULL, 'committee_member', NULL, NULL, NULL, NULL, NULL,
        CASE WHEN status = 'done' THEN end_by END, CASE WHEN status = 'done' THEN eff_end END, parent_id, details, created_at,
        CASE WHEN status = 'open' THEN created_at ELSE eff_end END
      FROM gte
      ORDER BY 1`,
    `INSERT INTO case_stakes (case_id, role, agency_code, shelter_id, reason, created_at)
      SELECT DISTINCT ON (case_id, role, coalesce(agency, ''), coalesce(shelter::text, ''), reason) case_id, role, agency, shelter, reason, created_at
      FROM (SELECT case_id, role, CASE WHEN role = 'shelter_staff' THEN NULL ELSE agency END AS agency, shelter, 'task:' || type AS reason, created_at FROM gt
          WHERE (role = 'service_focal_point' AND agency IS NOT NULL) OR role IN ('shelter_staff', 'visa_officer') OR (role = 'committee_member' AND agency IS NULL)
        UNION ALL SELECT case_id, 'committee_member', NULL, NULL, 'task:escalation', created_at FROM gte
        UNION ALL SELECT case_id, 'service_focal_point', agency, NULL, 'follow_up_checkin', tf FROM gcf) s
      ORDER BY case_id, role, coalesce(agency, ''), coalesce(shelter::text, ''), reason, created_at`,
    // Timers the application would still fire (the database is their source of truth; its reconciler queues them).
    `INSERT INTO timers (id, kind, subject_id, fire_at, status, created_at, updated_at)
      SELECT 'task_due:' || id, 'task_due', id::text, due_at, 'scheduled', created_at, created_at FROM gt
        WHERE status IN ('open', 'claimed') AND due_at >= ${u}
      UNION ALL
      SELECT 'follow_up_checkin_due:' || id, 'follow_up_checkin_due', id::text, due_at, 'scheduled', tf, tf FROM gcf
        WHERE status = 'scheduled' AND due_at >= ${u} AND coalesce(tclose, 'infinity') >= ${u}
      UNION ALL
      SELECT 'visa_expiry:' || pg_temp.uid(${KIND.visa}, 1, n), 'visa_expiry', pg_temp.uid(${KIND.visa}, 1, n)::text,
        pg_temp.ec((pg_temp.ecdate(vdec) + interval '24 months')::date) - interval '60 days', 'scheduled', vdec, vdec
      FROM g3 WHERE vkind = 'granted' AND vdec < ${u} AND coalesce(tclose, 'infinity') >= ${u}
        AND pg_temp.ec((pg_temp.ecdate(vdec) + interval '24 months')::date) - interval '60 days' >= ${u}`,
  ];
}

function typesArray(): string {
  return `ARRAY[${TASK_TYPES.map((t) => `'${t}'`).join(', ')}]::text[]`;
}

/** The `index`-th (0-3) of the four demo committee members. */
function committeeByIndex(ctx: RunContext, index: string): string {
  return `(CASE ${index} ${['MDI', 'MIES', 'SDH', 'MREMH'].map((a, i) => `WHEN ${i} THEN ${uid(ctx.actors.committee[a])}`).join(' ')} END)`;
}
