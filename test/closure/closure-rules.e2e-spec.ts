import { DataSource } from 'typeorm';
import { bootApp, TestApp } from '../support/app';
import { Protocol } from '../referral/protocol';

// What closing a case does (PRODUCT.md section 4, issue 20 point 9): refused while the person is placed
// (discharge first), at the request and again at the approval; on approval the referrals not yet accepted
// are cancelled with reason case_closed and their tasks end, accepted service referrals complete, and an
// article 104 request not yet decided goes on, with its task and the visa officer's part in the case.
describe('Closing a case with its referrals, placement and visa request', () => {
  let t: TestApp;
  let p: Protocol;
  let ds: DataSource;
  let caseId: string;
  const referral = (id: string) => t.http().get(`/api/v1/cases/${caseId}/referrals`).set(p.as('committee.mdi')).expect(200)
    .then((r) => (r.body.items as { id: string; status: string; cancelReason: string | null }[]).find((x) => x.id === id)!);
  const openTasks = async (): Promise<string[]> => (await ds.query(
    `SELECT type FROM tasks WHERE case_id = $1 AND status IN ('open', 'claimed') ORDER BY type`, [caseId])).map((r: { type: string }) => r.type);
  const placement = async (): Promise<string> => (await ds.query(
    `SELECT id FROM placements WHERE case_id = $1 AND status = 'active'`, [caseId]))[0]?.id;
  const discharge = (id: string) => t.http().post(`/api/v1/placements/${id}/discharge`).set(p.as('staff.casalinda'))
    .send({ reason: 'left_voluntarily' }).expect(200);

  let shelterReferral: string;
  let medical: string;
  let legal: string;
  let visaId: string;

  beforeAll(async () => {
    t = await bootApp();
    ds = t.app.get(DataSource);
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'staff.casalinda', 'focal.mies', 'focal.msp', 'visa.mremh');
    const casaLinda = await p.shelterId('casa_linda');
    const review = await p.underReview('girl', { nationality: ['XXA'] });
    caseId = review.caseId;
    const decision = await p.decide(review.reviewId, {
      decision: 'recognize', leadAgency: 'MIES',
      plan: { referrals: [{ serviceType: 'shelter', shelterId: casaLinda }, { serviceType: 'medical_care' }, { serviceType: 'legal_advice' }], requestVisa: true },
    });
    if (decision.status !== 200) throw new Error(JSON.stringify(decision.body));
    [shelterReferral, medical, legal] = decision.body.createdReferralIds;
    await t.http().post(`/api/v1/referrals/${shelterReferral}/accept`).set(p.as('staff.casalinda')).send({}).expect(200);
    await t.http().post(`/api/v1/referrals/${medical}/accept`).set(p.as('focal.msp')).send({}).expect(200);
    const [visa] = await ds.query(`SELECT id FROM visa_requests WHERE case_id = $1`, [caseId]);
    visaId = visa.id;
  });
  afterAll(() => t.close());

  it('refuses a closure request while the person is placed, and creates nothing', async () => {
    const refused = await t.http().post(`/api/v1/cases/${caseId}/closure-requests`).set(p.as('focal.mies')).send({ reason: 'declined_assistance' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'active_placement', status: 409 });
    expect(refused.body.detail).toMatch(/egreso/);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM closure_requests WHERE case_id = $1`, [caseId]);
    expect(n).toBe(0);
    expect(await openTasks()).not.toContain('closure_approval');
  });

  it('refuses the approval too when someone was placed after the request', async () => {
    await discharge(await placement());
    const request = await t.http().post(`/api/v1/cases/${caseId}/closure-requests`).set(p.as('focal.mies')).send({ reason: 'declined_assistance' }).expect(201);
    // A new shelter referral, accepted while the request waits: the person is placed again.
    const again = await t.http().post(`/api/v1/cases/${caseId}/referrals`).set(p.as('committee.mdi'))
      .send({ serviceType: 'shelter', shelterId: await p.shelterId('casa_linda'), reason: 'Vuelve a necesitar acogida' }).expect(201);
    await t.http().post(`/api/v1/referrals/${again.body.id}/accept`).set(p.as('staff.casalinda')).send({}).expect(200);
    const refused = await t.http().post(`/api/v1/closure-requests/${request.body.id}/approve`).set(p.as('committee.sdh'));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('active_placement');
    const after = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.mdi')).expect(200);
    expect(after.body.status).not.toBe('closed');
    await discharge(await placement());
  });

  it('on approval cancels referrals not yet accepted (case_closed), completes accepted services, and keeps the undecided visa request', async () => {
    const [pending] = await ds.query(`SELECT id FROM closure_requests WHERE case_id = $1 AND status = 'pending'`, [caseId]);
    expect(await openTasks()).toEqual(expect.arrayContaining(['referral_response', 'visa_decision']));
    await t.http().post(`/api/v1/closure-requests/${pending.id}/approve`).set(p.as('committee.sdh')).expect(200);
    const closed = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.mdi')).expect(200);
    expect(closed.body.status).toBe('closed');

    expect(await referral(legal)).toMatchObject({ status: 'cancelled', cancelReason: 'case_closed' });
    expect(await referral(medical)).toMatchObject({ status: 'completed', cancelReason: null });
    expect(await referral(shelterReferral)).toMatchObject({ status: 'completed', cancelReason: null });
    const [legalTask] = await ds.query(`SELECT t.status FROM tasks t JOIN referrals r ON r.response_task_id = t.id WHERE r.id = $1`, [legal]);
    expect(legalTask.status).toBe('done');
    const timeline = await t.http().get(`/api/v1/cases/${caseId}/timeline`).query({ limit: 200 }).set(p.as('committee.mdi')).expect(200);
    const cancelled = timeline.body.items.find((i: { action: string; details: Record<string, unknown> }) => i.action === 'referral_cancel' && i.details.referralId === legal);
    expect(cancelled.details).toMatchObject({ reason: 'case_closed' });

    // Only the visa decision goes on; the visa officer still sees the case and decides the request.
    expect(await openTasks()).toEqual(['visa_decision']);
    await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('visa.mremh')).expect(200);
    await t.http().post(`/api/v1/visa-requests/${visaId}/claim`).set(p.as('visa.mremh')).expect(200);
    const issuedOn = new Date().toISOString().slice(0, 10);
    const granted = await t.http().post(`/api/v1/visa-requests/${visaId}/grant`).set(p.as('visa.mremh'))
      .send({ visaNumber: 'V104-2026-000104', issuedOn }).expect(200);
    expect(granted.body.status).toBe('granted');
    expect(await openTasks()).toEqual([]);
  });
});
