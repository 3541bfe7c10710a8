import { focalOf, RunContext, STAGE_SCHEMA, U } from './context';
import { trioMember } from './plan';
import { chooseText, days, hours, KIND, lit, r, textArray } from './sql';

/** Services a protection plan refers to, in the order they are usually needed, by who the person is. */
const SERVICE_LISTS = {
  abroad: ['emergency_assistance_abroad', 'assisted_return', 'psychological_care', 'legal_advice', 'medical_care', 'family_reintegration'],
  minor: ['psychological_care', 'medical_care', 'education_reintegration', 'family_reintegration', 'legal_advice', 'food_assistance',
    'psychiatric_care', 'housing'],
  foreign: ['psychological_care', 'medical_care', 'legal_advice', 'immigration_regularization', 'labour_reintegration', 'assisted_return',
    'housing', 'food_assistance', 'victim_witness_protection', 'psychiatric_care'],
  national: ['psychological_care', 'medical_care', 'legal_advice', 'labour_reintegration', 'victim_witness_protection', 'housing',
    'food_assistance', 'education_reintegration', 'psychiatric_care', 'family_reintegration'],
};

/** How long each agency takes to answer a referral, in hours: a floor and the mean of an exponential tail. */
const RESPONSE_HOURS: Record<string, [number, number]> = {
  MSP: [3, 30], MIES: [6, 40], DPE: [8, 60], FGE: [6, 50], MINEDUC: [12, 80], MDT: [12, 90], MREMH: [4, 50], SDH: [6, 40], MDI: [6, 40],
};

/** Places a shelter keeps free at the end of the run, so that the demo can still admit someone. */
export const SHELTER_RESERVE = 2;

/**
 * Table `gr`: the referrals of the batch's recognized cases. The protection plan's (one to four, the first
 * to a shelter for some of those a shelter admits) are created with the decision; some cases get one more
 * from the lead agency weeks later. Each has the instant its target would answer and how.
 */
