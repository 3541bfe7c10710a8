import { AuditSealer } from '@ruta/audit';
import { FieldCipher } from '@ruta/core';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { CaseRetentionLoop } from '../../libs/case/src/retention/case-retention.loop';
import { bootApp, freshDatabase, TestApp, waitFor } from '../support/app';
import { backgroundSettled } from '../support/settle';
import { ownerClient } from '../support/database';
import { intake } from '../identification/fixtures';
import { Protocol } from '../referral/protocol';
import { closedInScreening, FULL_CASE_USERS, FullCase, fullyPopulatedClosedCase, pdfWith } from './full-case';

const PERIOD_DAYS = 1826;

/**
 * Retention (PRODUCT.md section 12, issue 9 finding 11): a case closed for longer than the retention period is
 * pseudonymized by the worker, driven by the test clock. The suite has a database of its own: it moves the
 * clock five years.
 */
describe('Data protection: closed cases are pseudonymized after the retention period (issue 9, finding 11)', () => {
  const headFile = join(tmpdir(), `ruta-audit-head-retention-${process.pid}.json`);
  let t: TestApp;
  let p: Protocol;
  let owner: Client;
  let full: FullCase;
  let laterClosed: string;
  let open: string;
  let reopened: string;
  let cipher: FieldCipher;

  const advance = (advanceBy: string) => t.http().post('/api/v1/_test/clock').set(p.as('admin')).send({ advanceBy }).expect(200);
  /** The sweep the clock's move started (or one after it) has finished, and the timers it woke have run. */
  const sweptAndSettled = async () => {
    await t.app.get(CaseRetentionLoop, { strict: false }).sweepNow();
    await backgroundSettled(t);
  };
  const pseudonymizedAt = async (id: string) => (await owner.query(`SELECT pseudonymized_at FROM cases WHERE id = $1`, [id])).rows[0].pseudonymized_at as Date | null;
  const one = async (sql: string, params: unknown[]) => (await owner.query(sql, params)).rows[0];

  beforeAll(async () => {
    rmSync(headFile, { force: true });
    const db = await freshDatabase('retention');
    t = await bootApp({ ...db, AUDIT_HEAD_FILE: headFile });
    owner = await ownerClient(db.DATABASE_URL);
    cipher = t.app.get(FieldCipher);
    p = new Protocol(t);
    await p.login(...FULL_CASE_USERS);

    full = await fullyPopulatedClosedCase(t, p);
    // Sent with an Idempotency-Key: the stored answer (which holds the victim's names) must not outlive the period either.
    open = (await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).set('Idempotency-Key', `retention-${Date.now()}`).send(intake()).expect(201)).body.id;
    // Closed and reopened before the period ends: not closed any more, so never erased.
    const { caseId, reviewId } = await p.underReview('adult_woman');
    await p.decide(reviewId, { decision: 'not_recognize' }).expect(200);
    await t.http().post(`/api/v1/cases/${caseId}/reopen`).set(p.as('committee.mdi')).send({ reason: 'Nueva información' }).expect(200);
    reopened = caseId;

    // About two and a half years later another case closes: still inside its period when the first one's ends.
    await advance('P1000D');
    laterClosed = await closedInScreening(t, p);
  });

  afterAll(async () => {
    await owner?.end();
    await t?.close();
    rmSync(headFile, { force: true });
  });

  it('leaves every case alone until the period has passed', async () => {
    await advance(`P${PERIOD_DAYS - 1000 - 1}D`);
    // The sweep runs when the clock moves: wait for it to have run at the new time.
    await sweptAndSettled();
    expect(await pseudonymizedAt(full.caseId)).toBeNull();
    const [{ n }] = (await owner.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'case.pseudonymize'`)).rows;
    expect(n).toBe(0);
    expect((await one(`SELECT count(*)::int AS n FROM idempotency_keys`, [])).n).toBeGreaterThan(0);
  });

  it('erases identity, documents, contact, free text and attachments of the expired case, in every table', async () => {
    await advance('P2D');
    await waitFor(async () => (await pseudonymizedAt(full.caseId)) !== null, 20000);

    // Every encrypted or binary column of every table about cases is empty for it (new columns are covered too).
    const { rows: columns } = await owner.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
       WHERE c.table_schema = 'public' AND (c.column_name LIKE '%\\_enc' OR c.data_type = 'bytea')
         AND (c.table_name = 'cases' OR EXISTS (
           SELECT 1 FROM information_schema.columns k WHERE k.table_schema = 'public' AND k.table_name = c.table_name AND k.column_name = 'case_id'))
       ORDER BY 1, 2`);
    const names = columns.map((c) => `${c.table_name}.${c.column_name}`);
    for (const known of ['cases.given_names_enc', 'cases.date_of_birth_enc', 'case_documents.number_enc', 'care_notes.text_enc', 'attachments.content_enc',
      'attachments.filename_enc', 'follow_up_checkins.notes_enc', 'referrals.response_reason_enc', 'placements.risk_assessment_enc']) expect(names).toContain(known);
    const kept: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const key = table === 'cases' ? 'id' : 'case_id';
      const { n } = await one(`SELECT count(*)::int AS n FROM "${table}" WHERE ${key} = $1 AND "${column}" IS NOT NULL`, [full.caseId]);
      if (n > 0) kept.push(`${table}.${column}`);
    }
    expect(kept).toEqual([]);
    expect(await one(`SELECT count(*)::int AS n FROM care_plan_versions v JOIN care_plans c ON c.id = v.care_plan_id
      WHERE c.case_id = $1 AND v.goals_enc IS NOT NULL`, [full.caseId])).toEqual({ n: 0 });
    expect(await one(`SELECT count(*)::int AS versions FROM care_plan_versions v JOIN care_plans c ON c.id = v.care_plan_id WHERE c.case_id = $1`,
      [full.caseId])).toEqual({ versions: 1 });
    expect(await one(`SELECT name_dob_hash, canton FROM cases WHERE id = $1`, [full.caseId])).toEqual({ name_dob_hash: null, canton: null });
    expect(await one(`SELECT count(*)::int AS n FROM case_documents WHERE case_id = $1`, [full.caseId])).toEqual({ n: 0 });
    expect(await one(`SELECT count(*)::int AS n FROM attachments WHERE case_id = $1`, [full.caseId])).toEqual({ n: 0 });
    expect(await one(`SELECT count(*)::int AS n FROM case_history WHERE case_id = $1 AND EXISTS (
      SELECT 1 FROM jsonb_object_keys(details) k WHERE k LIKE '%Enc')`, [full.caseId])).toEqual({ n: 0 });
    // The history and the notes are still there (append-only), only their free text is gone.
    expect((await one(`SELECT count(*)::int AS n FROM care_notes WHERE case_id = $1`, [full.caseId])).n).toBe(2);
    expect((await one(`SELECT count(*)::int AS n FROM case_history WHERE case_id = $1`, [full.caseId])).n).toBeGreaterThan(10);
    // No stored replay of an intake outlives the period either.
    expect(await one(`SELECT count(*)::int AS n FROM idempotency_keys`, [])).toEqual({ n: 0 });
  });

  it('keeps what the statistics count: status, trafficking status, sex, age group, nationality, forms, province, dates, referrals, visas, check-ins', async () => {
    expect(await one(`SELECT status, trafficking_status, sex, age_group, is_minor, nationality, exploitation_forms, province_code,
      identification_date::text AS identification_date, lead_agency, closure_reason, identifying_agency, came_to_attention, closed_at IS NOT NULL AS closed
      FROM cases WHERE id = $1`, [full.caseId])).toEqual({
      status: 'closed', trafficking_status: 'recognized_victim', sex: 'female', age_group: '12-17', is_minor: true, nationality: ['VEN'],
      exploitation_forms: ['sexual_exploitation'], province_code: '04', identification_date: '2026-11-20', lead_agency: 'MIES',
      closure_reason: 'follow_up_completed', identifying_agency: 'MDI', came_to_attention: 'border_control', closed: true,
    });
    expect((await owner.query(`SELECT service_type, status FROM referrals WHERE case_id = $1 ORDER BY service_type`, [full.caseId])).rows)
      .toEqual([{ service_type: 'medical_care', status: 'declined' }, { service_type: 'shelter', status: 'completed' }]);
    expect(await one(`SELECT status, discharge_reason, admitted_at IS NOT NULL AS admitted FROM placements WHERE case_id = $1`, [full.caseId]))
      .toEqual({ status: 'discharged', discharge_reason: 'family_reintegration', admitted: true });
    expect(await one(`SELECT status, issued_on IS NOT NULL AS issued, expires_on::text AS expires_on FROM visa_requests WHERE case_id = $1`, [full.caseId]))
      .toEqual({ status: 'granted', issued: true, expires_on: '2030-01-01' });
    expect(await one(`SELECT status, outcome FROM follow_up_checkins WHERE case_id = $1`, [full.caseId])).toEqual({ status: 'done', outcome: 'stable' });
    expect(await one(`SELECT decision FROM reviews WHERE case_id = $1`, [full.caseId])).toEqual({ decision: 'recognize' });
    expect(await one(`SELECT outcome FROM case_screenings WHERE case_id = $1`, [full.caseId])).toEqual({ outcome: 'presumed_victim' });
    expect((await owner.query(`SELECT status FROM closure_requests WHERE case_id = $1 ORDER BY requested_at`, [full.caseId])).rows.map((r) => r.status))
      .toEqual(['rejected', 'approved']);
  });

  it('shows the committee the case without who the person is, and refuses to reopen it (409)', async () => {
    const res = await t.http().get(`/api/v1/cases/${full.caseId}`).set(p.as('committee.mdi')).expect(200);
    expect(res.body).toMatchObject({ status: 'closed', traffickingStatus: 'recognized_victim', isMinor: true });
    expect(res.body.victim).toMatchObject({ givenNames: null, familyNames: null, dateOfBirth: null, genderIdentity: null, documents: [], contact: null,
      sex: 'female', nationality: ['VEN'] });
    expect(res.body.identification).toMatchObject({ circumstances: null, place: null, canton: null, province: '04', exploitationForms: ['sexual_exploitation'] });
    const body = JSON.stringify(res.body);
    for (const [name, value] of Object.entries(full.secrets)) expect({ name, found: body.includes(value) }).toEqual({ name, found: false });
    const timeline = await t.http().get(`/api/v1/cases/${full.caseId}/timeline`).query({ limit: 200 }).set(p.as('committee.mdi')).expect(200);
    expect(timeline.body.items.at(-1)).toMatchObject({ action: 'pseudonymize', actor: { id: null, roles: [], agency: null } });
    expect(JSON.stringify(timeline.body)).not.toContain(full.secrets.rationale);
    for (const id of full.attachmentIds) await t.http().get(`/api/v1/attachments/${id}`).set(p.as('committee.mdi')).expect(404);

    const reopen = await t.http().post(`/api/v1/cases/${full.caseId}/reopen`).set(p.as('committee.mdi')).send({ reason: 'Regresó' }).expect(409);
    expect(reopen.body.code).toBe('case_pseudonymized');
    expect(reopen.body.detail).toMatch(/seudonimizado/);
    expect(await one(`SELECT status FROM cases WHERE id = $1`, [full.caseId])).toEqual({ status: 'closed' });
  });

  it('keeps it erased: no route can write personal data about it again (409, enforced by the database)', async () => {
    const before = await one(`SELECT version, given_names_enc FROM cases WHERE id = $1`, [full.caseId]);
    const patch = await t.http().patch(`/api/v1/cases/${full.caseId}`).set(p.as('committee.mdi')).set('If-Match', `"${before.version}"`)
      .send({ victim: { givenNames: 'Nombre Nuevo', dateOfBirth: '2010-02-02' } });
    expect({ status: patch.status, code: patch.body.code }).toEqual({ status: 409, code: 'case_pseudonymized' });
    const upload = await t.http().post(`/api/v1/cases/${full.caseId}/attachments`).set(p.as('committee.mdi')).field('part', 'case')
      .attach('file', pdfWith('after-retention'), { filename: 'nuevo.pdf', contentType: 'application/pdf' });
    expect({ status: upload.status, code: upload.body.code }).toEqual({ status: 409, code: 'case_pseudonymized' });
    // Nor can anyone be given new access to it, nor new free text about it.
    const complaint = await t.http().post(`/api/v1/cases/${full.caseId}/complaint`).set(p.as('committee.mdi')).send({ notifiedOn: '2026-11-30' });
    expect({ status: complaint.status, code: complaint.body.code }).toEqual({ status: 409, code: 'case_pseudonymized' });
    const lead = await t.http().post(`/api/v1/cases/${full.caseId}/lead-agency`).set(p.as('committee.mdi')).send({ agency: 'SDH', reason: 'Nueva institución' });
    expect({ status: lead.status, code: lead.body.code }).toEqual({ status: 409, code: 'case_pseudonymized' });
    expect(await one(`SELECT version, given_names_enc FROM cases WHERE id = $1`, [full.caseId])).toEqual(before);
    // Timers set while it was open (care-plan review, check-ins, visa expiry) put no work in anyone's queue.
    await advance('P400D');
    await sweptAndSettled();
    expect(await one(`SELECT count(*)::int AS n FROM tasks WHERE case_id = $1 AND status IN ('open', 'claimed')`, [full.caseId])).toEqual({ n: 0 });
    expect(await one(`SELECT count(*)::int AS n FROM attachments WHERE case_id = $1`, [full.caseId])).toEqual({ n: 0 });
    // The schema owner (retention itself, migrations) is not concerned.
    await owner.query(`UPDATE cases SET canton = NULL WHERE id = $1`, [full.caseId]);
  });

  it('guards every table that holds encrypted personal data (a table added later without its trigger fails here)', async () => {
    const { rows } = await owner.query(`
      SELECT DISTINCT c.table_name FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.column_name LIKE '%\\_enc'
        -- Not about one case: users (their second factor) and stored idempotent answers (purged by age).
        AND c.table_name NOT IN ('users', 'idempotency_keys')
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_class k ON k.oid = t.tgrelid
                        WHERE k.relname = c.table_name AND t.tgname = c.table_name || '_keep_erased')
      ORDER BY 1`);
    expect(rows).toEqual([]);
  });

  it('audits the pseudonymization once, by the system, and the audit chain stays valid', async () => {
    const log = await t.http().get('/api/v1/audit').query({ caseId: full.caseId, action: 'case.pseudonymize' }).set(p.as('auditor')).expect(200);
    expect(log.body.items).toHaveLength(1);
    expect(JSON.stringify(log.body.items[0])).toContain('system:retention');
    // Another sweep (the clock moves again) does nothing twice.
    await advance('P1D');
    await sweptAndSettled();
    const again = await t.http().get('/api/v1/audit').query({ caseId: full.caseId, action: 'case.pseudonymize' }).set(p.as('auditor')).expect(200);
    expect(again.body.items).toHaveLength(1);
    // Entries written before the sweep are untouched: the whole log seals and verifies.
    // (Timers that the clock woke may still be writing entries: wait for this one to be sealed.)
    await waitFor(async () => {
      await t.app.get(AuditSealer).sealPending();
      const [{ n }] = (await owner.query(`SELECT count(*)::int AS n FROM audit_entries e JOIN audit_seals s ON s.entry_id = e.id
        WHERE e.action = 'case.pseudonymize' AND e.case_id = $1`, [full.caseId])).rows;
      return n === 1;
    });
    const verify = await t.http().get('/api/v1/audit/verify').set(p.as('auditor')).expect(200);
    expect(verify.body).toMatchObject({ valid: true });
    expect(verify.body.checked).toBeGreaterThan(50);
  });

  it('leaves a case closed later (still within its period), an open case and a reopened case untouched', async () => {
    for (const id of [laterClosed, open, reopened]) {
      expect({ id, pseudonymizedAt: await pseudonymizedAt(id) }).toEqual({ id, pseudonymizedAt: null });
      const row = await one(`SELECT given_names_enc, family_names_enc, date_of_birth_enc, circumstances_enc, name_dob_hash, contact_enc FROM cases WHERE id = $1`, [id]);
      for (const [column, value] of Object.entries(row)) expect({ id, column, kept: value !== null }).toEqual({ id, column, kept: true });
      expect(cipher.decrypt(row.given_names_enc as string)).toMatch(/\S/);
      expect((await one(`SELECT count(*)::int AS n FROM case_documents WHERE case_id = $1`, [id])).n).toBe(1);
    }
    expect(await one(`SELECT status FROM cases WHERE id = $1`, [laterClosed])).toEqual({ status: 'closed' });
    const res = await t.http().get(`/api/v1/cases/${laterClosed}`).set(p.as('officer.rumichaca')).expect(200);
    expect(res.body.victim.givenNames).toMatch(/María José/);
  });
});
