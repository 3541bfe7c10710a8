import { randomUUID } from 'node:crypto';
import { FIRE_TIMER_JOB, FireTimerJob, TASK_DUE_TIMER, TasksService, TIMER_QUEUE, TimerRegistry, TimerService, timerJobId } from '@ruta/tasks';
import { Job, QueueEvents, Worker } from 'bullmq';
import { waitFor } from '../support/app';
import { bootOnOwnRedis, MINUTE, TimerHarness } from './harness';

/** A timer kind of the test's own, whose handler is NOT idempotent: each call creates a task. */
const PROBE = 'test_probe';
const DAY = 24 * 3600_000;

/**
 * BullMQ delivers at least once (STYLE.md, "Jobs"): the same timer job may arrive twice, from two workers,
 * a retry, or a job re-added. Two guards keep the effect single: TimerService.fire marks a timer fired
 * only while it is scheduled, and TasksRepository.markEscalated flags a task only while it is not escalated.
 */
describe('A timer delivered more than once has one effect', () => {
  let h: TimerHarness;
  let timers: TimerService;
  let tasks: TasksService;
  let registry: TimerRegistry;
  let events: QueueEvents;

  beforeAll(async () => {
    h = await bootOnOwnRedis('timers_duplicates');
    timers = h.t.app.get(TimerService);
    tasks = h.t.app.get(TasksService);
    registry = h.t.app.get(TimerRegistry);
    registry.register(PROBE, async (m, subjectId) => {
      await tasks.create(m, {
        type: 'find_alternative', dueAt: new Date(h.clock.nowMs() + 30 * DAY), addressee: { role: 'service_focal_point', agency: 'MDT' },
        details: { probe: subjectId },
      });
    });
    events = new QueueEvents(TIMER_QUEUE, { connection: { host: '127.0.0.1', port: h.redis.port, maxRetriesPerRequest: null }, prefix: h.prefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await h?.close();
  });

  const probeTasks = async (subjectId: string): Promise<number> => {
    const [{ count }] = await h.ds.query(`SELECT count(*)::int AS count FROM tasks WHERE details->>'probe' = $1`, [subjectId]);
    return count;
  };
  const timerStatus = async (id: string): Promise<string> => (await h.ds.query(`SELECT status FROM timers WHERE id = $1`, [id]))[0].status;

  /** Adds a copy of a timer's job under its own id (a duplicate delivery) and waits for what the worker made of it. */
  const deliver = async (timerId: string, fireAtMs: number, jobId: string): Promise<string> => {
    const job: Job<FireTimerJob> = await h.queue.add(FIRE_TIMER_JOB, { timerId, fireAtMs }, { jobId, removeOnComplete: true, attempts: 1 });
    return job.waitUntilFinished(events, 10000);
  };

  it('fires once when five deliveries of the same job arrive at the same moment', async () => {
    const subject = randomUUID();
    const id = TimerService.timerId(PROBE, subject);
    const fireAt = new Date(h.clock.nowMs() - MINUTE);
    // The timer row as scheduling leaves it, without its outbox message: only the test delivers it.
    await h.ds.query(`INSERT INTO timers (id, kind, subject_id, fire_at) VALUES ($1, $2, $3, $4)`, [id, PROBE, subject, fireAt]);
    const results = await Promise.all(Array.from({ length: 5 }, () => timers.fire(id, fireAt.getTime())));
    expect(results.filter((r) => r === 'fired')).toHaveLength(1);
    expect(results.filter((r) => r === 'stale')).toHaveLength(4);
    expect(await probeTasks(subject)).toBe(1);
    expect(await timerStatus(id)).toBe('fired');
  });

  it('fires once when its job runs on two workers at once, and again when the job is re-added after it completed', async () => {
    // A second worker on the same queue and Redis, beside the API's inline one (another worker process).
    const second = new Worker<FireTimerJob, string>(TIMER_QUEUE, (job) => timers.fire(job.data.timerId, job.data.fireAtMs),
      { connection: { host: '127.0.0.1', port: h.redis.port, maxRetriesPerRequest: null }, prefix: h.prefix, concurrency: 4 });
    try {
      await second.waitUntilReady();
      const subject = randomUUID();
      const fireAt = new Date(h.clock.nowMs() - MINUTE);
      const id = await h.ds.transaction((m) => timers.schedule(m, { kind: PROBE, subjectId: subject, fireAt }));
      // The outbox relay enqueues the timer's own job; four copies race it on the two workers.
      const copies = await Promise.all([1, 2, 3, 4].map((n) => deliver(id, fireAt.getTime(), `${timerJobId(id, fireAt.getTime())}-copy${n}`)));
      await waitFor(async () => (await timerStatus(id)) === 'fired');
      await h.outboxDrained();
      await waitFor(async () => (await h.jobOf(id, fireAt.getTime())) === undefined, 10000);
      expect(copies.filter((r) => r === 'fired').length).toBeLessThanOrEqual(1);
      expect(await probeTasks(subject)).toBe(1);

      // The timer's own job delivered again after it completed (a retry, or the relay re-sending it).
      expect(await deliver(id, fireAt.getTime(), timerJobId(id, fireAt.getTime()))).toBe('stale');
      expect(await probeTasks(subject)).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('escalates an overdue task once, however often its due timer is delivered (markEscalated)', async () => {
    const task = await h.ds.transaction((m) => tasks.create(m, {
      type: 'complaint_acknowledgement', dueAt: new Date(h.clock.nowMs() - MINUTE), addressee: { role: 'service_focal_point', agency: 'FGE' },
    }));
    const timerId = TimerService.timerId(TASK_DUE_TIMER, task.id);
    const escalations = async () => (await h.ds.query(`SELECT id FROM tasks WHERE parent_task_id = $1`, [task.id])).length;
    // First delivery: the real path (outbox, BullMQ, the inline worker).
    await waitFor(async () => (await timerStatus(timerId)) === 'fired');
    expect(await escalations()).toBe(1);

    // The task_due handler delivered again, once and then three times at once, each in its own transaction
    // (TimerService.fire's own guard is out of the way here: this is the handler's guard alone). Each is a
    // quiet no-op: not a second escalation, and not an error (tasks_one_escalation_idx would refuse a second
    // escalation, but a delivery that throws is retried and ends as a failed job).
    const handler = registry.handlerFor(TASK_DUE_TIMER)!;
    await expect(h.ds.transaction((m) => handler(m, task.id, h.clock.now()))).resolves.toBeUndefined();
    const parallel = await Promise.allSettled([1, 2, 3].map(() => h.ds.transaction((m) => handler(m, task.id, h.clock.now()))));
    expect(parallel.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(await escalations()).toBe(1);

    // The same task's due timer scheduled again after it fired (status back to scheduled) and delivered again.
    const dueMs = Date.parse(task.dueAt);
    await h.ds.transaction((m) => timers.schedule(m, { kind: TASK_DUE_TIMER, subjectId: task.id, fireAt: new Date(dueMs) }));
    await h.outboxDrained();
    await waitFor(async () => (await timerStatus(timerId)) === 'fired');
    expect(await deliver(timerId, dueMs, `${timerJobId(timerId, dueMs)}-again`)).toBe('stale');

    expect(await escalations()).toBe(1);
    const [flag] = await h.ds.query(`SELECT escalated FROM tasks WHERE id = $1`, [task.id]);
    expect(flag.escalated).toBe(true);
    const [{ count }] = await h.ds.query(`SELECT count(*)::int AS count FROM audit_entries WHERE action = 'task.escalate' AND subject_id = $1`, [task.id]);
    expect(count).toBe(1);
  });
});
