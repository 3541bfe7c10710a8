import { DataSource } from 'typeorm';
import { TestApp } from '../support/app';
import { Protocol, protocolApp } from './protocol';

interface CaseShelter {
  id: string; code: string; free: number; eligible: boolean;
  failedRules: { rule: string; message: { es: string; en: string }; minAge?: number | null; maxAge?: number | null; age?: number | null; sexes?: string[]; exploitationForms?: string[] }[];
}

/**
 * Each shelter's eligibility for a case comes from the API (PRODUCT.md section 7, issue 19): the same check
 * that refuses a shelter referral, read before sending, so that a client shows it and never decides it.
 */
describe('GET /cases/:id/shelters: every shelter with the case\'s eligibility for it', () => {
  let t: TestApp;
  let p: Protocol;
  let ds: DataSource;

  beforeAll(async () => {
    ({ t, p, ds } = await protocolApp(['officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'focal.msp', 'staff.casalinda',
      'auditor', 'visa.mremh', 'admin']));
  });
  afterAll(() => t.close());

  const shelters = async (caseId: string, user = 'committee.mdi'): Promise<Record<string, CaseShelter>> => {
    const res = await t.http().get(`/api/v1/cases/${caseId}/shelters`).query({ limit: 200 }).set(p.as(user)).expect(200);
    expect(res.body.nextCursor).toBeNull();
    return Object.fromEntries(res.body.items.map((s: CaseShelter) => [s.code, s]));
  };

  it('lists the shelters with occupancy, a girl eligible for Casa Linda and not for the adults\' shelter', async () => {
    const { caseId } = await p.underReview('girl');
    const all = await shelters(caseId);
    const board = (await t.http().get('/api/v1/shelters').query({ limit: 200 }).set(p.as('committee.mdi')).expect(200)).body.items;
    // The shelters of GET /shelters, each with two members more.
    expect(Object.keys(all).sort()).toEqual(board.map((s: { code: string }) => s.code).sort());
    const casaLinda = board.find((s: { code: string }) => s.code === 'casa_linda');
    expect(all.casa_linda).toEqual({ ...casaLinda, eligible: true, failedRules: [] });
    expect(all.sdh_casa_refugio.eligible).toBe(false);
    expect(all.sdh_casa_refugio.failedRules).toEqual([{
      rule: 'age', minAge: 18, maxAge: null, age: expect.any(Number),
      message: { es: expect.stringContaining('Admite edades 18-∞'), en: expect.stringContaining('Admits ages 18-∞') },
    }]);
    expect(all.sdh_casa_refugio.failedRules[0].age).toBeLessThan(18);
  });

  it('names every rule an adult man exploited for labour fails, with what each rule compared', async () => {
    const { caseId } = await p.underReview('adult_man');
    const { casa_linda: casaLinda } = await shelters(caseId);
    expect(casaLinda.eligible).toBe(false);
    expect(casaLinda.failedRules.map((f) => f.rule)).toEqual(['sex', 'age', 'exploitation_form']);
    expect(casaLinda.failedRules[0]).toMatchObject({ sexes: ['female'] });
    expect(casaLinda.failedRules[1]).toMatchObject({ minAge: 0, maxAge: 17, age: expect.any(Number) });
    expect(casaLinda.failedRules[2]).toMatchObject({ exploitationForms: ['sexual_exploitation'] });
  });

  it('ages an estimated age by the years since identification, as the refusal of a referral does', async () => {
    // Estimated 16 at an identification years ago: an adult today, so Casa Linda (0-17) does not admit her.
    // (The web app once took the estimate as today's age and called her eligible.)
    const older = await p.underReview('girl', { estimatedAge: 16, identificationDate: '2023-01-10' });
    const { casa_linda: casaLinda, sdh_casa_refugio: adults } = await shelters(older.caseId);
    expect(casaLinda.eligible).toBe(false);
    expect(casaLinda.failedRules).toEqual([expect.objectContaining({ rule: 'age', minAge: 0, maxAge: 17 })]);
    const age = casaLinda.failedRules[0].age!;
    expect(age).toBeGreaterThanOrEqual(19);
    expect(casaLinda.failedRules[0].message.en).toBe(`Admits ages 0-17; the person is ${age}`);
    expect(adults).toMatchObject({ eligible: true, failedRules: [] });
    // Creating the referral is refused for the same rule, with the same age.
    const refused = await p.decide(older.reviewId, {
      decision: 'recognize', leadAgency: 'MIES', plan: { referrals: [{ serviceType: 'shelter', shelterId: casaLinda.id }], requestVisa: false },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('not_eligible');
    expect(refused.body.failedRules).toEqual(casaLinda.failedRules);

    // Estimated 15 at an identification this season: still 15, and Casa Linda admits her.
    const recent = await p.underReview('girl', { estimatedAge: 15 });
    expect((await shelters(recent.caseId)).casa_linda).toMatchObject({ eligible: true, failedRules: [] });
  });

  it('answers only those who may refer: 404 for a case the caller may not see, 403 for other roles, 401 signed out', async () => {
    const { caseId } = await p.underReview('girl');
    await t.http().get(`/api/v1/cases/${caseId}/shelters`).set(p.as('focal.msp')).expect(404);
    await t.http().get(`/api/v1/cases/${caseId}/shelters`).set(p.as('staff.casalinda')).expect(404);
    for (const user of ['officer.rumichaca', 'auditor', 'visa.mremh', 'admin']) {
      const res = await t.http().get(`/api/v1/cases/${caseId}/shelters`).set(p.as(user));
      expect([user, res.status]).toEqual([user, 403]);
    }
    await t.http().get(`/api/v1/cases/${caseId}/shelters`).expect(401);
    await t.http().get('/api/v1/cases/00000000-0000-4000-8000-000000000000/shelters').set(p.as('committee.mdi')).expect(404);
    await t.http().get('/api/v1/cases/not-an-id/shelters').set(p.as('committee.mdi')).expect(400);
    // Reading it changes nothing: no referral, no task for the shelters.
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM referrals WHERE case_id = $1`, [caseId]);
    expect(count).toBe(0);
  });
});
