import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { bootApp, freshDatabase, TestApp } from '../support/app';
import { ownerClient } from '../support/database';
import { Protocol } from '../referral/protocol';
import { FULL_CASE_USERS, FullCase, fullyPopulatedClosedCase } from './full-case';

/** The forms in which a value could sit in a column: as typed, lower case without accents, digits only (documents). */
function forms(name: string, value: string): string[] {
  const plain = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const out = new Set([value, plain]);
  if (name === 'dateOfBirth') {
    const [y, m, d] = value.split('-');
    for (const f of [`${d}/${m}/${y}`, `${y}${m}${d}`, `${d}-${m}-${y}`, `${y}/${m}/${d}`, `${m}/${d}/${y}`]) out.add(f);
  }
  if (name === 'document') out.add(value.replace(/[^A-Za-z0-9]/g, '').toUpperCase());
  if (name === 'phone') out.add(value.replace(/\D/g, ''));
  return [...out];
}

/**
 * Encryption at rest (PRODUCT.md section 12), checked on every column rather than a chosen few: after a case
 * has gone through every step that stores something about the person, no text, varchar, json, jsonb, array or
 * bytea column of any table in the public schema holds any of those values in plaintext, and no bytea column
 * holds the bytes of the uploaded file.
 */
describe('Data protection: nothing about the person is stored in plaintext, in any column (issue 9, finding 10)', () => {
  let t: TestApp;
  let p: Protocol;
  let owner: Client;
  let full: FullCase;
  // A database of its own (the scan reads every table), so an audit chain head of its own too.
  const headFile = join(tmpdir(), `ruta-audit-head-at-rest-${process.pid}.json`);

  beforeAll(async () => {
    const db = await freshDatabase('at_rest');
    t = await bootApp({ ...db, AUDIT_HEAD_FILE: headFile });
    owner = await ownerClient(db.DATABASE_URL);
    p = new Protocol(t);
    await p.login(...FULL_CASE_USERS);
    full = await fullyPopulatedClosedCase(t, p);
  });
  afterAll(async () => {
    await owner?.end();
    await t?.close();
    rmSync(headFile, { force: true });
  });

  it('finds none of the identity or free-text values, nor the attachment\'s bytes, in any column of any table', async () => {
    const { rows: columns } = await owner.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
       ORDER BY c.table_name, c.ordinal_position`);
    const tables = [...new Set(columns.map((c) => c.table_name))];
    // The tables that must be covered for the check to mean anything.
    for (const table of ['cases', 'case_documents', 'case_consents', 'case_screenings', 'case_history', 'reviews', 'referrals', 'placements',
      'visa_requests', 'care_plans', 'care_plan_versions', 'care_notes', 'attachments', 'closure_requests', 'follow_up_checkins',
      'idempotency_keys', 'audit_entries', 'tasks', 'outbox']) expect(tables).toContain(table);

    const needles = Object.entries(full.secrets).flatMap(([name, value]) => forms(name, value).map((form) => ({ name, form })));
    const marker = Buffer.from(full.attachmentMarker);
    const leaks: string[] = [];
    let scannedValues = 0;
    for (const table of tables) {
      const cols = columns.filter((c) => c.table_name === table);
      const { rows } = await owner.query(`SELECT ${cols.map((c) => `"${c.column_name}"`).join(', ')} FROM "${table}"`);
      for (const row of rows) {
        for (const c of cols) {
          const value = row[c.column_name];
          if (value === null || value === undefined) continue;
          scannedValues += 1;
          if (Buffer.isBuffer(value)) {
            if (value.includes(marker)) leaks.push(`${table}.${c.column_name}: attachment bytes`);
            continue;
          }
          const text = typeof value === 'string' ? value : JSON.stringify(value);
          const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
          for (const { name, form } of needles) {
            if (text.includes(form) || plain.includes(form.toLowerCase())) leaks.push(`${table}.${c.column_name}: ${name} (${form})`);
          }
          if (text.includes(full.attachmentMarker)) leaks.push(`${table}.${c.column_name}: attachment marker`);
        }
      }
    }
    expect(scannedValues).toBeGreaterThan(1000);
    expect([...new Set(leaks)]).toEqual([]);
  });

  it('stored something in every place it checks (the case really went through every step)', async () => {
    const q = async (sql: string) => (await owner.query(sql, [full.caseId])).rows[0];
    expect(await q(`SELECT count(*)::int AS n FROM attachments WHERE case_id = $1 AND content_enc IS NOT NULL`)).toEqual({ n: full.attachmentIds.length });
    const c = await q(`SELECT given_names_enc, family_names_enc, gender_identity_enc, date_of_birth_enc, contact_enc, place_enc, circumstances_enc,
      complaint_number_enc, name_dob_hash FROM cases WHERE id = $1`);
    for (const [column, value] of Object.entries(c)) expect({ column, stored: value !== null }).toEqual({ column, stored: true });
    const counts = await q(`SELECT
      (SELECT count(*) FROM case_documents WHERE case_id = $1)::int AS documents,
      (SELECT count(*) FROM case_consents WHERE case_id = $1 AND child_view_enc IS NOT NULL AND guardian_enc IS NOT NULL)::int AS consents,
      (SELECT count(*) FROM reviews WHERE case_id = $1 AND rationale_enc IS NOT NULL)::int AS rationales,
      (SELECT count(*) FROM referrals WHERE case_id = $1 AND response_reason_enc IS NOT NULL)::int AS declined,
      (SELECT count(*) FROM placements WHERE case_id = $1 AND risk_assessment_enc IS NOT NULL)::int AS risks,
      (SELECT count(*) FROM visa_requests WHERE case_id = $1 AND visa_number_enc IS NOT NULL)::int AS visas,
      (SELECT count(*) FROM care_notes WHERE case_id = $1)::int AS notes,
      (SELECT count(*) FROM follow_up_checkins WHERE case_id = $1 AND notes_enc IS NOT NULL AND new_needs_enc IS NOT NULL)::int AS checkins,
      (SELECT count(*) FROM closure_requests WHERE case_id = $1 AND rejection_reason_enc IS NOT NULL)::int AS rejections`);
    expect(counts).toEqual({ documents: 1, consents: 1, rationales: 1, declined: 1, risks: 1, visas: 1, notes: 2, checkins: 1, rejections: 1 });
  });
});
