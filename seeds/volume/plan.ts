import { RunContext, U, uid } from './context';
import {
  BORDER_WEIGHTS, borderProvince, cantonOf, languagesOf, NATIONALITIES, NORTH_PROVINCES, PROVINCE_WEIGHTS, provinceUnit, secondNationality,
  SOUTH_PROVINCES,
} from './geography';
import { choose, chooseText, ex, hours, KIND, lit, r } from './sql';

/** The committee members present at a review: three of the four demo members, of three agencies (the quorum). */
export const COMMITTEE_TRIOS = [['MDI', 'MIES', 'SDH'], ['MDI', 'MIES', 'MREMH'], ['MDI', 'SDH', 'MREMH'], ['MIES', 'SDH', 'MREMH']];

/**
 * Table `g`: one row per case of the batch with everything decided about it up to the case-analysis team's
 * decision. Each step has the instant it would happen at (NULL when the case never gets there); whether it
 * happened is decided later against the run's end, so a recent case simply stops earlier in the protocol.
 */
export function planStatements(ctx: RunContext, from: number, to: number): string[] {
  const nat = (profile: keyof typeof NATIONALITIES) => chooseText(r(14), NATIONALITIES[profile]);
  const ofMDI = (agency: string) => `${agency} = 'MDI'`;
  const officer = `(CASE unit ${Object.entries(ctx.actors.officers).map(([u, id]) => `WHEN ${lit(u)} THEN ${uid(id)}`).join(' ')} ELSE NULL::uuid END)`;
  // The committee meets within its deadline (24 h for a minor or a person abroad, else 72 h) about six times in seven.
  const reviewDelay = (k: number) => `CASE WHEN is_minor OR located_abroad THEN ${hours(`2 + 10 * ${ex(k)}`)} ELSE ${hours(`6 + 35 * ${ex(k)}`)} END`;
  const decideDelay = (k: number) => hours(`0.5 + 18 * ${ex(k)}`);

  const a1 = `SELECT n, i,
      (start + floor(((i - first) + ${r(1)}) * days / count)::integer) AS ident_date,
      CASE WHEN ${r(2)} < 0.88 THEN 0 ELSE 1 + floor(${r(3)} * 4)::integer END AS lag_days,
      ${chooseText(r(5), [['border_control', 46], ['operation', 19], ['complaint', 15], ['self_referral', 8], ['abroad_consulate', 5], ['other', 7]])} AS cta,
      ${chooseText(r(6), BORDER_WEIGHTS)} AS bp_draw,
      ${chooseText(r(7), PROVINCE_WEIGHTS)} AS province_draw,
      ${chooseText(r(9), [['female', 66], ['male', 31], ['intersex', 0.6], ['unknown', 2.4]])} AS sex,
      ${choose(r(10), [['0', 7], ['1', 21], ['2', 43], ['3', 26], ['4', 3]])} AS age_band
    FROM (SELECT i, ${ctx.base} + 1 + i AS n, vm.* FROM generate_series(${from}, ${to - 1}) i JOIN vm ON i >= vm.first AND i < vm.first + vm.count) a0
    OFFSET 0`;

  const a2 = `SELECT a1.*,
      CASE WHEN cta = 'border_control' THEN bp_draw END AS border_point,
      CASE cta WHEN 'border_control' THEN ${borderProvince('bp_draw')} WHEN 'abroad_consulate' THEN (CASE WHEN ${r(42)} < 0.7 THEN '17' ELSE '09' END)
        ELSE province_draw END AS province,
      CASE cta WHEN 'border_control' THEN 'MDI' WHEN 'abroad_consulate' THEN 'MREMH'
        WHEN 'complaint' THEN ${chooseText(r(8), [['MDI', 45], ['FGE', 40], ['DPE', 8], ['SDH', 7]])}
        ELSE ${chooseText(r(8), [['MDI', 78], ['MIES', 8], ['MSP', 5], ['FGE', 5], ['SDH', 4]])} END AS agency,
      cta = 'abroad_consulate' AS located_abroad,
      (CASE age_band WHEN 0 THEN floor(${r(11)} * 12) WHEN 1 THEN 12 + floor(${r(11)} * 6) WHEN 2 THEN 18 + floor(${r(11)} * 12)
        WHEN 3 THEN 30 + floor(${r(11)} * 30) ELSE 60 + floor(${r(11)} * 22) END)::integer AS age
    FROM (${a1}) a1 OFFSET 0`;

  const a3 = `SELECT a2.*,
      CASE WHEN ${ofMDI('agency')} THEN coalesce(border_point, ${provinceUnit('province')}) END AS unit,
      age < 18 AS is_minor,
      CASE WHEN age < 12 THEN '0-11' WHEN age < 18 THEN '12-17' WHEN age < 30 THEN '18-29' WHEN age < 60 THEN '30-59' ELSE '60+' END AS age_group,
      CASE WHEN ${r(12)} < 0.78 THEN ((ident_date - make_interval(years => age))::date - floor(${r(13)} * 365)::integer) END AS dob,
      CASE WHEN cta = 'abroad_consulate' THEN ${nat('abroad')}
        WHEN border_point IN ('rumichaca', 'san_miguel') OR province IN (${NORTH_PROVINCES.map(lit).join(', ')}) THEN ${nat('north')}
        WHEN border_point IN ('huaquillas', 'macara') OR province IN (${SOUTH_PROVINCES.map(lit).join(', ')}) THEN ${nat('south')}
        ELSE ${nat('inland')} END AS nat1,
      CASE WHEN ${r(17)} < 0.04 THEN '{}'::text[] ELSE ARRAY[CASE
        WHEN age < 12 THEN ${chooseText(r(18), [['begging', 30], ['illegal_adoption', 15], ['labour_exploitation', 25], ['sexual_exploitation', 25], ['other', 5]])}
        WHEN sex = 'male' THEN ${chooseText(r(18), [['labour_exploitation', 55], ['sexual_exploitation', 12], ['begging', 8], ['forced_recruitment', 12],
          ['other', 8], ['organ_removal', 1.5], ['servile_marriage', 2]])}
        ELSE ${chooseText(r(18), [['sexual_exploitation', 62], ['labour_exploitation', 20], ['servile_marriage', 7], ['begging', 4],
          ['forced_recruitment', 2], ['other', 4], ['organ_removal', 0.6]])} END] END AS forms1,
      ${chooseText(r(20), [['labour_exploitation', 34], ['sexual_exploitation', 28], ['begging', 10], ['servile_marriage', 8], ['forced_recruitment', 7],
        ['other', 10], ['illegal_adoption', 1.5], ['organ_removal', 1.5]])} AS form2
    FROM (${a2}) a2 OFFSET 0`;

  // The second form of exploitation, when there is one: another form, most often labour or sexual exploitation.
  const forms = `CASE WHEN cardinality(forms1) = 1 AND ${r(19)} < 0.12 THEN forms1 || (CASE WHEN form2 <> forms1[1] THEN form2
      WHEN form2 = 'labour_exploitation' THEN 'sexual_exploitation' ELSE 'labour_exploitation' END) ELSE forms1 END`;

  const a4 = `SELECT a3.*, ${officer} AS officer, ${cantonOf('border_point', 'province')} AS canton,
      least(pg_temp.ec(ident_date + lag_days) + ${hours(`7 + 14 * ${r(4)}`)}, ${U(ctx)} - interval '1 minute') AS t0,
      CASE WHEN dob IS NULL THEN age END AS estimated_age,
      CASE WHEN ${r(15)} < 0.04 THEN ARRAY[nat1, ${secondNationality('nat1')}] ELSE ARRAY[nat1] END AS nationality,
      ${languagesOf('nat1', r(16))} AS languages,
      ${forms} AS forms,
      CASE WHEN forms1[1] = 'sexual_exploitation' THEN 'sexual'
        WHEN forms1[1] IN ('labour_exploitation', 'servile_marriage', 'forced_recruitment') THEN 'labour' ELSE 'other' END AS family,
      CASE WHEN ${ofMDI('agency')} THEN ${chooseText(r(39), [['presumed_victim', 55], ['possible_victim', 30], ['no_indicators', 15]])}
        ELSE 'presumed_victim' END AS o1
    FROM (${a3}) a3 OFFSET 0`;

  // After a screening that is not "presumed victim": re-screened (presumed), sent to review, closed, or left.
  const a5 = `SELECT a4.*, NOT ('ECU' = ANY(nationality)) AS is_foreign,
      CASE o1 WHEN 'possible_victim' THEN ${chooseText(r(40), [['rescreen', 35], ['submit', 30], ['close_no_indicators', 18], ['close_duplicate', 5], ['stuck', 12]])}
        WHEN 'no_indicators' THEN ${chooseText(r(40), [['close_no_indicators', 78], ['close_duplicate', 5], ['rescreen', 7], ['stuck', 10]])} END AS path2
    FROM (${a4}) a4 OFFSET 0`;

  const a6 = `SELECT a5.*,
      CASE WHEN path2 IS NOT NULL AND path2 <> 'stuck' THEN t0 + ${hours(`4 + 90 * ${ex(41)}`)} END AS t2
    FROM (${a5}) a5 OFFSET 0`;

  // The first review; a decision; after "request information", back to screening and maybe a second review.
  const a7 = `SELECT a6.*,
      CASE WHEN o1 = 'presumed_victim' THEN t0 WHEN path2 IN ('rescreen', 'submit') THEN t2 END AS ti1,
      CASE WHEN ${ofMDI('agency')} THEN ${chooseText(r(48), [['recognize', 72], ['not_recognize', 16], ['request_information', 12]])}
        ELSE ${chooseText(r(48), [['recognize', 82], ['not_recognize', 18]])} END AS d1,
      ${chooseText(r(49), [['submit', 60], ['rescreen', 15], ['close_no_indicators', 10], ['stuck', 15]])} AS path3,
      ${chooseText(r(55), [['recognize', 78], ['not_recognize', 22]])} AS d2
    FROM (${a6}) a6 OFFSET 0`;

  const a8 = `SELECT a7.*, CASE WHEN ti1 IS NOT NULL AND ${r(44)} >= 0.025 THEN ti1 + ${reviewDelay(45)} END AS r1o FROM (${a7}) a7 OFFSET 0`;
  const a9 = `SELECT a8.*, CASE WHEN r1o IS NOT NULL AND ${r(46)} >= 0.015 THEN r1o + ${decideDelay(47)} END AS r1d FROM (${a8}) a8 OFFSET 0`;
  const a10 = `SELECT a9.*, CASE WHEN d1 = 'request_information' AND r1d IS NOT NULL AND path3 <> 'stuck' THEN r1d + ${hours(`24 + 140 * ${ex(50)}`)} END AS t3
    FROM (${a9}) a9 OFFSET 0`;
  const a11 = `SELECT a10.*, CASE WHEN path3 IN ('submit', 'rescreen') THEN t3 END AS ti2 FROM (${a10}) a10 OFFSET 0`;
  const a12 = `SELECT a11.*, CASE WHEN ti2 IS NOT NULL AND ${r(51)} >= 0.02 THEN ti2 + ${reviewDelay(52)} END AS r2o FROM (${a11}) a11 OFFSET 0`;
  const a13 = `SELECT a12.*, CASE WHEN r2o IS NOT NULL AND ${r(53)} >= 0.015 THEN r2o + ${decideDelay(54)} END AS r2d FROM (${a12}) a12 OFFSET 0`;

  const lead = `CASE WHEN is_minor THEN ${chooseText(r(62), [['MIES', 75], ['MDI', 8], ['FGE', 6], ['SDH', 6], ['DPE', 5]])}
      WHEN is_foreign THEN ${chooseText(r(62), [['SDH', 30], ['MDI', 25], ['MREMH', 18], ['MIES', 10], ['FGE', 10], ['MDT', 7]])}
      WHEN 'labour_exploitation' = ANY(forms) THEN ${chooseText(r(62), [['MDT', 35], ['SDH', 20], ['MDI', 20], ['FGE', 15], ['MIES', 10]])}
      ELSE ${chooseText(r(62), [['SDH', 38], ['MDI', 22], ['MIES', 15], ['FGE', 15], ['MSP', 5], ['DPE', 5]])} END`;

  // Some adult women come with their children (ages under 18 and at least 14 years younger than their mother).
  const children = `CASE WHEN sex = 'female' AND age >= 18 AND ${r(27)} < 0.12 THEN 1 + floor(${r(28)} * 3)::integer ELSE 0 END`;
  const a14 = `SELECT a13.*,
      CASE WHEN d1 = 'recognize' THEN r1d WHEN d1 = 'request_information' AND d2 = 'recognize' THEN r2d END AS td,
      CASE WHEN d1 = 'recognize' THEN 1 WHEN d1 = 'request_information' AND d2 = 'recognize' THEN 2 END AS recognized_in,
      ${lead} AS lead,
      floor(${r(56)} * 4)::integer AS trio1, floor(${r(57)} * 3)::integer AS opener1, floor(${r(58)} * 3)::integer AS decider1,
      floor(${r(59)} * 4)::integer AS trio2, floor(${r(60)} * 3)::integer AS opener2, floor(${r(61)} * 3)::integer AS decider2,
      ${chooseText(r(70), [['follow_up', 62], ['follow_up_lost', 6], ['closed_early', 16], ['ongoing', 16]])} AS fate,
      ${children} AS children_count
    FROM (${a13}) a13 OFFSET 0`;

  return [
    `DROP TABLE IF EXISTS g`,
    `CREATE TEMP TABLE g AS SELECT a14.*, pg_temp.uid(${KIND.case}, 0, n) AS id,
        CASE WHEN is_foreign AND ${r(63)} < 0.85 THEN true ELSE false END AS visa_wanted,
        ${r(34)} < 0.97 AS consent_data, ${r(35)} < 0.9 AS consent_referral,
        ARRAY(SELECT floor(pg_temp.r(n, 400 + c) * least(17, age - 13))::integer FROM generate_series(1, children_count) c) AS children_ages,
        CASE WHEN sex = 'female' OR (sex IN ('intersex', 'unknown') AND ${r(23)} < 0.5) THEN 'female' ELSE 'male' END AS given_pool,
        floor(${r(21)} * 1000000)::integer AS given_idx, floor(${r(22)} * 1000000)::integer AS family_idx,
        CASE WHEN fate = 'closed_early' THEN ${chooseText(r(71), [['declined_assistance', 38], ['returned_abroad', 27], ['lost_contact', 30], ['deceased', 5]])} END AS early_reason
      FROM (${a14}) a14`,
    `ALTER TABLE g ADD PRIMARY KEY (n)`,
  ];
}

/** The committee member (user id) at `position` (0-2) of trio `trio` (an SQL expression, 0-3). */
export function trioMember(ctx: RunContext, trio: string, position: string): string {
  const branches = COMMITTEE_TRIOS.flatMap((agencies, t) => agencies.map((a, p) => `WHEN ${trio} = ${t} AND ${position} = ${p} THEN ${uid(ctx.actors.committee[a])}`));
  return `(CASE ${branches.join(' ')} END)`;
}

export function trioAgency(trio: string, position: string): string {
  const branches = COMMITTEE_TRIOS.flatMap((agencies, t) => agencies.map((a, p) => `WHEN ${trio} = ${t} AND ${position} = ${p} THEN ${lit(a)}`));
  return `(CASE ${branches.join(' ')} END)`;
}
