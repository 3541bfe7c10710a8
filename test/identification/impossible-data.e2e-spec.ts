import { DataSource } from 'typeorm';
import { ecuadorDate } from '@ruta/case';
import { Clock } from '@ruta/core';
import { bootApp, TestApp } from '../support/app';
import { intake, POSSIBLE_ANSWERS } from './fixtures';

type Body = ReturnType<typeof intake> & { victim: Record<string, unknown>; identification: Record<string, unknown>; consent: Record<string, unknown> };
interface Problem { status: number; body: { code: string; errors?: { path: string; message: string }[] } }

/**
 * Data that cannot be true is refused with a problem naming the path, and changes nothing
 * (issue 9, finding 8; PRODUCT.md sections 4 and 13).
 */
describe('Impossible data on intake, case changes and consent (issue 9, finding 8)', () => {
  let t: TestApp;
  let ds: DataSource;
  let today: string;
  let tomorrow: string;
  const tok: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tok[user]}` });

  beforeAll(async () => {
    t = await bootApp();
    ds = t.app.get(DataSource);
    // "Today" is the app's clock in Ecuador's time zone, whatever the test clock says.
    const now = t.app.get(Clock).now();
    today = ecuadorDate(now);
    tomorrow = ecuadorDate(new Date(now.getTime() + 24 * 3600_000));
    for (const u of ['officer.rumichaca', 'committee.mdi']) tok[u] = await t.login(u);
  });
  afterAll(() => t.close());

  const body = (change: (b: Body) => void): Body => {
    const b = intake({ answers: POSSIBLE_ANSWERS }) as Body;
    change(b);
    return b;
  };
  const countCases = async () => (await ds.query(`SELECT count(*)::int AS n FROM cases`))[0].n as number;

  /** POST /cases must answer `status` with an error at `path`, and create no case. */
  async function refusedIntake(b: Body, status: number, path: string, code?: string): Promise<Problem> {
    const before = await countCases();
    const res = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(b);
    expect({ status: res.status, paths: (res.body.errors ?? []).map((e: { path: string }) => e.path) })
      .toEqual({ status, paths: expect.arrayContaining([path]) });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (code) expect(res.body.code).toBe(code);
    expect(await countCases()).toBe(before);
    return res;
  }

  /** A case of officer.rumichaca's unit, to change. */
  async function newCase() {
    const res = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(intake({ answers: POSSIBLE_ANSWERS })).expect(201);
    return res.body as { id: string; version: number };
  }

  /** PATCH /cases/:id must answer `status` naming `path`, and leave the case as it was. */
  async function refusedPatch(change: Record<string, unknown>, status: number, path: string) {
    const c = await newCase();
    const before = await t.http().get(`/api/v1/cases/${c.id}`).set(as('officer.rumichaca')).expect(200);
    const res = await t.http().patch(`/api/v1/cases/${c.id}`).set(as('officer.rumichaca')).set('If-Match', `"${c.version}"`).send(change);
    expect({ status: res.status, paths: (res.body.errors ?? []).map((e: { path: string }) => e.path) })
      .toEqual({ status, paths: expect.arrayContaining([path]) });
    const after = await t.http().get(`/api/v1/cases/${c.id}`).set(as('officer.rumichaca')).expect(200);
    expect(after.body).toEqual(before.body);
  }

  it('refuses a date of birth before 1900 (400), on intake, on PATCH and in the duplicate check', async () => {
    await refusedIntake(body((b) => { b.victim.dateOfBirth = '1800-01-01'; }), 400, 'victim.dateOfBirth', 'validation_failed');
    await refusedPatch({ victim: { dateOfBirth: '1899-12-31' } }, 400, 'victim.dateOfBirth');
    const check = await t.http().post('/api/v1/cases/duplicates-check').set(as('officer.rumichaca')).send({ victim: { givenNames: 'A', familyNames: 'B', dateOfBirth: '1800-01-01' } });
    expect(check.status).toBe(400);
  });

  it('refuses a date of birth that makes the person older than 120 on the identification date (422)', async () => {
    await refusedIntake(body((b) => { b.victim.dateOfBirth = '1901-01-01'; }), 422, 'victim.dateOfBirth', 'invalid_date');
  });

  it('refuses a date of birth in the future, by the clock in Ecuador (422)', async () => {
    const res = await refusedIntake(body((b) => { b.victim.dateOfBirth = tomorrow; b.identification.date = today; }), 422, 'victim.dateOfBirth', 'invalid_date');
    expect(res.body.errors).toContainEqual({ path: 'victim.dateOfBirth', message: 'is in the future' });
    await refusedPatch({ victim: { dateOfBirth: tomorrow } }, 422, 'victim.dateOfBirth');
  });

  it('refuses an estimated age outside 0..120 (400)', async () => {
    await refusedIntake(body((b) => { delete b.victim.dateOfBirth; b.victim.estimatedAge = 121; }), 400, 'victim.estimatedAge');
    await refusedIntake(body((b) => { delete b.victim.dateOfBirth; b.victim.estimatedAge = -1; }), 400, 'victim.estimatedAge');
    await refusedPatch({ victim: { estimatedAge: 500 } }, 400, 'victim.estimatedAge');
  });

  it('refuses a date of birth and an estimated age together: the contract takes one or the other (400)', async () => {
    await refusedIntake(body((b) => { b.victim.estimatedAge = 30; }), 400, 'victim.estimatedAge');
    await refusedPatch({ victim: { dateOfBirth: '1998-03-14', estimatedAge: 30 } }, 400, 'victim.estimatedAge');
  });

  it('refuses an identification date before 2000 (400) or in the future (422)', async () => {
    await refusedIntake(body((b) => { b.identification.date = '1800-01-01'; }), 400, 'identification.date', 'validation_failed');
    await refusedIntake(body((b) => { b.identification.date = tomorrow; }), 422, 'identification.date', 'invalid_date');
    await refusedPatch({ identification: { date: '1999-12-31' } }, 400, 'identification.date');
  });

  it('refuses a nationality or an issuing country that is not an ISO 3166-1 alpha-3 code (nor, for a nationality, ICAO\'s XXA, XXB, XXC, XXX) (400)', async () => {
    await refusedIntake(body((b) => { b.victim.nationality = ['VEN', 'XXZ']; }), 400, 'victim.nationality');
    await refusedIntake(body((b) => { b.victim.nationality = ['ven']; }), 400, 'victim.nationality');
    await refusedIntake(body((b) => { (b.victim.documents as { issuingCountry: string }[])[0].issuingCountry = 'XXX'; }), 400, 'victim.documents.0.issuingCountry');
    await refusedPatch({ victim: { nationality: ['ZZZ'] } }, 400, 'victim.nationality');
    await refusedPatch({ victim: { documents: [{ type: 'passport', number: 'P1', issuingCountry: 'XXX' }] } }, 400, 'victim.documents.0.issuingCountry');
  });

  it('refuses languages that are not ISO 639-3 codes (400)', async () => {
    await refusedIntake(body((b) => { b.victim.languages = ['es']; }), 400, 'victim.languages');
    await refusedPatch({ victim: { languages: ['SPA'] } }, 400, 'victim.languages');
  });

  it('refuses accompanying children whose count and ages disagree, or ages that are not those of a child (400)', async () => {
    await refusedIntake(body((b) => { b.victim.accompanyingChildren = { count: 2, ages: [3] }; }), 400, 'victim.accompanyingChildren.ages');
    await refusedIntake(body((b) => { b.victim.accompanyingChildren = { count: 1, ages: [18] }; }), 400, 'victim.accompanyingChildren.ages');
    await refusedIntake(body((b) => { b.victim.accompanyingChildren = { count: 1, ages: [2.5] }; }), 400, 'victim.accompanyingChildren.ages');
    await refusedPatch({ victim: { accompanyingChildren: { count: 0, ages: [4, 6] } } }, 400, 'victim.accompanyingChildren.ages');
    // Agreeing count and ages are kept.
    const ok = await t.http().post('/api/v1/cases').set(as('officer.rumichaca'))
      .send(body((b) => { b.victim.accompanyingChildren = { count: 2, ages: [0, 17] }; })).expect(201);
    expect(ok.body.victim.accompanyingChildren).toEqual({ count: 2, ages: [0, 17] });
  });

  it('refuses consent.shareWith codes of agencies that do not exist (422 unknown_agency), on intake and on a consent change', async () => {
    const res = await refusedIntake(body((b) => { b.consent.shareWith = ['MIES', 'ZZZ']; }), 422, 'consent.shareWith[1]', 'unknown_agency');
    expect(res.body.errors).toEqual([{ path: 'consent.shareWith[1]', message: expect.stringContaining('ZZZ') }]);
    const c = await newCase();
    const consents = async () => (await ds.query(`SELECT count(*)::int AS n FROM case_consents WHERE case_id = $1`, [c.id]))[0].n as number;
    const before = await consents();
    const refused = await t.http().post(`/api/v1/cases/${c.id}/consent`).set(as('officer.rumichaca')).send({ shareWith: ['NOPE', 'MSP'] });
    expect({ status: refused.status, code: refused.body.code, errors: refused.body.errors })
      .toEqual({ status: 422, code: 'unknown_agency', errors: [{ path: 'shareWith[0]', message: expect.stringContaining('NOPE') }] });
    expect(await consents()).toBe(before);
    const after = await t.http().get(`/api/v1/cases/${c.id}`).set(as('officer.rumichaca')).expect(200);
    expect(after.body.version).toBe(c.version);
    expect(after.body.consent.shareWith).toEqual(['MIES']);
    // Existing agencies are still accepted.
    const ok = await t.http().post(`/api/v1/cases/${c.id}/consent`).set(as('officer.rumichaca')).send({ shareWith: ['MSP', 'MIES'] }).expect(200);
    expect(ok.body.consent.shareWith).toEqual(['MSP', 'MIES']);
  });

  it('refuses a complaint notified before 2000 (400) or in the future (422)', async () => {
    const c = await newCase();
    const old = await t.http().post(`/api/v1/cases/${c.id}/complaint`).set(as('officer.rumichaca')).send({ notifiedOn: '1800-01-01' });
    expect({ status: old.status, paths: old.body.errors?.map((e: { path: string }) => e.path) }).toEqual({ status: 400, paths: ['notifiedOn'] });
    const future = await t.http().post(`/api/v1/cases/${c.id}/complaint`).set(as('officer.rumichaca')).send({ notifiedOn: tomorrow });
    expect({ status: future.status, paths: future.body.errors?.map((e: { path: string }) => e.path) }).toEqual({ status: 422, paths: ['notifiedOn'] });
    const after = await t.http().get(`/api/v1/cases/${c.id}`).set(as('officer.rumichaca')).expect(200);
    expect(after.body.version).toBe(c.version);
  });

  it('refuses document numbers without a letter or digit, and names of blanks only (400)', async () => {
    await refusedIntake(body((b) => { (b.victim.documents as { number: string }[])[0].number = ' -/- '; }), 400, 'victim.documents.0.number');
    await refusedIntake(body((b) => { b.victim.givenNames = '   '; }), 400, 'victim.givenNames');
    await refusedIntake(body((b) => { b.victim.familyNames = '\t'; }), 400, 'victim.familyNames');
    await refusedIntake(body((b) => { b.identification.circumstances = '  '; }), 400, 'identification.circumstances');
    await refusedIntake(body((b) => { b.victim.documents = [{ type: 'passport', number: 'P-1', issuingCountry: 'VEN' }, { type: 'passport', number: 'p1', issuingCountry: 'VEN' }]; }), 400, 'victim.documents');
    await refusedPatch({ victim: { givenNames: ' ' } }, 400, 'victim.givenNames');
  });
});
