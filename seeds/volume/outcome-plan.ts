import { focalOf, RunContext, U } from './context';
import { chooseText, days, ex, hours, KIND, r } from './sql';

/**
 * After recognition (tables g2, gc, g3): when assistance ends (a shelter's discharge or some months of
 * services), the one-year follow-up and its check-ins, closures (after the last check-in, after losing
 * contact, or early), the article 104 visa, and what all of it makes of the case at the run's end.
 */
export function outcomePlanStatements(ctx: RunContext): string[] {
  const u = U(ctx);
  const g2 = `SELECT g.*, sh.shelter_referral, sh.shelter_id, coalesce(sh.accepted, false) AS sheltered, sh.admitted_at, sh.ends_at AS discharged_at,
      sh.came_of_age, acc.first_accept,
      CASE WHEN early_reason = 'returned_abroad' AND NOT is_foreign THEN 'lost_contact' ELSE early_reason END AS early_closure
    FROM g
    LEFT JOIN (SELECT gr.n, gr.id AS shelter_referral, gr.shelter_id, gs.accepted, gs.admitted_at, gs.ends_at, gs.came_of_age
      FROM gr JOIN gs ON gs.id = gr.id) sh ON sh.n = g.n
    LEFT JOIN (SELECT gr.n, min(gr.resp_at) AS first_accept FROM gr LEFT JOIN gs ON gs.id = gr.id
      WHERE gr.resp_at < ${u} AND (gr.plan_outcome IN ('accepted', 'accepted_cancelled') OR gs.accepted) GROUP BY gr.n) acc ON acc.n = g.n`;

  const assistEnd = `CASE WHEN sheltered THEN discharged_at ELSE td + ${days(`20 + 200 * ${r(73)}`)} END`;

  const checkins = `SELECT g2.n, g2.id AS case_id, g2.fate, g2.lead, g2.is_minor, pg_temp.uid(${KIND.plan}, 0, g2.n) AS plan_id, m.i AS sequence, m.months,
      (g2.start_date + make_interval(months => m.months))::date AS due_date,
      CASE WHEN pg_temp.r(g2.n, 300 + m.i) < 0.2
        THEN CASE WHEN g2.is_minor THEN 'MINEDUC' ELSE ${chooseText('pg_temp.r(g2.n, 305 + m.i)', [['MSP', 40], ['MDT', 40], ['FGE', 20]])} END
        ELSE g2.lead END AS agency,
      CASE WHEN g2.fate = 'follow_up_lost' AND m.i <= 3 THEN 'on_time'
        ELSE ${chooseText('pg_temp.r(g2.n, 310 + m.i)', [['on_time', 75], ['late', 13], ['not_done', 12]])} END AS timeliness,
      CASE WHEN g2.fate = 'follow_up_lost' AND m.i IN (2, 3) THEN 'not_reached'
        ELSE ${chooseText('pg_temp.r(g2.n, 320 + m.i)', [['stable', 65], ['needs_support', 22], ['not_reached', 13]])} END AS outcome
    FROM g2 CROSS JOIN LATERAL (VALUES (1, 1), (2, 3), (3, 6), (4, 9), (5, 12)) m(i, months)
    WHERE g2.tf < ${u}`;

  const closure = `CASE fate WHEN 'follow_up' THEN ck.rec5 + ${days(`1 + 8 * ${r(77)}`)} WHEN 'follow_up_lost' THEN ck.rec3 + ${days(`2 + 10 * ${r(77)}`)}
      WHEN 'closed_early' THEN tcreq_early END`;

  // The first event that closes the case, whichever way it closes.
  const tclose = `CASE WHEN path2 IN ('close_no_indicators', 'close_duplicate') THEN t2 WHEN d1 = 'not_recognize' THEN r1d
      WHEN d1 = 'request_information' AND path3 = 'close_no_indicators' THEN t3 WHEN d1 = 'request_information' AND d2 = 'not_recognize' THEN r2d
      ELSE tc END`;

  const visa = `CASE WHEN visa_wanted AND td < ${u} THEN td END`;

  return [
    `DROP TABLE IF EXISTS g2`,
    `CREATE TEMP TABLE g2 AS SELECT x.*, pg_temp.ecdate(tf) AS start_date FROM (SELECT y.*,
        CASE WHEN fate IN ('follow_up', 'follow_up_lost') AND td < ${u} THEN assist_end + ${days(`1 + 9 * ${r(74)}`)} END AS tf,
        CASE WHEN fate = 'closed_early' AND td < ${u} THEN
          CASE WHEN sheltered THEN discharged_at + ${days(`1 + 15 * ${r(75)}`)} ELSE td + ${days(`5 + 150 * ${r(75)}`)} END END AS tcreq_early
      FROM (SELECT z.*, ${assistEnd} AS assist_end FROM (${g2}) z OFFSET 0) y OFFSET 0) x`,
    `ALTER TABLE g2 ADD PRIMARY KEY (n)`,

    `DROP TABLE IF EXISTS gc`,
    `CREATE TEMP TABLE gc AS SELECT c.*, pg_temp.uid(${KIND.checkin}, sequence, n) AS id, pg_temp.ec(due_date) AS due_at,
        CASE timeliness WHEN 'on_time' THEN pg_temp.ec(due_date) + ${hours('-72 + 400 * pg_temp.r(n, 315 + sequence)')}
          WHEN 'late' THEN pg_temp.ec(due_date) + ${days('15 + 45 * pg_temp.r(n, 315 + sequence)')} END AS rec_at,
        ${focalOf(ctx, 'agency')} AS recorder,
        pg_temp.uid(${KIND.task + 10}, sequence, n) AS task_id
      FROM (${checkins}) c`,
    `ALTER TABLE gc ADD PRIMARY KEY (id)`,
    `CREATE INDEX ON gc (n, sequence)`,

    `DROP TABLE IF EXISTS g3`,
    `CREATE TEMP TABLE g3 AS SELECT w.*,
        CASE WHEN tclose < ${u} THEN 'closed' WHEN tf < ${u} THEN 'follow_up' WHEN ta < ${u} THEN 'in_assistance' WHEN td < ${u} THEN 'recognized'
          WHEN r2o < ${u} THEN 'under_review' WHEN ti2 < ${u} THEN 'identified' WHEN r1d < ${u} THEN 'screening' WHEN r1o < ${u} THEN 'under_review'
          WHEN ti1 < ${u} THEN 'identified' ELSE 'screening' END AS status
      FROM (SELECT v.*,
          CASE WHEN first_accept < coalesce(tf, 'infinity') AND first_accept < coalesce(tclose, 'infinity') THEN first_accept END AS ta
        FROM (SELECT t.*, ${tclose} AS tclose FROM (SELECT s.*, tcreq + ${hours(`12 + 72 * ${r(78)}`)} AS tc FROM (SELECT g2.*, ck.rec3, ck.rec5,
            ${closure} AS tcreq,
            CASE fate WHEN 'follow_up' THEN 'follow_up_completed' WHEN 'follow_up_lost' THEN 'lost_contact' ELSE early_closure END AS closure_request_reason,
            (array_remove(ARRAY['MDI', 'MIES', 'SDH', 'MREMH'], lead))[1 + floor(${r(79)} * 3)::integer] AS approver_agency,
            ${visa} AS vreq
          FROM g2 LEFT JOIN (SELECT n AS ck_n, max(rec_at) FILTER (WHERE sequence = 5) AS rec5, max(rec_at) FILTER (WHERE sequence = 3) AS rec3
            FROM gc GROUP BY n) ck ON ck.ck_n = g2.n) s OFFSET 0) t OFFSET 0) v OFFSET 0) w`,
    `ALTER TABLE g3 ADD PRIMARY KEY (n)`,
    ...visaStatements(),
  ];
}

