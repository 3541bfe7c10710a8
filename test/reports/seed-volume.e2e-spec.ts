import { ageAtIdentification, ageGroup, allowedAction, CaseRecordMapper, TRAFFICKING_STATUSES } from '@ruta/case';
import { EXPLOITATION_FORMS } from '@ruta/directory';
import { FieldCipher } from '@ruta/core';
import { Client } from 'pg';
import { visibleCasesSql } from '../../libs/case/src/access/case-policy';
import { generateVolume, VolumeReport } from '../../seeds/volume/generate';
import { CIRCUMSTANCES, FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE } from '../../seeds/volume/texts';
import { applyEnv, bootApp, freshDatabase, TestApp } from '../support/app';
import { ownerClient } from '../support/database';
import { committedContract } from '../support/response-contract';

const CASES = 3000;
const UNTIL = '2026-11-30';
/** The run's end instant: the start of UNTIL in Ecuador. */
const END = `'${UNTIL} 05:00:00+00'::timestamptz`;

/**
 * The volume generator (npm run seed:volume, bench/README.md) on a small scale: the data the reports count
 * is all there, it holds the protocol's invariants, and the application reads a generated case.
 */
describe('Volume data for the reports (npm run seed:volume)', () => {
  let db: Record<string, string>;
  let report: VolumeReport;
  let owner: Client;
  let t: TestApp;
  let schemaBefore: string[];
  const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await owner.query(sql, params)).rows as T[];
  const values = async (sql: string) => (await rows<{ v: string }>(sql)).map((r) => r.v).sort();
  const count = async (sql: string) => Number((await rows<{ n: string }>(sql))[0].n);

  beforeAll(async () => {
    db = await freshDatabase('seedvolume');
    applyEnv(db);
    owner = await ownerClient(db.DATABASE_URL);
    schemaBefore = await schema();
    // Batches of 1,000: the shelters' capacity and the ids must hold across batches.
    report = await generateVolume({ databaseUrl: db.DATABASE_URL, cases: CASES, seed: 20261130, until: UNTIL, batchSize: 1000,
      argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 } });
    // Without the worker: its timers would act on the generated data (the run ended before today) while it is checked.
    t = await bootApp({ ...db, RUTA_INLINE_WORKER: '0' });
  }, 90_000);

  afterAll(async () => {
    await owner?.end();
    await t?.close();
  });

  /** What the load sets aside and puts back (seeds/volume/constraints.ts): indexes, constraints, comments, triggers, schemas. */
  const schema = async () => (await rows<{ v: string }>(`
    SELECT 'index ' || pg_get_indexdef(i.indexrelid) || ' -- ' || coalesce(obj_description(i.indexrelid, 'pg_class'), '') AS v
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = 'public'::regnamespace
    UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' valid ' || convalidated
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%temp\_%'
    ORDER BY 1`)).map((r) => r.v);

  it('leaves the schema as the migrations made it', async () => {
    expect(await schema()).toEqual(schemaBefore);
  });

  it('adds the cases asked for, spread over five years', async () => {
    expect(report.added).toBe(CASES);
    expect(await count(`SELECT count(*) AS n FROM cases`)).toBe(CASES);
    expect(report.rows.cases).toBe(CASES);
    expect(await count(`SELECT count(DISTINCT date_trunc('month', identification_date)) AS n FROM cases`)).toBeGreaterThanOrEqual(55);
    expect(await count(`SELECT count(*) AS n FROM cases WHERE identification_date < DATE '${UNTIL}' - interval '61 months'`)).toBe(0);
  });

  it('covers every value the reports count', async () => {
    expect(await values(`SELECT DISTINCT province_code AS v FROM cases`)).toEqual(await values(`SELECT code AS v FROM provinces`));
    expect(await values(`SELECT DISTINCT age_group AS v FROM cases`)).toEqual(['0-11', '12-17', '18-29', '30-59', '60+']);
    const minors = await count(`SELECT round(100.0 * count(*) FILTER (WHERE is_minor) / count(*)) AS n FROM cases`);
    expect(minors).toBeGreaterThanOrEqual(22);
    expect(minors).toBeLessThanOrEqual(32);
    expect((await values(`SELECT DISTINCT unnest(nationality) AS v FROM cases`)).length).toBeGreaterThanOrEqual(6);
    expect(await count(`SELECT count(*) AS n FROM cases WHERE cardinality(nationality) = 2`)).toBeGreaterThan(0);
    expect(await values(`SELECT DISTINCT unnest(exploitation_forms) AS v FROM cases`)).toEqual([...EXPLOITATION_FORMS].sort());
    expect(await count(`SELECT count(*) AS n FROM cases WHERE cardinality(exploitation_forms) = 2`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM cases WHERE cardinality(exploitation_forms) = 0`)).toBeGreaterThan(0);
    expect(await values(`SELECT DISTINCT sex AS v FROM cases`)).toEqual(['female', 'intersex', 'male', 'unknown']);
    expect(await values(`SELECT DISTINCT trafficking_status AS v FROM cases`)).toEqual([...TRAFFICKING_STATUSES].sort());
    expect(await values(`SELECT DISTINCT status AS v FROM cases`)).toEqual(['closed', 'follow_up', 'identified', 'in_assistance', 'recognized', 'screening', 'under_review']);
    expect(await values(`SELECT DISTINCT identifying_unit AS v FROM cases WHERE identifying_unit IS NOT NULL`)).toEqual(await values(`SELECT code AS v FROM border_points`));
    expect((await values(`SELECT DISTINCT identifying_agency AS v FROM cases`)).length).toBeGreaterThanOrEqual(5);
    expect((await values(`SELECT DISTINCT came_to_attention AS v FROM cases`)).length).toBe(6);
    expect(await values(`SELECT DISTINCT decision AS v FROM reviews WHERE decision IS NOT NULL`)).toEqual(['not_recognize', 'recognize', 'request_information']);
    expect(await values(`SELECT DISTINCT status AS v FROM referrals`)).toEqual(['accepted', 'cancelled', 'completed', 'declined', 'pending']);
    expect((await values(`SELECT DISTINCT service_type AS v FROM referrals`)).length).toBeGreaterThanOrEqual(10);
    expect(await values(`SELECT DISTINCT status AS v FROM placements`)).toEqual(['active', 'discharged']);
    expect(await values(`SELECT DISTINCT status AS v FROM visa_requests`)).toEqual(['denied', 'granted', 'requested', 'under_review', 'withdrawn']);
    const checkins = await rows<{ on_time: string; late: string; overdue: string; scheduled: string }>(`SELECT
        count(*) FILTER (WHERE status = 'done' AND recorded_at <= (due_date + 14 + interval '5 hours')) AS on_time,
        count(*) FILTER (WHERE status = 'done' AND recorded_at > (due_date + 14 + interval '5 hours')) AS late,
        count(*) FILTER (WHERE status = 'due' AND (due_date + 14 + interval '5 hours') < ${END}) AS overdue,
        count(*) FILTER (WHERE status = 'scheduled') AS scheduled FROM follow_up_checkins`);
    for (const kind of ['on_time', 'late', 'overdue', 'scheduled'] as const) expect(Number(checkins[0][kind])).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE status IN ('open', 'claimed') AND due_at < ${END} AND escalated`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM tasks WHERE status IN ('open', 'claimed') AND due_at >= ${END}`)).toBeGreaterThan(0);
    expect(await values(`SELECT DISTINCT status AS v FROM tasks`)).toEqual(['cancelled', 'claimed', 'done', 'open']);
    expect(await count(`SELECT count(*) AS n FROM closure_requests WHERE status = 'approved'`)).toBeGreaterThan(0);
  });

  it('holds the protocol\'s invariants', async () => {
    expect(await rows(`SELECT case_id FROM placements WHERE status = 'active' GROUP BY case_id HAVING count(*) > 1`)).toEqual([]);
    expect(await rows(`SELECT s.code FROM shelters s WHERE s.occupied > s.capacity
      OR s.occupied <> (SELECT count(*) FROM placements p WHERE p.shelter_id = s.id AND p.status = 'active')
      OR s.pending_referrals <> (SELECT count(*) FROM referrals r WHERE r.shelter_id = s.id AND r.status = 'pending')`)).toEqual([]);
    expect(await rows(`SELECT id FROM cases WHERE is_minor <> (age_group IN ('0-11', '12-17'))`)).toEqual([]);
    // Decisions with a quorum of three members of three agencies; a lead agency with a protection mandate on recognition.
    expect(await rows(`SELECT r.id FROM reviews r LEFT JOIN review_members m ON m.review_id = r.id WHERE r.status = 'decided'
      GROUP BY r.id HAVING count(*) <> 3 OR count(DISTINCT m.agency_code) <> 3`)).toEqual([]);
    expect(await rows(`SELECT r.id FROM reviews r LEFT JOIN agencies a ON a.code = r.lead_agency
      WHERE r.decision = 'recognize' AND NOT coalesce(a.protection_mandate, false)`)).toEqual([]);
    expect(await rows(`SELECT v.id FROM visa_requests v JOIN cases c ON c.id = v.case_id WHERE 'ECU' = ANY(c.nationality)`)).toEqual([]);
    // Every open task reaches people who may see its case (as test/suite-invariants.e2e-spec.ts checks for the suite).
    expect(await rows(`SELECT t.id FROM tasks t JOIN cases c ON c.id = t.case_id WHERE t.status IN ('open', 'claimed') AND NOT ${visibleCasesSql('c', {
      roles: 'ARRAY[t.addressee_role]', unit: 't.addressee_unit', agency: 't.addressee_agency', shelter: 't.addressee_shelter_id::text' })}`)).toEqual([]);
  });

  it('orders every timestamp as the protocol does', async () => {
    const late = (at: string) => `${at} >= ${END}`;
    const checks: Record<string, string> = {
      'identified after intake': `SELECT id FROM cases WHERE identification_date > (created_at - interval '5 hours')::date OR ${late('created_at')}`,
      'history before intake or after the end': `SELECT h.id FROM case_history h JOIN cases c ON c.id = h.case_id WHERE h.occurred_at < c.created_at OR ${late('h.occurred_at')}`,
      'history out of order': `SELECT id FROM (SELECT id, occurred_at < lag(occurred_at) OVER (PARTITION BY case_id ORDER BY id) AS back FROM case_history) h WHERE back`,
      'review decided before opened': `SELECT r.id FROM reviews r JOIN cases c ON c.id = r.case_id WHERE r.opened_at < c.created_at OR r.decided_at < r.opened_at OR ${late('r.decided_at')}`,
      'referral before its decision': `SELECT f.id FROM referrals f JOIN reviews r ON r.id = f.review_id WHERE f.created_at < r.decided_at`,
      'referral answered before made': `SELECT id FROM referrals WHERE responded_at < created_at OR ${late('responded_at')}`,
      'placement before its referral': `SELECT p.id FROM placements p JOIN referrals f ON f.id = p.referral_id WHERE p.admitted_at < f.created_at OR p.discharged_at < p.admitted_at`,
      'visa decided before requested': `SELECT id FROM visa_requests WHERE decided_at < requested_at OR issued_on <> (decided_at - interval '5 hours')::date OR ${late('decided_at')}`,
      'task done before created': `SELECT id FROM tasks WHERE completed_at < created_at OR due_at < created_at OR (escalated AND (escalated_at <> due_at OR ${late('escalated_at')}))`,
      'check-in before its plan': `SELECT k.id FROM follow_up_checkins k JOIN follow_up_plans p ON p.id = k.plan_id WHERE k.recorded_at < p.created_at OR ${late('k.recorded_at')}`,
      'closure before its request': `SELECT q.id FROM closure_requests q JOIN cases c ON c.id = q.case_id WHERE q.decided_at < q.requested_at
        OR (q.status = 'approved' AND (c.closed_at <> q.decided_at OR c.status <> 'closed')) OR ${late('q.decided_at')}`,
      'screening outside the case': `SELECT s.id FROM case_screenings s JOIN cases c ON c.id = s.case_id WHERE s.performed_at < c.created_at OR ${late('s.performed_at')}`,
      // One screening at intake and one for each re-screening in the history.
      'screenings not in the history': `SELECT c.id FROM cases c WHERE (SELECT count(*) FROM case_screenings s WHERE s.case_id = c.id)
        <> 1 + (SELECT count(*) FROM case_history h WHERE h.case_id = c.id AND h.action = 'screen')`,
      'anything after the end': `SELECT id::text FROM tasks WHERE ${late('created_at')} OR ${late('updated_at')}
        UNION ALL SELECT id::text FROM case_stakes WHERE ${late('created_at')}
        UNION ALL SELECT id::text FROM placements WHERE ${late('admitted_at')} OR ${late('discharged_at')}
        UNION ALL SELECT id::text FROM follow_up_plans WHERE ${late('created_at')}
        UNION ALL SELECT id::text FROM visa_requests WHERE ${late('requested_at')}
        UNION ALL SELECT id FROM timers WHERE fire_at < ${END} OR ${late('created_at')}`,
    };
    for (const [name, sql] of Object.entries(checks)) expect({ [name]: await rows(`${sql} LIMIT 3`) }).toEqual({ [name]: [] });
  });

  it('writes a history that the status machine allows, ending in the case\'s status', async () => {
    const history = await rows<{ case_id: string; action: string; from_status: string | null; to_status: string | null; status: string; first: string }>(
      `SELECT h.case_id, h.action, h.from_status, h.to_status, c.status,
         (SELECT CASE WHEN s.outcome = 'presumed_victim' THEN 'identified' ELSE 'screening' END FROM case_screenings s WHERE s.case_id = c.id
          ORDER BY s.performed_at LIMIT 1) AS first
       FROM case_history h JOIN cases c ON c.id = h.case_id WHERE h.to_status IS NOT NULL ORDER BY h.case_id, h.id`);
    const current = new Map<string, string>();
    const wrong: string[] = [];
    for (const h of history) {
      const from = current.get(h.case_id) ?? h.first;
      const rule = allowedAction(from as never, h.action);
      const targets = rule ? (Array.isArray(rule.to) ? rule.to : [rule.to]) : [];
      if (h.from_status !== from || !rule || !targets.includes(h.to_status as never)) wrong.push(`${h.case_id}: ${from} -${h.action}-> ${h.to_status}`);
      current.set(h.case_id, h.to_status!);
    }
    const last = await rows<{ id: string; status: string; first: string }>(`SELECT id, status,
      (SELECT CASE WHEN s.outcome = 'presumed_victim' THEN 'identified' ELSE 'screening' END FROM case_screenings s WHERE s.case_id = c.id
       ORDER BY s.performed_at LIMIT 1) AS first FROM cases c`);
    for (const c of last) if ((current.get(c.id) ?? c.first) !== c.status) wrong.push(`${c.id}: history ends in ${current.get(c.id) ?? c.first}, case is ${c.status}`);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('seals personal fields with the application\'s cipher and keyed hash', async () => {
    const cipher = t.app.get(FieldCipher);
    const mapper = new CaseRecordMapper(cipher);
    const cases = await rows<{ given_names_enc: string; family_names_enc: string; date_of_birth_enc: string | null; estimated_age: number | null;
      identification_date: string; age_group: string; name_dob_hash: string | null }>(
      `SELECT given_names_enc, family_names_enc, date_of_birth_enc, estimated_age, identification_date::text, age_group, name_dob_hash FROM cases`);
    const mismatched = cases.filter((c) => {
      const dob = cipher.decrypt(c.date_of_birth_enc);
      const group = ageGroup(ageAtIdentification({ dateOfBirth: dob, estimatedAge: c.estimated_age }, c.identification_date));
      const hash = dob ? mapper.nameDobHash(cipher.decrypt(c.given_names_enc), cipher.decrypt(c.family_names_enc), dob) : null;
      return group !== c.age_group || hash !== c.name_dob_hash || (dob === null) === (c.estimated_age === null);
    });
    expect(mismatched.length).toBe(0);
    const [doc] = await rows<{ number_enc: string; number_hash: string }>(`SELECT number_enc, number_hash FROM case_documents LIMIT 1`);
    expect(mapper.documentHash(cipher.decrypt(doc.number_enc))).toBe(doc.number_hash);
  });

  it('a committee member opens a generated case, its timeline and the case list', async () => {
    const [{ id }] = await rows<{ id: string }>(`SELECT c.id FROM cases c JOIN placements p ON p.case_id = c.id AND p.status = 'discharged'
      JOIN follow_up_plans f ON f.case_id = c.id ORDER BY c.case_number LIMIT 1`);
    const token = await t.login('committee.mdi');
    const contract = committedContract();
    const get = async (path: string) => {
      const res = await t.http().get(path).set('Authorization', `Bearer ${token}`).expect(200);
      expect(contract.check('GET', path.split('?')[0], res.status, res.headers['content-type'], Buffer.from(res.text)).violations).toEqual([]);
      return res.body;
    };
    const body = await get(`/api/v1/cases/${id}`);
    expect([...GIVEN_NAMES_FEMALE, ...GIVEN_NAMES_MALE]).toContain(body.victim.givenNames);
    expect(FAMILY_NAMES).toContain(body.victim.familyNames);
    expect(Object.values(CIRCUMSTANCES).flat()).toContain(body.identification.circumstances);
    expect(body.referrals.some((r: { serviceType: string }) => r.serviceType === 'shelter')).toBe(true);
    expect(body.followUp.checkins).toHaveLength(5);
    const timeline = await get(`/api/v1/cases/${id}/timeline?limit=200`);
    expect(timeline.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['intake', 'decide_recognize', 'discharge', 'create_follow_up_plan']));
    const list = await get(`/api/v1/cases?limit=50`);
    expect(list.items).toHaveLength(50);
  });
});
