import { Client } from 'pg';
import { expectedFor, Expected, SITUATIONS, USERS } from '../../libs/case/src/access/__tests__/record-access.fixture';
import { intake } from '../identification/fixtures';
import { bootApp, TestApp } from '../support/app';
import { readRun } from '../support/test-env';

/*
 * The record-level rule through every reader that filters in the database or by the policy: the case
 * detail, the case list and search (GET /cases?q=), and the timeline, for every demo user against a case
 * in each situation of the independent fixture of PRODUCT.md section 2.
 */

const USERS_HERE = USERS.filter((u) => !u.synthetic);

/** What a viewer's case JSON tells about the view it was given (PRODUCT.md section 2, field matrix). */
function viewOf(body: Record<string, unknown>): Expected {
  const victim = body.victim as Record<string, unknown>;
  const has = (k: string) => k in body;
  if (!('givenNames' in victim)) return 'auditor';
  if (!has('identification')) return 'visa_officer';
  if (has('screening')) return has('reviews') ? 'committee' : 'officer';
  if (has('visa')) return 'focal_point:lead';
  return has('carePlan') && !has('followUp') ? 'shelter_staff' : 'focal_point';
}

describe('Record-level access: every user against a case in every situation (PRODUCT.md section 2)', () => {
  let t: TestApp;
  let owner: Client;
  const tokens: Record<string, string> = {};
  const shelters: Record<string, string> = {};
  const cases: { situation: (typeof SITUATIONS)[number]; id: string; number: string }[] = [];

  beforeAll(async () => {
    t = await bootApp();
    owner = new Client({ connectionString: readRun().databaseUrl });
    await owner.connect();
    for (const u of USERS_HERE) tokens[u.username] = await t.login(u.username);
    for (const s of (await owner.query(`SELECT id, code FROM shelters`)).rows) shelters[s.code] = s.id;
    for (const situation of SITUATIONS) {
      const officer = situation.identifyingUnit === 'quito_airport' ? 'officer.quito' : 'officer.rumichaca';
      const created = await t.http().post('/api/v1/cases').set('Authorization', `Bearer ${tokens[officer]}`).send(intake()).expect(201);
      // The situation is written as the protocol leaves it: the stakes replace whatever intake addressed.
      await owner.query(`UPDATE cases SET identifying_unit = $2, lead_agency = $3, sent_to_review_at = CASE WHEN $4 THEN now() END WHERE id = $1`,
        [created.body.id, situation.identifyingUnit, situation.leadAgency, situation.sentToReview]);
      await owner.query(`DELETE FROM case_stakes WHERE case_id = $1`, [created.body.id]);
      await owner.query(`UPDATE tasks SET status = 'cancelled' WHERE case_id = $1`, [created.body.id]);
      for (const k of situation.stakes) {
        await owner.query(`INSERT INTO case_stakes (case_id, role, agency_code, shelter_id, reason) VALUES ($1, $2, $3, $4, $5)`,
          [created.body.id, k.role, k.agency ?? null, k.shelter ? shelters[k.shelter] : null, k.reason]);
      }
      cases.push({ situation, id: created.body.id, number: created.body.caseNumber });
    }
  });
  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  it('answers the detail, the list, the search and the timeline exactly as the fixture says', async () => {
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const c of cases) {
      for (const u of USERS_HERE) {
        const as = { Authorization: `Bearer ${tokens[u.username]}` };
        const expected = expectedFor(c.situation, u.username);
        wanted.push(`${c.situation.name} | ${u.username} | ${expected}`);
        const detail = await t.http().get(`/api/v1/cases/${c.id}`).set(as);
        const timeline = await t.http().get(`/api/v1/cases/${c.id}/timeline`).set(as);
        const search = await t.http().get('/api/v1/cases').query({ q: c.number }).set(as);
        let got: string;
        if (u.username === 'admin') {
          // No case route is for admins at all: a 403 for the role, before any case is looked at.
          got = [detail.status, timeline.status, search.status].every((s) => s === 403) ? '404' : `admin got ${detail.status}`;
        } else if (detail.status === 404) {
          const silent = timeline.status === 404 && search.status === 200 && search.body.items.length === 0;
          got = silent ? '404' : `404 but timeline ${timeline.status}, search ${search.body.items?.length}`;
        } else {
          const listed = search.body.items?.length === 1 && search.body.items[0].id === c.id;
          got = detail.status === 200 && timeline.status === 200 && listed ? viewOf(detail.body) : `detail ${detail.status}, timeline ${timeline.status}, listed ${listed}`;
        }
        seen.push(`${c.situation.name} | ${u.username} | ${got}`);
      }
    }
    expect(seen).toEqual(wanted);
  });
});
