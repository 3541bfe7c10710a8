import { databaseConfig } from '@ruta/core';
import { Client } from 'pg';
import { bootApp, TestApp } from '../support/app';
import { readRun } from '../support/test-env';
import { Protocol } from '../referral/protocol';
import { FULL_CASE_USERS, fullyPopulatedClosedCase, pdfWith } from './full-case';

/** Stand-ins for personal data: any non-null value in a guarded column is personal data. */
const TEXT = `'probe'`;
const BYTES = `'\\x01'::bytea`;

/** In-place UPDATEs that write each personal column of a table's rows of the erased case. */
const writes = (table: string, where: string, columns: string[]) =>
  columns.map((c) => `UPDATE ${table} SET ${c} = ${c === 'content_enc' ? BYTES : TEXT} WHERE ${where}`);

interface Guarded {
  table: string;
  /** The rows that must stay as they are (:erased is the pseudonymized case, :live a case that is not). */
  rows: string;
  /** INSERTs the trigger refuses: new rows are personal data or new access to the case. */
  inserts: string[];
  /** UPDATEs the trigger refuses: each writes personal data about the erased case. */
  updates: string[];
  /** Append-only tables: the role has no UPDATE at all, so an UPDATE is refused before the trigger is asked. */
  updateNotGranted?: string;
  /** Writes with no personal data and no new access: the trigger lets them through (each run and rolled back). */
  allowed: string[];
}

/**
 * One row per table of migrations/1764930000000-KeepPseudonymizedCasesErased.ts. The writes are valid
 * otherwise (constraints, unique keys): without the trigger each would go through. Where the erased case
 * has no rows left (documents and attachments are deleted), the UPDATE moves the live case's row onto it.
 */
