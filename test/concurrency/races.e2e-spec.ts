import { DataSource } from 'typeorm';
import { bootApp, TestApp } from '../support/app';
import { intake } from '../identification/fixtures';
import { Protocol } from '../referral/protocol';

/** Real parallel requests on the same record: the database lets exactly one through (PRODUCT.md section 13). */
describe('Races on one record', () => {
  let t: TestApp;
  let p: Protocol;
  let ds: DataSource;

  beforeAll(async () => {
    t = await bootApp();
    ds = t.app.get(DataSource);
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'committee.mremh', 'staff.casalinda', 'focal.mies', 'admin');
    const casaLinda = await p.shelterId('casa_linda');
    await t.http().post('/api/v1/users').set(p.as('admin')).send({
      username: 'staff.casalinda.race', displayName: 'Técnica, Casa Linda', password: 'Race-Condition-2026', agency: 'MIES', roles: ['shelter_staff'], shelterId: casaLinda,
    }).expect(201);
    p.tokens['staff.casalinda.race'] = await t.login('staff.casalinda.race', 'Race-Condition-2026');
  });
  afterAll(() => t.close());

  const statuses = (answers: { status: number }[]) => answers.map((a) => a.status).sort();

  it('two updates of a case with the same If-Match: one 200, one 409', async () => {
    const created = await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(intake()).expect(201);
    const answers = await Promise.all(['spa', 'eng'].map((lang) => t.http().patch(`/api/v1/cases/${created.body.id}`)
      .set(p.as('officer.rumichaca')).set('If-Match', '"1"').send({ victim: { languages: [lang] } })));
    expect(statuses(answers)).toEqual([200, 409]);
    const [{ version }] = await ds.query(`SELECT version FROM cases WHERE id = $1`, [created.body.id]);
    expect(version).toBe(2);
  });

  it('two decisions on the same review: one 200, one 409, one set of referrals', async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    const answers = await Promise.all(['committee.mdi', 'committee.mremh'].map((user) =>
      p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [{ serviceType: 'psychological_care' }], requestVisa: false } }, user)));
    expect(statuses(answers)).toEqual([200, 409]);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM referrals WHERE case_id = $1`, [caseId]);
    expect(count).toBe(1);
  });

  it('two staff accept the same shelter referral at once: one placement', async () => {
    const casaLinda = await p.shelterId('casa_linda');
    const { caseId, reviewId } = await p.underReview('girl');
    const decision = await p.decide(reviewId, { decision: 'recognize', leadAgency: 'MIES', plan: { referrals: [{ serviceType: 'shelter', shelterId: casaLinda }], requestVisa: false } }).expect(200);
    const referralId = decision.body.createdReferralIds[0];
    const before = (await p.shelter('casa_linda')).occupied;
    const answers = await Promise.all(['staff.casalinda', 'staff.casalinda.race'].map((user) =>
      t.http().post(`/api/v1/referrals/${referralId}/accept`).set(p.as(user)).send({})));
    expect(statuses(answers)).toEqual([200, 409]);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM placements WHERE case_id = $1`, [caseId]);
    expect(count).toBe(1);
    expect((await p.shelter('casa_linda')).occupied).toBe(before + 1);
  });

  it('two committee members approve the same closure at once: the case closes once', async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    await p.decide(reviewId, { decision: 'recognize', leadAgency: 'MIES', plan: { referrals: [], requestVisa: false } }).expect(200);
    const request = await t.http().post(`/api/v1/cases/${caseId}/closure-requests`).set(p.as('focal.mies')).send({ reason: 'lost_contact' }).expect(201);
    const answers = await Promise.all(['committee.sdh', 'committee.mdi'].map((user) =>
      t.http().post(`/api/v1/closure-requests/${request.body.id}/approve`).set(p.as(user))));
    expect(statuses(answers)).toEqual([200, 409]);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM case_history WHERE case_id = $1 AND action = 'approve_closure'`, [caseId]);
    expect(count).toBe(1);
  });
});
