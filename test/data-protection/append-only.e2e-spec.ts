import { databaseConfig } from '@ruta/core';
import { Client } from 'pg';
import { bootApp, TestApp } from '../support/app';
import { intake } from '../identification/fixtures';
import { Protocol } from '../referral/protocol';
import { FULL_CASE_USERS, FullCase, fullyPopulatedClosedCase } from './full-case';

/** The append-only tables besides the audit log (tested in test/audit), with how to pick and copy one of a case's rows. */
const TABLES = {
  case_history: {
    where: 'case_id = $1',
    insert: `INSERT INTO case_history (case_id, action, occurred_at) VALUES ($1, 'append_only_probe', now())`,
  },
  care_notes: {
    where: 'case_id = $1',
    insert: `INSERT INTO care_notes (care_plan_id, case_id, area, text_enc, confidential, author_id, created_at)
      SELECT care_plan_id, case_id, area, text_enc, confidential, author_id, now() FROM care_notes WHERE case_id = $1 LIMIT 1`,
  },
  care_plan_versions: {
    where: 'care_plan_id IN (SELECT id FROM care_plans WHERE case_id = $1)',
    insert: `INSERT INTO care_plan_versions (care_plan_id, version, goals_enc, saved_by, saved_at)
      SELECT care_plan_id, 999, goals_enc, saved_by, now() FROM care_plan_versions WHERE care_plan_id IN (SELECT id FROM care_plans WHERE case_id = $1) LIMIT 1`,
  },
} as const;

/**
 * The case history, care notes and care plan versions are append-only for the role the application runs as
 * (STYLE.md "Data", PRODUCT.md sections 4 and 14): it may read and add rows, never change, delete or truncate
 * them. The one exception is retention's ruta_pseudonymize_case, which only erases a closed case's free text.
 */
describe('Data protection: append-only tables for the application role (issue 9, finding 10)', () => {
  let t: TestApp;
  let p: Protocol;
  let app: Client;
  let full: FullCase;

  beforeAll(async () => {
    t = await bootApp();
    p = new Protocol(t);
    await p.login(...FULL_CASE_USERS);
    full = await fullyPopulatedClosedCase(t, p);
    app = new Client({ connectionString: databaseConfig().appUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await t?.close();
  });

  it('connects as the application role, not as the owner', async () => {
    const { rows: [{ current_user: user }] } = await app.query(`SELECT current_user`);
    expect(user).toBe(databaseConfig().appRole);
  });

  for (const [table, probe] of Object.entries(TABLES)) {
    it(`${table}: SELECT and INSERT work; UPDATE, DELETE and TRUNCATE are refused and change nothing`, async () => {
      const count = async () => (await app.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${probe.where}`, [full.caseId])).rows[0].n as number;
      const before = await count();
      expect(before).toBeGreaterThan(0);
      const snapshot = JSON.stringify((await app.query(`SELECT * FROM ${table} WHERE ${probe.where} ORDER BY 1, 2`, [full.caseId])).rows);

      await app.query('BEGIN');
      try {
        const inserted = await app.query(probe.insert, [full.caseId]);
        expect(inserted.rowCount).toBe(1);
      } finally {
        await app.query('ROLLBACK');
      }

      const column = table === 'case_history' ? 'details' : table === 'care_notes' ? 'text_enc' : 'goals_enc';
      await expect(app.query(`UPDATE ${table} SET ${column} = ${column} WHERE ${probe.where}`, [full.caseId])).rejects.toThrow(/permission denied/);
      await expect(app.query(`DELETE FROM ${table} WHERE ${probe.where}`, [full.caseId])).rejects.toThrow(/permission denied/);
      await expect(app.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/permission denied/);
      const { rows: [grants] } = await app.query(
        `SELECT has_table_privilege(current_user, $1, 'SELECT') AS s, has_table_privilege(current_user, $1, 'INSERT') AS i,
           has_table_privilege(current_user, $1, 'UPDATE') AS u, has_table_privilege(current_user, $1, 'DELETE') AS d,
           has_table_privilege(current_user, $1, 'TRUNCATE') AS t`, [table]);
      expect(grants).toEqual({ s: true, i: true, u: false, d: false, t: false });

      expect(await count()).toBe(before);
      expect(JSON.stringify((await app.query(`SELECT * FROM ${table} WHERE ${probe.where} ORDER BY 1, 2`, [full.caseId])).rows)).toBe(snapshot);
    });
  }

  it('lets the application role erase free text only through retention\'s function, only for a closed case, and not redefine it', async () => {
    const open = (await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(intake()).expect(201)).body.id as string;
    await expect(app.query(`SELECT ruta_pseudonymize_case($1, now())`, [open])).rejects.toThrow(/only a closed case/);
    const { rows: [row] } = await app.query(`SELECT given_names_enc IS NOT NULL AS named, pseudonymized_at FROM cases WHERE id = $1`, [open]);
    expect(row).toEqual({ named: true, pseudonymized_at: null });
    await expect(app.query(`CREATE OR REPLACE FUNCTION ruta_pseudonymize_case(p_case uuid, p_at timestamptz) RETURNS jsonb
      LANGUAGE sql SECURITY DEFINER AS $$ SELECT NULL::jsonb $$`)).rejects.toThrow(/must be owner|permission denied/);
    await expect(app.query(`ALTER FUNCTION ruta_pseudonymize_case(uuid, timestamptz) SECURITY INVOKER`)).rejects.toThrow(/must be owner|permission denied/);
  });
});