/**
 * The article 104 request of a recognized foreign victim: claimed by the visa officer within days, then
 * granted, denied or withdrawn; a request still undecided when the lead agency asks to close the case is
 * withdrawn just before.
 */
function visaStatements(): string[] {
  const planned = `SELECT n, vreq, tcreq, claim, kind, early,
      CASE kind WHEN 'stuck' THEN NULL
        WHEN 'withdrawn' THEN CASE WHEN early THEN vreq + (claim - vreq) / 2 ELSE claim + ${hours(`24 + 150 * ${ex(83)}`)} END
        ELSE claim + ${hours(`48 + 200 * ${ex(83)}`)} END AS planned_dec
    FROM (SELECT n, vreq, tcreq, vreq + ${hours(`24 + 120 * ${ex(80)}`)} AS claim, ${r(82)} < 0.4 AS early,
        ${chooseText(r(81), [['granted', 76], ['denied', 12], ['withdrawn', 8], ['stuck', 4]])} AS kind
      FROM g3 WHERE vreq IS NOT NULL) o`;
  const forced = `SELECT p.*, tcreq IS NOT NULL AND tcreq - interval '1 hour' < coalesce(planned_dec, 'infinity') AS forced FROM (${planned}) p`;
  return [
    `ALTER TABLE g3 ADD COLUMN vclaim timestamptz, ADD COLUMN vdec timestamptz, ADD COLUMN vkind text, ADD COLUMN vwithdrawn_by_lead boolean`,
    `UPDATE g3 SET vdec = q.vdec, vkind = q.vkind, vclaim = q.vclaim, vwithdrawn_by_lead = q.by_lead
      FROM (SELECT n,
          CASE WHEN forced THEN tcreq - interval '1 hour' ELSE planned_dec END AS vdec,
          CASE WHEN forced THEN 'withdrawn' ELSE kind END AS vkind,
          CASE WHEN forced AND claim >= tcreq - interval '1 hour' THEN NULL WHEN NOT forced AND kind = 'withdrawn' AND early THEN NULL ELSE claim END AS vclaim,
          forced OR ${r(84)} < 0.5 AS by_lead
        FROM (${forced}) f) q
      WHERE g3.n = q.n`,
  ];
}
