import { intake } from '../identification/fixtures';
import { Protocol } from '../referral/protocol';
import { bootApp, TestApp } from '../support/app';

/*
 * Finding 4 of the security review (audit gaps on reads): a duplicate check tells an officer that a person
 * they may not see is known, and the follow-up plan is case content; both must leave an audit entry.
 */
describe('Reads that reveal case content are audited', () => {
  let t: TestApp;
  let p: Protocol;

  beforeAll(async () => {
    t = await bootApp();
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'officer.quito', 'committee.mdi', 'committee.mies', 'committee.sdh', 'focal.sdh', 'visa.mremh', 'auditor');
  });
  afterAll(() => t.close());

  const entries = async (query: Record<string, string>) => {
    const res = await t.http().get('/api/v1/audit').query({ limit: 200, ...query }).set(p.as('auditor')).expect(200);
    return res.body.items as { action: string; actorUsername?: string; caseId: string | null; details: Record<string, unknown> }[];
  };

  it('audits POST /cases/duplicates-check, with the cases it showed and how many it hid', async () => {
    const body = intake({ document: `DUP-${Date.now()}` });
    const created = await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(body).expect(201);
    const before = (await entries({ action: 'case.duplicates_check' })).length;
    const own = await t.http().post('/api/v1/cases/duplicates-check').set(p.as('officer.rumichaca')).send({ victim: body.victim }).expect(200);
    expect(own.body.matches).toEqual([expect.objectContaining({ caseId: created.body.id, match: 'document' })]);
    const other = await t.http().post('/api/v1/cases/duplicates-check').set(p.as('officer.quito')).send({ victim: body.victim }).expect(200);
    expect(other.body.matches).toEqual([{ match: 'document', visible: false }]);
    const after = await entries({ action: 'case.duplicates_check' });
    expect(after.length).toBe(before + 2);
    expect(after.map((e) => e.details)).toEqual(expect.arrayContaining([
      { visibleCaseIds: [created.body.id], hiddenMatches: 0 },
      { visibleCaseIds: [], hiddenMatches: 1 },
    ]));
  });

  it('audits GET /cases/:id/follow-up-plan', async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [], requestVisa: false } }).expect(200);
    await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh')).send({ startDate: '2026-01-31' }).expect(201);
    await t.http().get(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh')).expect(200);
    const reads = (await entries({ caseId })).filter((e) => e.action === 'follow_up.plan_read');
    expect(reads).toHaveLength(1);
  });

  it('audits GET /visa-requests with the request id and the cases it listed', async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [], requestVisa: true } }).expect(200);
    const res = await t.http().get('/api/v1/visa-requests').query({ limit: 200 }).set(p.as('visa.mremh')).expect(200);
    expect(res.body.items.map((v: { caseId: string }) => v.caseId)).toContain(caseId);
    const listed = await entries({ action: 'visa.list' }) as unknown as { requestId: string | null; details: { caseIds: string[] } }[];
    const entry = listed.find((e) => e.requestId === res.headers['x-request-id']);
    expect(entry?.details.caseIds).toContain(caseId);
  });
});
