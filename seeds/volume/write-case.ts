import { RunContext, U } from './context';
import { chooseText, KIND, r } from './sql';

/** The status-changing events of a case that happened before the run's end (they bump its version). */
export const transitionsBefore = (u: string) => ['t2', 'r1o', 'r1d', 't3', 'r2o', 'r2d', 'ta', 'tf', 'tc'].map((t) => `(${t} < ${u}) IS TRUE`);

/**
 * The case rows: victim (encrypted from the pools), identification, status, trafficking status and who
 * decided it, lead agency, closure; then documents, the consent given at intake and the screenings.
 */
export function caseStatements(ctx: RunContext): string[] {
  const u = U(ctx);
  const P = ctx.pools;
  const circumstances = `CASE forms[1] ${['sexual_exploitation', 'labour_exploitation', 'servile_marriage', 'illegal_adoption', 'begging',
    'forced_recruitment', 'organ_removal'].map((f) => `WHEN '${f}' THEN ${P.pick(`circumstances_${f}`, `floor(${r(96)} * 1000)`)}`).join(' ')}
    ELSE ${P.pick('circumstances_other', `floor(${r(96)} * 1000)`)} END`;
  const notRecognized = `((d1 = 'not_recognize' AND r1d < ${u}) OR (d1 = 'request_information' AND d2 = 'not_recognize' AND r2d < ${u}))`;
  const noIndicators = `((path2 = 'close_no_indicators' AND t2 < ${u}) OR (d1 = 'request_information' AND path3 = 'close_no_indicators' AND t3 < ${u}))`;
  const identifiedBy = `CASE WHEN ti2 < ${u} THEN path3 ELSE coalesce(path2, 'intake') END`;
  const closing = `CASE WHEN path2 IN ('close_no_indicators', 'close_duplicate') THEN replace(path2, 'close_', '')
      WHEN d1 = 'not_recognize' OR (d1 = 'request_information' AND d2 = 'not_recognize' AND r2d IS NOT NULL) THEN 'not_recognized'
      WHEN d1 = 'request_information' AND path3 = 'close_no_indicators' THEN 'no_indicators' ELSE closure_request_reason END`;
  const before = `CASE WHEN path2 IN ('close_no_indicators', 'close_duplicate') OR (d1 = 'request_information' AND path3 = 'close_no_indicators') THEN 'screening'
      WHEN ${notRecognized} THEN 'identified' WHEN tf < tc THEN 'follow_up' WHEN ta < tc THEN 'in_assistance' ELSE 'recognized' END`;
  const times = ['t2', 'r1o', 'r1d', 't3', 'r2o', 'r2d', 'ta', 'tf', 'tc'];

  const cases = `INSERT INTO cases (id, case_number, status, trafficking_status, status_decided_by, lead_agency, version, is_minor, age_group,
      sent_to_review_at, closure_reason, status_before_closure, given_names_enc, family_names_enc, sex, gender_identity_enc, date_of_birth_enc,
      estimated_age, nationality, languages, contact_enc, accompanying_children_count, accompanying_children_ages, name_dob_hash,
      identification_date, province_code, canton, place_enc, border_point, identifying_agency, identifying_unit, identifying_officer,
      came_to_attention, circumstances_enc, exploitation_forms, located_abroad, created_at, updated_at, closed_at)
    SELECT g3.id, 'RUTA-' || extract(year FROM ident_date)::text || '-' || lpad((${ctx.firstCaseNumber} + n - ${ctx.base + 1})::text, 6, '0'), status,
      CASE WHEN td < ${u} THEN 'recognized_victim' WHEN ${notRecognized} OR ${noIndicators} THEN 'not_a_victim'
        WHEN ti1 < ${u} THEN 'presumed_victim' ELSE 'possible_victim' END,
      CASE WHEN td < ${u} OR ${notRecognized} THEN 'case_analysis_team' WHEN ${noIndicators} THEN 'identifying_officer'
        WHEN ti1 < ${u} AND ${identifiedBy} = 'submit' THEN 'identifying_officer' ELSE 'screening' END,
      CASE WHEN td < ${u} THEN lead END,
      1 + ${transitionsBefore(u).map((c) => `(${c})::integer`).join(' + ')},
      is_minor, age_group,
      CASE WHEN ti2 < ${u} THEN ti2 WHEN ti1 < ${u} THEN ti1 END,
      CASE WHEN status = 'closed' THEN ${closing} END,
      CASE WHEN status = 'closed' THEN ${before} END,
      CASE WHEN given_pool = 'female' THEN ${P.pick('given_female', 'given_idx')} ELSE ${P.pick('given_male', 'given_idx')} END,
      ${P.pick('family', 'family_idx')},
      sex,
      CASE WHEN ${r(90)} < 0.02 THEN ${P.pick('gender_identity', `floor(${r(91)} * 1000)`)} END,
      dob_pool.enc, estimated_age, nationality, languages,
      CASE WHEN ${r(92)} < 0.6 THEN ${P.pick('contact', `floor(${r(93)} * 1000)`)} END,
      children_count, children_ages, nd.hash,
      ident_date, province, canton,
      CASE WHEN ${r(94)} < 0.55 THEN ${P.pick('place', `floor(${r(95)} * 1000)`)} END,
      border_point, agency, unit, officer, cta, ${circumstances}, forms, located_abroad,
      t0, greatest(t0, ${times.map((t) => `CASE WHEN ${t} < ${u} THEN ${t} END`).join(', ')}),
      CASE WHEN status = 'closed' THEN tclose END
    FROM g3 LEFT JOIN dob_pool ON dob_pool.d = g3.dob LEFT JOIN nd ON nd.nd_n = g3.n
    ORDER BY g3.n`;

  const docType = (k: number) => `CASE WHEN is_foreign THEN ${chooseText(r(k), [['passport', 70], ['national_id', 18], ['other', 12]])}
    ELSE ${chooseText(r(k), [['national_id', 85], ['passport', 10], ['other', 5]])} END`;
  const number = (type: string, k: number, hash: boolean) => `CASE ${type} ${['passport', 'national_id', 'other']
    .map((t) => `WHEN '${t}' THEN ${P.pick(`doc_${t}${hash ? '_hash' : ''}`, `floor(${r(k)} * 1000000)`)}`).join(' ')} END`;
  const documents = `INSERT INTO case_documents (id, case_id, type, number_enc, number_hash, issuing_country, position)
    SELECT pg_temp.uid(${KIND.document}, position + 1, n), id, type, ${number('type', 99, false)}, ${number('type', 99, true)}, nat1, position
    FROM (SELECT n, id, nat1, 0 AS position, ${docType(98)} AS type FROM g3 WHERE ${r(97)} >= 0.12
      UNION ALL
      SELECT n, id, nat1, 1, CASE WHEN ${docType(98)} = 'passport' THEN 'national_id' ELSE 'passport' END FROM g3 WHERE ${r(97)} >= 0.94) d
    ORDER BY n, position`;

  const consents = `INSERT INTO case_consents (case_id, data_processing, referral, share_with, withdrawn, recorded_by, recorded_at, child_view_enc, guardian_enc)
    SELECT id, consent_data, consent_referral,
      ${sharedWith(r(101))}, false, officer, t0,
      CASE WHEN is_minor AND ${r(102)} < 0.7 THEN ${P.pick('child_view', `floor(${r(102)} * 100000)`)} END,
      CASE WHEN is_minor AND ${r(103)} < 0.4 THEN ${P.pick('guardian', `floor(${r(103)} * 100000)`)} END
    FROM g3 ORDER BY n`;

  const variant = (outcome: string) => `${outcome} || ':' || CASE WHEN is_minor THEN 'minor' ELSE 'adult' END || ':' || family`;
  const screenings = `INSERT INTO case_screenings (id, case_id, catalog_version, is_minor, answers_enc, result, outcome, performed_by, performed_at)
    SELECT pg_temp.uid(${KIND.screening}, k, n), id, 'v1', s.is_minor, sp.answers_enc, sp.result, sp.outcome, officer, at
    FROM (SELECT n, id, is_minor, officer, 1 AS k, t0 AS at, ${variant('o1')} AS key FROM g3
      UNION ALL SELECT n, id, is_minor, officer, 2, t2, ${variant("'presumed_victim'")} FROM g3 WHERE path2 = 'rescreen' AND t2 < ${u}
      UNION ALL SELECT n, id, is_minor, officer, 3, t3, ${variant("'presumed_victim'")} FROM g3
        WHERE d1 = 'request_information' AND path3 = 'rescreen' AND t3 < ${u}) s
    JOIN screening_pool sp ON sp.key = s.key
    ORDER BY n, k`;

  return [cases, documents, consents, screenings];
}

/** Agencies a victim agrees to share the case with, at intake. */
function sharedWith(draw: string): string {
  return `(CASE WHEN ${draw} < 0.7 THEN '{}'::text[] WHEN ${draw} < 0.85 THEN '{MIES}'::text[] WHEN ${draw} < 0.95 THEN '{MIES,MSP}'::text[]
    ELSE '{SDH}'::text[] END)`;
}