const GUARDED: Guarded[] = [
  {
    table: 'cases', rows: `id = :erased`,
    // No INSERT: a new case has a new id, which is never a pseudonymized case's.
    inserts: [],
    updates: writes('cases', 'id = :erased', ['given_names_enc', 'family_names_enc', 'gender_identity_enc', 'date_of_birth_enc', 'contact_enc',
      'name_dob_hash', 'canton', 'place_enc', 'circumstances_enc', 'complaint_number_enc']),
    allowed: [`UPDATE cases SET updated_at = now() WHERE id = :erased`],
  },
  {
    table: 'case_documents', rows: `case_id IN (:erased, :live)`,
    inserts: [`INSERT INTO case_documents (case_id, type, number_enc, number_hash, issuing_country, position) VALUES (:erased, 'passport', ${TEXT}, ${TEXT}, 'ECU', 0)`],
    updates: [`UPDATE case_documents SET case_id = :erased WHERE case_id = :live`],
    allowed: [],
  },
  {
    table: 'case_consents', rows: `case_id = :erased`,
    inserts: [
      `INSERT INTO case_consents (case_id, data_processing, referral, child_view_enc) VALUES (:erased, true, true, ${TEXT})`,
      `INSERT INTO case_consents (case_id, data_processing, referral, guardian_enc) VALUES (:erased, true, true, ${TEXT})`,
    ],
    updates: writes('case_consents', 'case_id = :erased', ['child_view_enc', 'guardian_enc']),
    allowed: [`INSERT INTO case_consents (case_id, data_processing, referral, withdrawn) VALUES (:erased, false, false, true)`,
      `UPDATE case_consents SET withdrawn = withdrawn WHERE case_id = :erased`],
  },
  {
    table: 'case_screenings', rows: `case_id = :erased`,
    inserts: [`INSERT INTO case_screenings (case_id, catalog_version, is_minor, result, outcome, performed_by)
      SELECT case_id, catalog_version, is_minor, result, outcome, performed_by FROM case_screenings WHERE case_id = :erased ORDER BY performed_at LIMIT 1`],
    updates: writes('case_screenings', 'case_id = :erased', ['answers_enc']),
    allowed: [`UPDATE case_screenings SET outcome = outcome WHERE case_id = :erased`],
  },
  {
    table: 'case_stakes', rows: `case_id = :erased`,
    inserts: [`INSERT INTO case_stakes (case_id, role, agency_code, reason) VALUES (:erased, 'service_focal_point', 'MSP', 'erasure_probe')`],
    // New access by moving a stake: to another agency, or from a live case onto the erased one.
    updates: [`UPDATE case_stakes SET agency_code = 'FGE' WHERE case_id = :erased AND agency_code IS NOT NULL`,
      `UPDATE case_stakes SET case_id = :erased WHERE case_id = :live`],
    allowed: [`UPDATE case_stakes SET reason = reason WHERE case_id = :erased`],
  },
  {
    table: 'case_history', rows: `case_id = :erased`,
    inserts: [`INSERT INTO case_history (case_id, action, occurred_at, details) VALUES (:erased, 'erasure_probe', now(), '{"reasonEnc": "probe"}')`],
    updates: [],
    updateNotGranted: `UPDATE case_history SET details = '{"reasonEnc": "probe"}' WHERE case_id = :erased`,
    // Retention itself writes such an entry (no free text) as the application role.
    allowed: [`INSERT INTO case_history (case_id, action, occurred_at, details) VALUES (:erased, 'erasure_probe', now(), '{"retentionDays": 1}')`],
  },
  {
    table: 'reviews', rows: `case_id = :erased`,
    inserts: [`INSERT INTO reviews (case_id, status, opened_by) SELECT case_id, 'open', opened_by FROM reviews WHERE case_id = :erased ORDER BY opened_at LIMIT 1`],
    updates: writes('reviews', 'case_id = :erased', ['rationale_enc']),
    allowed: [`UPDATE reviews SET decided_at = decided_at WHERE case_id = :erased`],
  },
  {
    table: 'referrals', rows: `case_id = :erased`,
    inserts: [`INSERT INTO referrals (case_id, service_type, agency_code, status, consent_basis, created_by)
      SELECT case_id, service_type, agency_code, 'pending', consent_basis, created_by FROM referrals WHERE case_id = :erased AND shelter_id IS NULL ORDER BY created_at LIMIT 1`],
    updates: writes('referrals', `case_id = :erased`, ['reason_enc', 'response_reason_enc', 'outcome_enc'])
      // The justification of a consent override may only be on an overridden referral.
      .concat(`UPDATE referrals SET consent_basis = 'override', override_justification_enc = ${TEXT} WHERE case_id = :erased`)
      // New access by moving a referral to another agency.
      .concat(`UPDATE referrals SET agency_code = 'FGE' WHERE case_id = :erased AND shelter_id IS NULL`),
    allowed: [`UPDATE referrals SET status = status WHERE case_id = :erased`],
  },
  {
    table: 'placements', rows: `case_id = :erased`,
    // A second stay on the declined service referral (one placement per referral).
    inserts: [`INSERT INTO placements (case_id, shelter_id, referral_id, status, admitted_at, discharged_at, discharge_reason)
      SELECT p.case_id, p.shelter_id, (SELECT id FROM referrals WHERE case_id = :erased AND shelter_id IS NULL ORDER BY created_at LIMIT 1),
        'discharged', p.admitted_at, p.discharged_at, p.discharge_reason FROM placements p WHERE p.case_id = :erased ORDER BY p.admitted_at LIMIT 1`],
    updates: writes('placements', 'case_id = :erased', ['risk_assessment_enc'])
      // New access by moving the stay to another shelter.
      .concat(`UPDATE placements SET shelter_id = (SELECT s.id FROM shelters s WHERE s.id <> placements.shelter_id AND s.active ORDER BY s.code LIMIT 1) WHERE case_id = :erased`),
    allowed: [`UPDATE placements SET status = status WHERE case_id = :erased`],
  },
  {
    table: 'visa_requests', rows: `case_id = :erased`,
    inserts: [`INSERT INTO visa_requests (case_id, status, requested_by) SELECT case_id, 'requested', requested_by FROM visa_requests WHERE case_id = :erased ORDER BY requested_at LIMIT 1`],
    updates: writes('visa_requests', 'case_id = :erased', ['visa_number_enc', 'reason_enc']),
    allowed: [`UPDATE visa_requests SET status = status WHERE case_id = :erased`],
  },
  {
    table: 'care_plans', rows: `case_id = :erased`,
    // A plan of the case's own (the case had only its shelter's plan).
    inserts: [`INSERT INTO care_plans (case_id, version, updated_by, updated_at) SELECT case_id, 1, updated_by, now() FROM care_plans WHERE case_id = :erased ORDER BY created_at LIMIT 1`],
    updates: writes('care_plans', 'case_id = :erased', ['goals_enc']),
    allowed: [`UPDATE care_plans SET version = version WHERE case_id = :erased`],
  },
  {
    table: 'care_plan_versions', rows: `care_plan_id IN (SELECT id FROM care_plans WHERE case_id = :erased)`,
    inserts: [`INSERT INTO care_plan_versions (care_plan_id, version, saved_by, saved_at)
      SELECT care_plan_id, max(version) + 1, (array_agg(saved_by))[1], now() FROM care_plan_versions
      WHERE care_plan_id IN (SELECT id FROM care_plans WHERE case_id = :erased) GROUP BY care_plan_id LIMIT 1`],
    updates: [],
    updateNotGranted: `UPDATE care_plan_versions SET goals_enc = ${TEXT} WHERE care_plan_id IN (SELECT id FROM care_plans WHERE case_id = :erased)`,
    allowed: [],
  },
  {
    table: 'care_notes', rows: `case_id = :erased`,
    inserts: [`INSERT INTO care_notes (care_plan_id, case_id, area, confidential, shelter_id, author_id, created_at)
      SELECT care_plan_id, case_id, area, false, shelter_id, author_id, now() FROM care_notes WHERE case_id = :erased ORDER BY created_at LIMIT 1`],
    updates: [],
    updateNotGranted: `UPDATE care_notes SET text_enc = ${TEXT} WHERE case_id = :erased`,
    allowed: [],
  },
  {
    table: 'attachments', rows: `case_id IN (:erased, :live)`,
    inserts: [`INSERT INTO attachments (case_id, part, filename_enc, content_type, size_bytes, sha256, content_enc, uploaded_by)
      SELECT :erased, part, filename_enc, content_type, size_bytes, sha256, content_enc, uploaded_by FROM attachments WHERE case_id = :live LIMIT 1`],
    updates: [`UPDATE attachments SET case_id = :erased WHERE case_id = :live`],
    allowed: [],
  },
  {
    table: 'closure_requests', rows: `case_id = :erased`,
    inserts: [`INSERT INTO closure_requests (case_id, reason, status, requested_by, requesting_agency)
      SELECT case_id, reason, 'pending', requested_by, requesting_agency FROM closure_requests WHERE case_id = :erased ORDER BY requested_at LIMIT 1`],
    updates: writes('closure_requests', 'case_id = :erased', ['rejection_reason_enc']),
    allowed: [`UPDATE closure_requests SET status = status WHERE case_id = :erased`],
  },
  {
    table: 'follow_up_checkins', rows: `case_id = :erased`,
    inserts: [`INSERT INTO follow_up_checkins (plan_id, case_id, sequence, months_after_start, due_date, agency_code)
      SELECT plan_id, case_id, sequence + 50, months_after_start, due_date, agency_code FROM follow_up_checkins WHERE case_id = :erased ORDER BY sequence LIMIT 1`],
    updates: writes('follow_up_checkins', 'case_id = :erased', ['notes_enc', 'new_needs_enc']),
    allowed: [`UPDATE follow_up_checkins SET status = status WHERE case_id = :erased`],
  },
];

