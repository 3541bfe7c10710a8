import { DataSource } from 'typeorm';
import { TestApp, waitFor } from '../support/app';
import { backgroundSettled } from '../support/settle';
import { Protocol, protocolApp } from '../referral/protocol';

/**
 * PRODUCT.md sections 8 and 9 end to end, as their users meet them, with the test clock moving the whole
 * application through months: nothing here calls a service directly.
 */
describe('Regularization and follow-up over months of the test clock (PRODUCT.md sections 8 and 9)', () => {
  let t: TestApp;
  let p: Protocol;
  let ds: DataSource;

  beforeAll(async () => ({ t, p, ds } = await protocolApp(
    ['officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'visa.mremh', 'focal.sdh', 'focal.msp', 'admin'])));
  afterAll(() => t.close());

  /** Moves the application's clock; answers its new time. */
  const advance = async (advanceBy: string): Promise<Date> => {
    const res = await t.http().post('/api/v1/_test/clock').set(p.as('admin')).send({ advanceBy }).expect(200);
    return new Date(res.body.now);
  };
  /** The application's calendar date in Ecuador, and that date plus some days. */
  const ecuadorDate = (at: Date, plusDays = 0) => new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Guayaquil', year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(new Date(at.getTime() + plusDays * 86400_000));

  type Task = { id: string; type: string; status: string; escalated: boolean; overdue: boolean; addressee: { role: string; agency: { code: string } | null }; details: Record<string, unknown> };
  const tasks = async (user: string, query: Record<string, string>): Promise<Task[]> =>
    (await t.http().get('/api/v1/tasks').query({ ...query, limit: 200 }).set(p.as(user)).expect(200)).body.items;
  const taskAppears = (user: string, query: Record<string, string>, count = 1) =>
    waitFor(async () => {
      const items = await tasks(user, query);
      return items.length >= count ? items : undefined;
    });
  /** Waits until every timer of the case's tasks and subjects that is due by the app clock has fired. */
  const timersSettled = (ids: string[]) => waitFor(async () => {
    const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM timers WHERE id = ANY($1) AND status = 'scheduled' AND fire_at <= $2`,
      [ids, await appNow()]);
    return pending === 0 ? true : undefined;
  });
  const appNow = async () => advance('PT0S');

  const recognized = async (leadAgency = 'SDH') => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    await p.decide(reviewId, { decision: 'recognize', leadAgency, plan: { referrals: [], requestVisa: false } }).expect(200);
    return caseId;
  };

  it('escalates a visa_decision to the committee once it is overdue past its 15 days, and not before', async () => {
    const caseId = await recognized();
    const filed = await t.http().post(`/api/v1/cases/${caseId}/visa-requests`).set(p.as('committee.mdi')).expect(201);
    const [decision] = await tasks('visa.mremh', { type: 'visa_decision', caseId });
    expect(decision.addressee).toMatchObject({ role: 'visa_officer', agency: { code: 'MREMH' } });
    const timer = `task_due:${decision.id}`;

    // Fourteen days and 23 hours: not overdue, nothing escalated.
    await advance('P14DT23H');
    await backgroundSettled(t);
    expect(await tasks('committee.mies', { type: 'escalation', caseId })).toEqual([]);
    const [waiting] = await ds.query(`SELECT status FROM timers WHERE id = $1`, [timer]);
    expect(waiting.status).toBe('scheduled');

    // Past the fifteenth day: one escalation for the committee (any member, any agency), the decision flagged.
    await advance('PT2H');
    const [escalation] = await taskAppears('committee.mies', { type: 'escalation', caseId });
    expect(escalation).toMatchObject({ addressee: { role: 'committee_member', agency: null }, details: { escalatedTaskId: decision.id, escalatedTaskType: 'visa_decision' } });
    const [flagged] = await tasks('visa.mremh', { type: 'visa_decision', caseId });
    expect(flagged).toMatchObject({ escalated: true, overdue: true });

    // The request is still decided as usual; more days bring no second escalation.
    await advance('P5D');
    await timersSettled([timer, `task_due:${escalation.id}`]);
    expect(await tasks('committee.sdh', { type: 'escalation', caseId })).toHaveLength(1);
    await t.http().post(`/api/v1/visa-requests/${filed.body.id}/claim`).set(p.as('visa.mremh')).expect(200);
  });

  it('gives the lead agency a visa_expiry task 60 days before the visa expires, not a day earlier', async () => {
    const caseId = await recognized('SDH');
    const filed = await t.http().post(`/api/v1/cases/${caseId}/visa-requests`).set(p.as('committee.mdi')).expect(201);
    await t.http().post(`/api/v1/visa-requests/${filed.body.id}/claim`).set(p.as('visa.mremh')).expect(200);
    const now = await appNow();
    const issuedOn = ecuadorDate(now);
    const expiresOn = ecuadorDate(now, 100);
    await t.http().post(`/api/v1/visa-requests/${filed.body.id}/grant`).set(p.as('visa.mremh'))
      .send({ visaNumber: 'V104-EXP-1', issuedOn, expiresOn }).expect(200);
    const timer = `visa_expiry:${filed.body.id}`;
    const [scheduled] = await ds.query(`SELECT fire_at FROM timers WHERE id = $1`, [timer]);
    // Start of the day 60 days before expiry, in Ecuador (UTC-5).
    expect(scheduled.fire_at.toISOString()).toBe(`${ecuadorDate(new Date(Date.parse(`${expiresOn}T12:00:00Z`)), -60)}T05:00:00.000Z`);

    // Day 39 after issue: 61 days before expiry, nothing yet.
    await advance('P39D');
    await backgroundSettled(t);
    expect(await tasks('focal.sdh', { type: 'visa_expiry', caseId })).toEqual([]);

    // Day 40: 60 days before expiry, the lead agency's focal points get it; nobody else does.
    await advance('P1D');
    const [expiry] = await taskAppears('focal.sdh', { type: 'visa_expiry', caseId });
    expect(expiry.addressee).toMatchObject({ role: 'service_focal_point', agency: { code: 'SDH' } });
    expect(expiry.details).toMatchObject({ visaRequestId: filed.body.id, expiresOn });
    expect(await tasks('focal.msp', { type: 'visa_expiry', caseId })).toEqual([]);
    await advance('P3D');
    await timersSettled([timer]);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM tasks WHERE case_id = $1 AND type = 'visa_expiry'`, [caseId]);
    expect(count).toBe(1);
  });

  it('runs the default one-year plan: two not_reached in a row escalate, the +12 check-in leads to closure', async () => {
    const caseId = await recognized('SDH');
    const start = ecuadorDate(await appNow());
    const plan = await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh')).send({ startDate: start }).expect(201);
    const checkins: { id: string; dueDate: string }[] = plan.body.checkins;
    expect(checkins).toHaveLength(5);

    const notReachedTwice = async () => (await tasks('focal.sdh', { type: 'escalation', caseId }))
      .filter((e) => e.details.reason === 'follow_up_not_reached_twice');
    /** Moves the clock to the check-in's due date, finds its task, records the outcome. */
    const checkIn = async (index: number, outcome: 'stable' | 'needs_support' | 'not_reached') => {
      const { id, dueDate } = checkins[index];
      const now = await appNow();
      const days = Math.round((Date.parse(`${dueDate}T12:00:00Z`) - Date.parse(`${ecuadorDate(now)}T12:00:00Z`)) / 86400_000);
      if (days > 1) await advance(`P${days - 1}D`);
      await backgroundSettled(t);
      // The day before: no task for this check-in yet.
      expect((await tasks('focal.sdh', { type: 'follow_up_checkin', caseId })).filter((x) => x.details.checkinId === id)).toEqual([]);
      await advance('P1D');
      const [task] = await waitFor(async () => {
        const items = (await tasks('focal.sdh', { type: 'follow_up_checkin', caseId })).filter((x) => x.details.checkinId === id);
        return items.length > 0 ? items : undefined;
      });
      expect(task.addressee).toMatchObject({ role: 'service_focal_point', agency: { code: 'SDH' } });
      await t.http().post(`/api/v1/follow-up/checkins/${id}/record`).set(p.as('focal.sdh')).send({ outcome }).expect(200);
      const [done] = await ds.query(`SELECT status FROM tasks WHERE id = $1`, [task.id]);
      expect(done.status).toBe('done');
    };

    await checkIn(0, 'not_reached'); // +1 month
    expect(await notReachedTwice()).toEqual([]);
    await checkIn(1, 'not_reached'); // +3 months: the second in a row
    const escalations = await notReachedTwice();
    expect(escalations).toHaveLength(1);
    expect(escalations[0].addressee).toMatchObject({ role: 'service_focal_point', agency: { code: 'SDH' } });
    await checkIn(2, 'stable'); // +6
    await checkIn(3, 'not_reached'); // +9: after a stable one, not two in a row
    expect(await notReachedTwice()).toHaveLength(1);
    expect(await tasks('focal.sdh', { type: 'follow_up_close', caseId })).toEqual([]);
    await checkIn(4, 'stable'); // +12
    const [close] = await tasks('focal.sdh', { type: 'follow_up_close', caseId });
    expect(close).toMatchObject({ status: 'open', addressee: { role: 'service_focal_point', agency: { code: 'SDH' } } });

    // The lead agency requests closure as follow_up_completed: that is the work the task asked for.
    const request = await t.http().post(`/api/v1/cases/${caseId}/closure-requests`).set(p.as('focal.sdh')).send({ reason: 'follow_up_completed' }).expect(201);
    const [closeDone] = await ds.query(`SELECT status FROM tasks WHERE id = $1`, [close.id]);
    expect(closeDone.status).toBe('done');
    await t.http().post(`/api/v1/closure-requests/${request.body.id}/approve`).set(p.as('committee.mies')).expect(200);
    const closed = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.mies')).expect(200);
    expect(closed.body.status).toBe('closed');
  });

  it('shows the lead agency the new needs found at a check-in, and lets it start a referral for them', async () => {
    const caseId = await recognized('SDH');
    const start = ecuadorDate(await appNow());
    const plan = await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh'))
      .send({ startDate: start, checkins: [{ monthsAfterStart: 1, agency: 'MSP' }, { monthsAfterStart: 12, agency: 'SDH' }] }).expect(201);
    const [health] = plan.body.checkins;
    await advance('P32D');
    await waitFor(async () => {
      const items = (await tasks('focal.msp', { type: 'follow_up_checkin', caseId })).filter((x) => x.details.checkinId === health.id);
      return items.length > 0 ? items : undefined;
    });
    await t.http().post(`/api/v1/follow-up/checkins/${health.id}/record`).set(p.as('focal.msp'))
      .send({ outcome: 'needs_support', notes: 'Ansiedad persistente', newNeeds: 'Atención psicológica semanal' }).expect(200);

    // The lead agency reads the needs on the plan; the auditor's view keeps them out.
    const seen = await t.http().get(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh')).expect(200);
    expect(seen.body.checkins[0]).toMatchObject({ id: health.id, outcome: 'needs_support', newNeeds: 'Atención psicológica semanal' });
    const [stored] = await ds.query(`SELECT new_needs_enc FROM follow_up_checkins WHERE id = $1`, [health.id]);
    expect(stored.new_needs_enc).not.toContain('psicológica');

    // The case is in follow-up, and the lead agency refers for the need; the health focal point, who only
    // recorded the check-in, may not refer on the lead agency's behalf.
    const referral = { serviceType: 'psychological_care', agency: 'MSP', reason: 'Necesidad registrada en el seguimiento' };
    const refused = await t.http().post(`/api/v1/cases/${caseId}/referrals`).set(p.as('focal.msp')).send(referral);
    expect([403, 404, 422]).toContain(refused.status);
    const created = await t.http().post(`/api/v1/cases/${caseId}/referrals`).set(p.as('focal.sdh')).send(referral).expect(201);
    expect(created.body).toMatchObject({ caseId, serviceType: 'psychological_care', status: 'pending', agency: { code: 'MSP' } });
    const [response] = await taskAppears('focal.msp', { type: 'referral_response', caseId });
    expect(response.details).toMatchObject({ referralId: created.body.id });
    const view = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('focal.sdh')).expect(200);
    expect(view.body.status).toBe('follow_up');
  });
});
