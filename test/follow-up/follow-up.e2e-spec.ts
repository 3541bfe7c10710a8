import { DataSource } from 'typeorm';
import { bootApp, TestApp, waitFor } from '../support/app';
import { Protocol } from '../referral/protocol';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Guayaquil', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe('One-year follow-up (PRODUCT.md section 9)', () => {
  let t: TestApp;
  let p: Protocol;
  let ds: DataSource;

  beforeAll(async () => {
    t = await bootApp();
    ds = t.app.get(DataSource);
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'focal.sdh', 'focal.msp', 'focal.mineduc', 'admin', 'auditor');
  });
  afterAll(() => t.close());

  const recognized = async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [], requestVisa: false } }).expect(200);
    return caseId;
  };

  it('creates the default plan (+1, +3, +6, +9, +12 months for the lead agency) and moves the case to follow_up', async () => {
    const caseId = await recognized();
    await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.msp')).send({ startDate: '2026-01-31' }).expect(404);
    await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('committee.mdi')).send({ startDate: '2026-01-31' }).expect(422);
    const plan = await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh')).send({ startDate: '2026-01-31' }).expect(201);
    expect(plan.body.startDate).toBe('2026-01-31');
    expect(plan.body.checkins.map((c: { dueDate: string }) => c.dueDate)).toEqual(['2026-02-28', '2026-04-30', '2026-07-31', '2026-10-31', '2027-01-31']);
    expect(plan.body.checkins.every((c: { agency: string }) => c.agency === 'SDH')).toBe(true);
    const view = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.sdh')).expect(200);
    expect(view.body.status).toBe('follow_up');
    await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh')).send({ startDate: '2026-01-31' }).expect(409);
    const audit = await t.http().get(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('auditor')).expect(200);
    expect(audit.body.checkins[0]).toEqual({ dueDate: '2026-02-28', status: expect.any(String), recordedAt: null });
  });

  it('puts a follow_up_checkin task in the assigned agency\'s queue when a check-in falls due, escalates two unreached in a row, and asks to close after the last', async () => {
    const caseId = await recognized();
    const start = today();
    const plan = await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh'))
      .send({ startDate: start, checkins: [{ monthsAfterStart: 0, agency: 'MSP' }, { monthsAfterStart: 1, agency: 'MSP' }, { monthsAfterStart: 2, agency: 'MINEDUC' }] }).expect(201);
    const [first, second, third] = plan.body.checkins;
    // MSP sees only its own check-ins.
    const msp = await t.http().get(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.msp')).expect(200);
    expect(msp.body.checkins.map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);

    // Due today: the reconciler brings the task.
    await t.http().post('/api/v1/_test/clock').set(p.as('admin')).send({ advanceBy: 'PT1M' }).expect(200);
    const due = await waitFor(async () => {
      const res = await t.http().get('/api/v1/tasks').query({ type: 'follow_up_checkin', caseId }).set(p.as('focal.msp')).expect(200);
      return res.body.items.length ? res.body.items : undefined;
    });
    expect(due).toHaveLength(1);
    await t.http().post(`/api/v1/follow-up/checkins/${first.id}/record`).set(p.as('focal.mineduc')).send({ outcome: 'stable' }).expect(404);
    await t.http().post(`/api/v1/follow-up/checkins/${first.id}/record`).set(p.as('focal.msp')).send({ outcome: 'not_reached', notes: 'Teléfono apagado' }).expect(200);
    await t.http().post(`/api/v1/follow-up/checkins/${first.id}/record`).set(p.as('focal.msp')).send({ outcome: 'stable' }).expect(409);
    // Reschedule the second to today and record it not reached again: escalation to the lead agency.
    await t.http().patch(`/api/v1/follow-up/checkins/${second.id}`).set(p.as('focal.sdh')).send({ dueDate: start }).expect(200);
    await t.http().post(`/api/v1/follow-up/checkins/${second.id}/record`).set(p.as('focal.msp')).send({ outcome: 'not_reached' }).expect(200);
    const escalations = await t.http().get('/api/v1/tasks').query({ type: 'escalation', caseId }).set(p.as('focal.sdh')).expect(200);
    expect(escalations.body.items).toHaveLength(1);
    // The last check-in asks the lead agency to close.
    await t.http().post(`/api/v1/follow-up/checkins/${third.id}/record`).set(p.as('focal.mineduc')).send({ outcome: 'stable', newNeeds: 'Beca escolar' }).expect(200);
    const close = await t.http().get('/api/v1/tasks').query({ type: 'follow_up_close', caseId }).set(p.as('focal.sdh')).expect(200);
    expect(close.body.items).toHaveLength(1);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM follow_up_checkins WHERE case_id = $1 AND status = 'done'`, [caseId]);
    expect(count).toBe(3);
    const [stored] = await ds.query(`SELECT notes_enc FROM follow_up_checkins WHERE id = $1`, [first.id]);
    expect(stored.notes_enc).not.toContain('Teléfono');
  });
});