export function referralPlanStatements(ctx: RunContext): string[] {
  const available = new Set(ctx.services.map((s) => s.code));
  const list = (name: keyof typeof SERVICE_LISTS) => textArray(SERVICE_LISTS[name].filter((s) => available.has(s)));
  const agencyOf = `(CASE service ${ctx.services.map((s) => `WHEN ${lit(s.code)} THEN ${lit(s.agency)}`).join(' ')} END)`;
  const deadline = `(CASE service ${ctx.services.map((s) => `WHEN ${lit(s.code)} THEN ${s.hours}`).join(' ')} END)`;
  const responseHours = `CASE WHEN service IN ('shelter', 'emergency_assistance_abroad') THEN 2 + 12 * pg_temp.ex(n, 200 + j)
      ${Object.entries(RESPONSE_HOURS).map(([a, [floor, mean]]) => `WHEN agency = ${lit(a)} THEN ${floor} + ${mean} * pg_temp.ex(n, 200 + j)`).join(' ')}
      ELSE 8 + 60 * pg_temp.ex(n, 200 + j) END`;

  // Shelter eligibility as the shelter's data says (libs/referral eligibility.ts), on the age at the decision.
  const eligible = ctx.shelters.map((s) => `CASE WHEN ${[
    s.sexes.length ? `sex = ANY(${textArray(s.sexes)})` : 'true',
    s.minAge !== null ? `age_td >= ${s.minAge}` : 'true',
    s.maxAge !== null ? `age_td <= ${s.maxAge}` : 'true',
    s.forms.length ? `forms && ${textArray(s.forms)}` : 'true',
    s.children ? 'true' : 'children_count = 0',
  ].join(' AND ')} THEN ${lit(s.id)}::uuid END`);
  const shelterOperator = `(CASE shelter_id ${ctx.shelters.map((s) => `WHEN ${lit(s.id)}::uuid THEN ${lit(s.operator)}`).join(' ')} END)`;
  const shelterMaxAge = `(CASE shelter_id ${ctx.shelters.map((s) => `WHEN ${lit(s.id)}::uuid THEN ${s.maxAge ?? 'NULL'}`).join(' ')} END)`;

  const perCase = `SELECT g.*,
      1 + ${chooseText(r(64), [['0', 35], ['1', 35], ['2', 20], ['3', 10]])}::integer AS k_plan,
      (${r(65)} < 0.15 AND (is_minor OR consent_referral))::integer AS later,
      CASE WHEN recognized_in = 1 THEN ${trioMember(ctx, 'trio1', 'decider1')} ELSE ${trioMember(ctx, 'trio2', 'decider2')} END AS decider,
      CASE WHEN dob IS NOT NULL THEN pg_temp.age_on(dob, pg_temp.ecdate(td))
        ELSE estimated_age + greatest(0, pg_temp.age_on(ident_date, pg_temp.ecdate(td))) END AS age_td
    FROM g WHERE td < ${U(ctx)}`;
  const withShelter = `SELECT c.*, CASE WHEN cardinality(elig) > 0 AND ${r(67)} < (CASE WHEN is_minor THEN 0.25 ELSE 0.06 END)
        THEN elig[1 + floor(${r(69)} * cardinality(elig))::integer] END AS shelter_pick
    FROM (SELECT pc.*, array_remove(ARRAY[${eligible.join(', ') || 'NULL::uuid'}]::uuid[], NULL) AS elig FROM (${perCase}) pc OFFSET 0) c`;

  const perReferral = `SELECT c.n, c.id AS case_id, j, c.td, c.is_minor, c.lead, c.ident_date, c.dob, c.estimated_age, c.fate,
      j <= k_plan AS is_plan,
      CASE WHEN j = 1 AND shelter_pick IS NOT NULL THEN shelter_pick END AS shelter_id,
      CASE WHEN j = 1 AND shelter_pick IS NOT NULL THEN 'shelter'
        ELSE (CASE WHEN located_abroad THEN ${list('abroad')} WHEN is_minor THEN ${list('minor')} WHEN is_foreign THEN ${list('foreign')} ELSE ${list('national')} END)[
          1 + ((CASE WHEN located_abroad THEN 0 ELSE floor(${r(68)} * 10)::integer END + j - 1 - (shelter_pick IS NOT NULL)::integer)
            % cardinality(CASE WHEN located_abroad THEN ${list('abroad')} WHEN is_minor THEN ${list('minor')} WHEN is_foreign THEN ${list('foreign')} ELSE ${list('national')} END))] END AS service,
      CASE WHEN j <= k_plan THEN c.td ELSE c.td + ${days(`3 + 80 * ${r(66)}`)} END AS created_at,
      CASE WHEN j <= k_plan THEN c.decider ELSE ${focalOf(ctx, 'c.lead')} END AS created_by,
      CASE WHEN j <= k_plan THEN pg_temp.uid(${KIND.review}, c.recognized_in, c.n) END AS review_id,
      CASE WHEN c.is_minor THEN 'minor' WHEN c.consent_referral THEN 'consent' ELSE 'override' END AS consent_basis
    FROM (${withShelter}) c CROSS JOIN LATERAL generate_series(1, k_plan + later) j`;

  const withAgency = `SELECT p.*, coalesce(${shelterOperator}, ${agencyOf}) AS agency, ${deadline} AS deadline_hours FROM (${perReferral}) p OFFSET 0`;

  return [
    `DROP TABLE IF EXISTS gr`,
    `CREATE TEMP TABLE gr AS SELECT w.*, pg_temp.uid(${KIND.referral}, j, n) AS id,
        created_at + ${hours(`least(720, ${responseHours})`)} AS resp_at,
        CASE WHEN service = 'shelter' THEN NULL
          ELSE ${chooseText('pg_temp.r(n, 210 + j)', [['accepted', 80], ['declined', 9], ['cancelled_pending', 4], ['never', 3], ['accepted_cancelled', 4]])} END AS plan_outcome,
        pg_temp.r(n, 220 + j) < 0.55 AS completes,
        ${days('7 + 83 * pg_temp.r(n, 230 + j)')} AS complete_after,
        ${days('5 + 55 * pg_temp.r(n, 240 + j)')} AS cancel_after,
        CASE WHEN is_minor THEN ${days('least(420, 30 + 150 * pg_temp.ex(n, 250 + j))')} ELSE ${days('least(240, 15 + 80 * pg_temp.ex(n, 250 + j))')} END AS stay,
        CASE WHEN ${shelterMaxAge} IS NOT NULL THEN pg_temp.ec(CASE WHEN dob IS NOT NULL THEN (dob + make_interval(years => ${shelterMaxAge} + 1))::date
          ELSE (ident_date + make_interval(years => ${shelterMaxAge} + 1 - estimated_age))::date END) END AS ages_out_at
      FROM (${withAgency}) w`,
    `ALTER TABLE gr ADD PRIMARY KEY (id)`,
  ];
}

