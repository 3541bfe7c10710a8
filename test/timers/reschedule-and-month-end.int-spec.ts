import { Protocol } from '../referral/protocol';
import { waitFor } from '../support/app';
import { bootOnOwnRedis, ecuadorDate, MINUTE, plusDays, startOfEcuadorDay, TimerHarness } from './harness';

const CHECKIN_TIMER = 'follow_up_checkin_due';

/**
 * PRODUCT.md section 9: check-ins at +1, +3, +6, +9 and +12 months, a task in the agency's queue the day
 * one falls due (a day in Ecuador), and rescheduling moves the timer: the old time fires nothing.
 */
describe('Follow-up check-ins fire on their day: rescheduled, and at the end of short months', () => {
  let h: TimerHarness;
  let p: Protocol;

  beforeAll(async () => {
    h = await bootOnOwnRedis('timers_month_end');
    p = new Protocol(h.t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'focal.sdh');
  });
  afterAll(() => h?.close());

  const recognized = async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [], requestVisa: false } }).expect(200);
    return caseId;
  };

  /** The check-in tasks the lead agency (SDH) sees in its queue for one check-in. */
  const checkinTasks = async (caseId: string, checkinId: string): Promise<number> => {
    const res = await h.t.http().get('/api/v1/tasks').query({ type: 'follow_up_checkin', caseId, limit: 200 }).set(p.as('focal.sdh')).expect(200);
    return res.body.items.filter((i: { details: { checkinId?: string } }) => i.details.checkinId === checkinId).length;
  };

  const timerOf = async (checkinId: string): Promise<{ status: string; fire_ms: number; fired_at: Date | null }> => {
    const [row] = await h.ds.query(`SELECT status, fired_at, (extract(epoch FROM fire_at) * 1000)::bigint::text AS fire_ms FROM timers WHERE id = $1`,
      [`${CHECKIN_TIMER}:${checkinId}`]);
    return { ...row, fire_ms: Number(row.fire_ms) };
  };

  const plan = async (caseId: string) =>
    (await h.t.http().get(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh')).expect(200)).body as { checkins: { id: string; dueDate: string }[] };

  /**
   * Two minutes before the check-in's day starts in Ecuador: nothing, even when its job is delivered early
   * (a worker whose clock runs ahead, a premature retry: here the test promotes the delayed job); a minute
   * after: its one task.
   */
  const firesOn = async (caseId: string, checkinId: string, date: string) => {
    const start = startOfEcuadorDay(date).getTime();
    const timerId = `${CHECKIN_TIMER}:${checkinId}`;
    await h.advanceTo(start - 2 * MINUTE);
    await h.settled();
    const nothingYet = async () => expect({ checkinId, date, tasks: await checkinTasks(caseId, checkinId), timer: (await timerOf(checkinId)).status })
      .toEqual({ checkinId, date, tasks: 0, timer: 'scheduled' });
    await nothingYet();
    const early = await h.jobOf(timerId, start);
    expect({ checkinId, date, job: early !== undefined }).toEqual({ checkinId, date, job: true });
    await early!.promote();
    await waitFor(async () => {
      const job = await h.jobOf(timerId, start);
      return job === undefined || job.attemptsMade >= 1;
    }, 10000);
    await nothingYet();
    await h.advanceTo(start + MINUTE);
    const appeared = await waitFor(() => checkinTasks(caseId, checkinId), 10000).catch(() => 0);
    const timer = await timerOf(checkinId);
    expect({ checkinId, date, tasks: appeared, timer: timer.status, firedOn: timer.fired_at && ecuadorDate(timer.fired_at) })
      .toEqual({ checkinId, date, tasks: 1, timer: 'fired', firedOn: date });
  };

  it('fires a rescheduled check-in at its new time only: the old job is stale', async () => {
    const caseId = await recognized();
    const today = ecuadorDate(h.clock.now());
    const oldDate = plusDays(today, 3);
    const newDate = plusDays(today, 6);
    const created = await h.t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh'))
      .send({ startDate: oldDate, checkins: [{ monthsAfterStart: 0, agency: 'SDH' }] }).expect(201);
    const checkinId: string = created.body.checkins[0].id;
    const timerId = `${CHECKIN_TIMER}:${checkinId}`;
    const oldMs = startOfEcuadorDay(oldDate).getTime();
    await h.outboxDrained();
    const oldJob = await h.jobOf(timerId, oldMs);
    expect(oldJob).toBeDefined();

    const moved = await h.t.http().patch(`/api/v1/follow-up/checkins/${checkinId}`).set(p.as('focal.sdh')).send({ dueDate: newDate }).expect(200);
    expect(moved.body.checkins[0].dueDate).toBe(newDate);
    expect((await plan(caseId)).checkins[0].dueDate).toBe(newDate);
    await h.outboxDrained();
    expect(await h.jobOf(timerId, startOfEcuadorDay(newDate).getTime())).toBeDefined();

    // Past the old time: the old job arrives (Redis delivers it at its time; the test clock is ahead of
    // Redis's, so the test promotes it) and does nothing.
    await h.advanceTo(oldMs + 60 * MINUTE);
    const stillDelayed = await oldJob!.isDelayed().catch(() => false);
    if (stillDelayed) await oldJob!.promote();
    await waitFor(async () => (await h.jobOf(timerId, oldMs)) === undefined, 10000).catch(() => undefined);
    expect({ oldJobInRedis: (await h.jobOf(timerId, oldMs)) !== undefined, tasks: await checkinTasks(caseId, checkinId), timer: (await timerOf(checkinId)).status })
      .toEqual({ oldJobInRedis: false, tasks: 0, timer: 'scheduled' });

    // At the new time: exactly one.
    await firesOn(caseId, checkinId, newDate);
    await h.advanceTo(h.clock.nowMs() + 24 * 3600_000);
    await h.settled();
    const [{ count }] = await h.ds.query(`SELECT count(*)::int AS count FROM tasks WHERE type = 'follow_up_checkin' AND details->>'checkinId' = $1`, [checkinId]);
    expect(count).toBe(1);
  });

  it('clamps check-ins of a plan started on the 31st to the end of shorter months (29 February in a leap year), and each falls due on that day', async () => {
    const plain = await recognized();
    const leap = await recognized();
    for (const [caseId, startDate] of [[plain, '2027-01-31'], [leap, '2028-01-31']]) {
      await h.t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh')).send({ startDate }).expect(201);
    }
    const plainPlan = await plan(plain);
    const leapPlan = await plan(leap);
    // Written by hand from the calendar, not computed: +1, +3, +6, +9, +12 months of the 31st of January.
    expect(plainPlan.checkins.map((c) => c.dueDate)).toEqual(['2027-02-28', '2027-04-30', '2027-07-31', '2027-10-31', '2028-01-31']);
    expect(leapPlan.checkins.map((c) => c.dueDate)).toEqual(['2028-02-29', '2028-04-30', '2028-07-31', '2028-10-31', '2029-01-31']);

    // The clock walks through them in order; each task appears on its day in Ecuador, not a minute before.
    const all = [...plainPlan.checkins.map((c) => ({ caseId: plain, ...c })), ...leapPlan.checkins.map((c) => ({ caseId: leap, ...c }))]
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    for (const c of all.filter((x) => x.dueDate <= '2028-04-30')) await firesOn(c.caseId, c.id, c.dueDate);
  });
});