/**
 * What retention erased stays erased (PRODUCT.md section 12): for every table the migration guards, the
 * application role's writes of personal data about a pseudonymized case, and its new rows that would give
 * someone new access to it, are refused by the database with 55000 "case_pseudonymized", and the rows stay
 * as they were. The case is erased by ruta_pseudonymize_case, the function retention calls.
 */
describe('Data protection: the database refuses every write that would undo an erasure, table by table (PRODUCT.md section 12)', () => {
  let t: TestApp;
  let p: Protocol;
  let app: Client;
  let owner: Client;
  const ids = { erased: '', live: '' };

  /** The statement with the two case ids in place (uuids from the database, safe to inline). */
  const sql = (statement: string) => statement.replace(/:erased/g, `'${ids.erased}'::uuid`).replace(/:live/g, `'${ids.live}'::uuid`);
  const snapshot = async (g: Guarded) =>
    (await owner.query(`SELECT to_jsonb(r) AS row FROM ${g.table} r WHERE ${sql(g.rows)} ORDER BY to_jsonb(r)::text`)).rows.map((r) => r.row);

  beforeAll(async () => {
    t = await bootApp();
    p = new Protocol(t);
    await p.login(...FULL_CASE_USERS);
    ids.erased = (await fullyPopulatedClosedCase(t, p)).caseId;
    // A case that is not erased, with a document (from intake) and an attachment.
    ids.live = (await p.underReview('adult_woman')).caseId;
    await t.http().post(`/api/v1/cases/${ids.live}/attachments`).set(p.as('committee.mdi')).field('part', 'case')
      .attach('file', pdfWith('erasure-guards'), { filename: 'informe.pdf', contentType: 'application/pdf' }).expect(201);
    app = new Client({ connectionString: databaseConfig().appUrl });
    await app.connect();
    owner = new Client({ connectionString: readRun().databaseUrl });
    await owner.connect();
    await app.query(`SELECT ruta_pseudonymize_case($1, now())`, [ids.erased]);
  });
  afterAll(async () => {
    await app?.end();
    await owner?.end();
    await t?.close();
  });

  it('writes as the application role, about a pseudonymized case', async () => {
    expect((await app.query(`SELECT current_user AS u`)).rows[0].u).toBe(databaseConfig().appRole);
    expect((await owner.query(`SELECT pseudonymized_at IS NOT NULL AS erased FROM cases WHERE id = $1`, [ids.erased])).rows[0]).toEqual({ erased: true });
  });

  it('still lists the erased case\'s referrals, their erased reason as null (as openapi.json declares it)', async () => {
    const res = await t.http().get('/api/v1/referrals').query({ caseId: ids.erased }).set(p.as('committee.mdi')).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.map((r: { reason: unknown }) => r.reason)).toEqual(res.body.items.map(() => null));
  });

  it('has a row here for every table with a keep-erased trigger', async () => {
    const { rows } = await owner.query(`SELECT k.relname AS table FROM pg_trigger t JOIN pg_class k ON k.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND t.tgname = k.relname || '_keep_erased' ORDER BY 1`);
    expect(GUARDED.map((g) => g.table).sort()).toEqual(rows.map((r) => r.table));
  });

  for (const g of GUARDED) {
    it(`${g.table}: every write of personal data or new access is refused (55000 case_pseudonymized), its rows unchanged`, async () => {
      const before = await snapshot(g);
      expect(before.length).toBeGreaterThan(0);
      const outcomes: { statement: string; refused: string }[] = [];
      const expected: { statement: string; refused: string }[] = [];
      const attempt = async (statement: string) => {
        try {
          const res = await app.query(sql(statement));
          return `not refused (${res.rowCount} rows)`;
        } catch (err) {
          const e = err as { code?: string; message: string };
          return `${e.code} ${e.message}`;
        }
      };
      for (const statement of [...g.inserts, ...g.updates]) {
        outcomes.push({ statement, refused: await attempt(statement) });
        expected.push({ statement, refused: '55000 case_pseudonymized' });
      }
      if (g.updateNotGranted) {
        outcomes.push({ statement: g.updateNotGranted, refused: await attempt(g.updateNotGranted) });
        expected.push({ statement: g.updateNotGranted, refused: `42501 permission denied for table ${g.table}` });
      }
      expect(outcomes).toEqual(expected);
      expect(await snapshot(g)).toEqual(before);
    });

    if (g.allowed.length > 0) {
      it(`${g.table}: a write with no personal data and no new access still goes through`, async () => {
        for (const statement of g.allowed) {
          await app.query('BEGIN');
          try {
            const res = await app.query(sql(statement));
            expect({ statement, rows: res.rowCount! > 0 }).toEqual({ statement, rows: true });
          } finally {
            await app.query('ROLLBACK');
          }
        }
      });
    }
  }
});