/**
 * Shelter referrals are answered in time order: admitted only while fewer than the shelter's capacity
 * (less a reserve) are placed there over the whole stay, counting every placement already in the database
 * and those admitted before in this run; declined for want of a place otherwise. Table `gs`.
 */
export function sweepStatements(ctx: RunContext): string[] {
  return [
    `DROP TABLE IF EXISTS gs`,
    `CREATE TEMP TABLE gs (id uuid PRIMARY KEY, accepted boolean NOT NULL, admitted_at timestamptz, ends_at timestamptz, came_of_age boolean)`,
    `SELECT pg_temp.sweep(${U(ctx)}, ${SHELTER_RESERVE})`,
  ];
}

/** The occupancy intervals every computing session's sweep reads and adds to (one sweep at a time, in batch order). */
export const SHELTER_INTERVALS = `${STAGE_SCHEMA}.shelter_iv`;

/** Created once per run, before the load locks the tables: every placement already in the database. */
export function shelterIntervalsSetup(): string[] {
  return [
    `CREATE UNLOGGED TABLE ${SHELTER_INTERVALS} (shelter_id uuid NOT NULL, start_at timestamptz NOT NULL, end_at timestamptz NOT NULL)`,
    `INSERT INTO ${SHELTER_INTERVALS} SELECT shelter_id, admitted_at, coalesce(discharged_at, 'infinity') FROM placements`,
    `CREATE INDEX ON ${SHELTER_INTERVALS} (shelter_id, end_at)`,
  ];
}

/** Session objects of the sweep, in each computing session: the shelters' capacities and the function. */
export function sweepSetup(ctx: RunContext): string[] {
  const capacities = ctx.shelters.map((s) => `(${lit(s.id)}::uuid, ${s.capacity})`).join(', ');
  return [
    `CREATE TEMP TABLE shelter_capacity (id uuid PRIMARY KEY, capacity integer NOT NULL)`,
    ...(capacities ? [`INSERT INTO shelter_capacity VALUES ${capacities}`] : []),
    `CREATE FUNCTION pg_temp.sweep(run_end timestamptz, reserve integer) RETURNS void LANGUAGE plpgsql AS $$
     DECLARE
       c record;
       ends timestamptz;
       busy integer;
     BEGIN
       FOR c IN SELECT gr.id, gr.shelter_id, gr.resp_at, gr.resp_at + gr.stay AS planned_end, gr.ages_out_at, s.capacity
                FROM gr JOIN shelter_capacity s ON s.id = gr.shelter_id
                WHERE gr.service = 'shelter' AND gr.resp_at < run_end ORDER BY gr.resp_at, gr.id LOOP
         ends := least(c.planned_end, coalesce(c.ages_out_at, 'infinity'));
         SELECT count(*) INTO busy FROM ${SHELTER_INTERVALS}
           WHERE shelter_id = c.shelter_id AND end_at > c.resp_at AND start_at < (CASE WHEN ends < run_end THEN ends ELSE 'infinity' END);
         IF busy < greatest(c.capacity - reserve, 1) AND (c.ages_out_at IS NULL OR c.ages_out_at > c.resp_at + interval '2 days') THEN
           INSERT INTO ${SHELTER_INTERVALS} VALUES (c.shelter_id, c.resp_at, CASE WHEN ends < run_end THEN ends ELSE 'infinity' END);
           INSERT INTO gs VALUES (c.id, true, c.resp_at, CASE WHEN ends < run_end THEN ends END, c.ages_out_at IS NOT NULL AND c.ages_out_at <= c.planned_end);
         ELSE
           INSERT INTO gs VALUES (c.id, false, NULL, NULL, NULL);
         END IF;
       END LOOP;
     END $$`,
  ];
}
