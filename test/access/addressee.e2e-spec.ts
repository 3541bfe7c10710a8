import { FieldCipher } from '@ruta/core';
import { Client } from 'pg';
import { expectedFor, SITUATIONS, UNIT_WORK, USERS } from '../../libs/case/src/access/__tests__/record-access.fixture';
import { intake } from '../identification/fixtures';
import { bootApp, TestApp } from '../support/app';
import { readRun } from '../support/test-env';

/*
 * The SQL form of the addressing rule (libs/core/src/access/addressee.ts) against the record-access fixture:
 * for a case in each situation, one open task addressed as each stake (and one for the officers of the
 * identifying unit), and one referral for each stake addressed to an agency or a shelter. Every demo user
 * then reads them through each query that filters by the rule: the open queue (GET /tasks), the inbox by
 * status (GET /tasks?status=open), a task by id (POST /tasks/:id/release: 404 when it does not reach the
 * user, 409 when it does but is not theirs) and GET /referrals (the committee also gets every referral of
 * the cases it sees).
 */

const USERS_HERE = USERS.filter((u) => !u.synthetic);

describe('Who work is addressed to, through the database: every user against the work of every situation (PRODUCT.md sections 2 and 10)', () => {
  let t: TestApp;
  let owner: Client;
  const tokens: Record<string, string> = {};
  /** Per case: its tasks and referrals, each with the users the fixture says it reaches. */
  const work: { caseId: string; name: string; tasks: { id: string; reaches: string[] }[]; referrals: { id: string; reaches: string[] }[] }[] = [];

  beforeAll(async () => {
    t = await bootApp();
    owner = new Client({ connectionString: readRun().databaseUrl });
    await owner.connect();
    for (const u of USERS_HERE) tokens[u.username] = await t.login(u.username);
    const shelters: Record<string, { id: string; operator: string }> = {};
    for (const s of (await owner.query(`SELECT id, code, operator_code FROM shelters`)).rows) shelters[s.code] = { id: s.id, operator: s.operator_code };
    const { rows: [{ id: author }] } = await owner.query(`SELECT id FROM users WHERE username = 'committee.mdi'`);
    const cipher = t.app.get(FieldCipher);
    for (const situation of SITUATIONS) {
      const officer = situation.identifyingUnit === 'quito_airport' ? 'officer.quito' : 'officer.rumichaca';
      const created = await t.http().post('/api/v1/cases').set('Authorization', `Bearer ${tokens[officer]}`).send(intake()).expect(201);
      const caseId = created.body.id as string;
      // The situation as the protocol leaves it (as test/access/record-access.e2e-spec.ts writes it).
      await owner.query(`UPDATE cases SET identifying_unit = $2, lead_agency = $3, sent_to_review_at = CASE WHEN $4 THEN now() END WHERE id = $1`,
        [caseId, situation.identifyingUnit, situation.leadAgency, situation.sentToReview]);
      await owner.query(`DELETE FROM case_stakes WHERE case_id = $1`, [caseId]);
      await owner.query(`UPDATE tasks SET status = 'cancelled' WHERE case_id = $1`, [caseId]);
      const entry = { caseId, name: situation.name, tasks: [] as { id: string; reaches: string[] }[], referrals: [] as { id: string; reaches: string[] }[] };
      const task = async (addressee: { role: string; agency?: string | null; shelterId?: string | null; unit?: string | null }, reaches: string[]) => {
        const { rows: [row] } = await owner.query(
          `INSERT INTO tasks (type, case_id, priority, due_at, addressee_role, addressee_agency, addressee_shelter_id, addressee_unit, details)
           VALUES ('escalation', $1, 'normal', now() + interval '30 days', $2, $3, $4, $5, '{}') RETURNING id`,
          [caseId, addressee.role, addressee.agency ?? null, addressee.shelterId ?? null, addressee.unit ?? null]);
        entry.tasks.push({ id: row.id, reaches });
      };
      for (const k of situation.stakes) {
        const shelter = k.shelter ? shelters[k.shelter] : null;
        await owner.query(`INSERT INTO case_stakes (case_id, role, agency_code, shelter_id, reason) VALUES ($1, $2, $3, $4, $5)`,
          [caseId, k.role, k.agency ?? null, shelter?.id ?? null, k.reason]);
        await task({ role: k.role, agency: k.agency, shelterId: shelter?.id }, k.reaches);
        if (k.role === 'service_focal_point' || k.role === 'shelter_staff') {
          const { rows: [row] } = await owner.query(
            `INSERT INTO referrals (case_id, service_type, shelter_id, agency_code, reason_enc, consent_basis, created_by)
             VALUES ($1, $2, $3, $4, $5, 'minor', $6) RETURNING id`,
            [caseId, shelter ? 'shelter' : 'medical_care', shelter?.id ?? null, shelter?.operator ?? k.agency, cipher.encrypt('Derivación de prueba'), author]);
          entry.referrals.push({ id: row.id, reaches: k.reaches });
        }
      }
      const unitWork = UNIT_WORK.find((w) => w.unit === situation.identifyingUnit);
      if (unitWork) await task({ role: 'immigration_officer', unit: unitWork.unit }, unitWork.reaches);
      work.push(entry);
    }
  });
  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  it('answers the queue, the inbox by status, a task by id and GET /referrals exactly as the fixture says', async () => {
    const seen: string[] = [];
    const wanted: string[] = [];
    const line = (name: string, user: string, what: string, ids: string[]) => `${name} | ${user} | ${what}: ${[...ids].sort().join(' ') || '-'}`;
    for (const c of work) {
      for (const u of USERS_HERE) {
        const as = { Authorization: `Bearer ${tokens[u.username]}` };
        const reachedTasks = c.tasks.filter((x) => x.reaches.includes(u.username)).map((x) => x.id);
        // The case-analysis team gets every referral of a case it sees; everyone else, the referrals addressed to them.
        const listedReferrals = c.referrals.filter((x) => x.reaches.includes(u.username) || expectedFor(SITUATIONS.find((s) => s.name === c.name)!, u.username) === 'committee').map((x) => x.id);
        if (u.username !== 'admin') {
          wanted.push(line(c.name, u.username, 'queue', reachedTasks), line(c.name, u.username, 'open', reachedTasks), line(c.name, u.username, 'by id', reachedTasks));
          const queue = await t.http().get('/api/v1/tasks').query({ caseId: c.caseId, limit: 100 }).set(as).expect(200);
          seen.push(line(c.name, u.username, 'queue', queue.body.items.map((x: { id: string }) => x.id)));
          const open = await t.http().get('/api/v1/tasks').query({ caseId: c.caseId, status: 'open', limit: 100 }).set(as).expect(200);
          seen.push(line(c.name, u.username, 'open', open.body.items.map((x: { id: string }) => x.id)));
          const byId: string[] = [];
          for (const x of c.tasks) {
            const res = await t.http().post(`/api/v1/tasks/${x.id}/release`).set(as).send({});
            if (res.status === 409) byId.push(x.id);
            else if (res.status !== 404) byId.push(`${x.id}:${res.status}`);
          }
          seen.push(line(c.name, u.username, 'by id', byId));
        }
        if (['committee_member', 'service_focal_point', 'shelter_staff'].some((r) => u.roles.includes(r))) {
          wanted.push(line(c.name, u.username, 'referrals', listedReferrals));
          const referrals = await t.http().get('/api/v1/referrals').query({ caseId: c.caseId, limit: 100 }).set(as).expect(200);
          seen.push(line(c.name, u.username, 'referrals', referrals.body.items.map((x: { id: string }) => x.id)));
        }
      }
    }
    expect(seen).toEqual(wanted);
  });
});
