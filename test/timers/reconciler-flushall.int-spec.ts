import { TimerReconciler } from '@ruta/tasks';
import Redis from 'ioredis';
import { Protocol } from '../referral/protocol';
import { waitFor } from '../support/app';
import { bootOnOwnRedis, ecuadorDate, MINUTE, plusDays, TimerHarness } from './harness';

interface PendingTimer { id: string; kind: string; subject_id: string; fire_ms: number }

/**
 * PRODUCT.md sections 9 and 10: the database holds the schedule; if the queue's Redis loses its data, the
 * reconciler restores the timers, and each still fires once, at its time. Everything is created over HTTP
 * as users would; then the test's own Redis is flushed.
 */
describe('Timers come back after Redis loses everything (FLUSHALL + reconciler)', () => {
  let h: TimerHarness;
  let p: Protocol;

  beforeAll(async () => {
    h = await bootOnOwnRedis('timers_flushall');
    p = new Protocol(h.t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'visa.mremh', 'focal.sdh');
  });
  afterAll(() => h?.close());

  /** A recognized foreign (VEN) victim, lead agency SDH, with the article 104 request the decision files. */
  const recognizedWithVisa = async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [{ serviceType: 'medical_care' }], requestVisa: true } }).expect(200);
    return caseId;
  };

  /** What a timer's firing leaves behind: the one task its handler creates. */
  const effects = async (timer: PendingTimer): Promise<number> => {
    const byKind: Record<string, [string, string]> = {
      task_due: [`type = 'escalation' AND parent_task_id = $1::uuid`, timer.subject_id],
      follow_up_checkin_due: [`type = 'follow_up_checkin' AND details->>'checkinId' = $1`, timer.subject_id],
      visa_expiry: [`type = 'visa_expiry' AND details->>'visaRequestId' = $1`, timer.subject_id],
      care_plan_stale: [`type = 'care_plan_review' AND details->>'carePlanId' = $1`, timer.subject_id],
    };
    const [where, param] = byKind[timer.kind];
    const [{ count }] = await h.ds.query(`SELECT count(*)::int AS count FROM tasks WHERE ${where}`, [param]);
    return count;
  };

  /** A timer has fired for this fire time: marked fired, or (care plans) already waiting for the next round. */
  const firedAt = async (timer: PendingTimer): Promise<Date | undefined> => {
    const [row] = await h.ds.query(
      `SELECT status, fired_at, (extract(epoch FROM fire_at) * 1000)::bigint::text AS fire_ms FROM timers WHERE id = $1`, [timer.id]);
    if (row.status === 'fired') return row.fired_at;
    // The staleness timer re-schedules itself 30 days on when it fires (care-plan.service onStale).
    if (timer.kind === 'care_plan_stale' && row.status === 'scheduled' && Number(row.fire_ms) > timer.fire_ms) return new Date(Number(row.fire_ms) - 30 * 24 * 3600_000);
    return undefined;
  };

  it('re-creates every lost job from the database, and each timer then fires exactly once, at its time', async () => {
    const today = ecuadorDate(h.clock.now());
    // 1. Work that leaves timers pending, created over HTTP.
    const withPlans = await recognizedWithVisa();
    // A care plan kept by the lead agency (no shelter): a care_plan_stale timer 30 days on.
    await h.t.http().put(`/api/v1/cases/${withPlans}/care-plan`).set(p.as('focal.sdh')).set('If-Match', '"0"')
      .send({ goals: [{ area: 'psychology', description: 'Acompañamiento', status: 'in_progress' }] }).expect(200);
    // A follow-up plan starting tomorrow: check-ins tomorrow (inside the reconciler's 24 h horizon) and a month later.
    await h.t.http().post(`/api/v1/cases/${withPlans}/follow-up-plan`).set(p.as('focal.sdh'))
      .send({ startDate: plusDays(today, 1), checkins: [{ monthsAfterStart: 0, agency: 'SDH' }, { monthsAfterStart: 1, agency: 'MSP' }] }).expect(201);
    // A granted visa expiring in 62 days: its visa_expiry timer is due in 2 days.
    const granted = await recognizedWithVisa();
    const visaId = (await h.t.http().get(`/api/v1/cases/${granted}`).set(p.as('committee.mdi')).expect(200)).body.visa.id;
    await h.t.http().post(`/api/v1/visa-requests/${visaId}/claim`).set(p.as('visa.mremh')).expect(200);
    await h.t.http().post(`/api/v1/visa-requests/${visaId}/grant`).set(p.as('visa.mremh'))
      .send({ visaNumber: 'V104-2026-000901', issuedOn: today, expiresOn: plusDays(today, 62) }).expect(200);

    await h.outboxDrained();
    const pending: PendingTimer[] = (await h.ds.query(
      `SELECT id, kind, subject_id, (extract(epoch FROM fire_at) * 1000)::bigint::text AS fire_ms FROM timers
       WHERE status = 'scheduled' ORDER BY fire_at, id`)).map((r: PendingTimer) => ({ ...r, fire_ms: Number(r.fire_ms) }));
    const kinds = new Set(pending.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['care_plan_stale', 'follow_up_checkin_due', 'task_due', 'visa_expiry']);
    // The open visa_decision task (case 1) and the referral_response task are among them.
    const [{ count: openTasks }] = await h.ds.query(`SELECT count(*)::int AS count FROM tasks WHERE status IN ('open', 'claimed') AND type IN ('visa_decision', 'referral_response')`);
    expect(openTasks).toBeGreaterThanOrEqual(3);
    for (const timer of pending) expect(await h.jobOf(timer.id, timer.fire_ms)).toBeDefined();

    // 2. Redis loses everything.
    const flusher = new Redis(h.redis.url, { maxRetriesPerRequest: 1 });
    try {
      await flusher.flushall();
      expect(await flusher.dbsize()).toBe(0);
    } finally {
      flusher.disconnect();
    }
    for (const timer of pending) expect(await h.jobOf(timer.id, timer.fire_ms)).toBeUndefined();

    // 3. The reconciler brings back every timer inside its horizon at once…
    const { added } = await h.t.app.get(TimerReconciler).reconcile();
    const horizon = h.clock.nowMs() + 24 * 3600_000;
    const soon = pending.filter((timer) => timer.fire_ms <= horizon);
    expect(soon.length).toBeGreaterThanOrEqual(1);
    for (const timer of soon) {
      expect({ timer: timer.id, job: (await h.jobOf(timer.id, timer.fire_ms)) !== undefined }).toEqual({ timer: timer.id, job: true });
    }
    expect(added).toBe(soon.length);

    // 4. …and the others as the clock reaches them. Each fires at its time: not a minute before, once.
    const fireTimes = [...new Set(pending.map((timer) => timer.fire_ms))];
    for (const fireMs of fireTimes) {
      const group = pending.filter((timer) => timer.fire_ms === fireMs);
      if (h.clock.nowMs() < fireMs - 2 * MINUTE) {
        await h.advanceTo(fireMs - 2 * MINUTE);
        await h.settled();
        for (const timer of group) {
          expect({ timer: timer.id, job: (await h.jobOf(timer.id, timer.fire_ms)) !== undefined }).toEqual({ timer: timer.id, job: true });
          expect({ timer: timer.id, fired: await firedAt(timer), effects: await effects(timer) }).toEqual({ timer: timer.id, fired: undefined, effects: 0 });
        }
      }
      await h.advanceTo(fireMs + MINUTE);
      for (const timer of group) {
        const when = await waitFor(() => firedAt(timer), 10000).catch(() => undefined);
        expect({ timer: timer.id, fired: when !== undefined }).toEqual({ timer: timer.id, fired: true });
        expect(when!.getTime()).toBeGreaterThanOrEqual(fireMs);
        expect(when!.getTime()).toBeLessThanOrEqual(fireMs + 2 * MINUTE);
      }
    }

    // 5. A day later, with every job long delivered and the reconciler run again: still one effect each.
    await h.advanceTo(h.clock.nowMs() + 24 * 3600_000);
    await h.t.app.get(TimerReconciler).reconcile();
    await h.settled();
    for (const timer of pending) {
      expect({ timer: timer.id, effects: await effects(timer) }).toEqual({ timer: timer.id, effects: 1 });
    }
    const taskDue = pending.filter((timer) => timer.kind === 'task_due').map((timer) => timer.subject_id);
    const audits: { subject_id: string; count: number }[] = await h.ds.query(
      `SELECT subject_id, count(*)::int AS count FROM audit_entries WHERE action = 'task.escalate' AND subject_id = ANY($1::text[]) GROUP BY subject_id`, [taskDue]);
    expect(audits.map((a) => a.count)).toEqual(taskDue.map(() => 1));
  });
});
