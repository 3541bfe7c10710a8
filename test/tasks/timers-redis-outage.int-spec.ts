import { DataSource } from 'typeorm';
import { OutboxRelay, TasksService } from '@ruta/tasks';
import { bootApp, TestApp, waitFor } from '../support/app';
import { backgroundSettled } from '../support/settle';
import { PrivateRedis, startPrivateRedis } from '../support/redis-server';

/**
 * Fault test on a Redis of its own (never the machine's shared one): with Redis stopped a task is still
 * created, and once Redis is back its timer fires exactly once.
 */
describe('Timers survive a Redis outage (transactional outbox)', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    t = await bootApp({ REDIS_URL: redis.url, REDIS_PREFIX: 'ruta-outage' });
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  it('creates the task while Redis is down and fires its timer exactly once when Redis is back', async () => {
    await redis.stop();
    const tasks = t.app.get(TasksService);
    const dueAt = new Date(Date.now() + 1500);
    const task = await ds.transaction((m) => tasks.create(m, {
      type: 'complaint_acknowledgement', dueAt, addressee: { role: 'service_focal_point', agency: 'FGE' },
    }));
    expect(task.status).toBe('open');
    // Past its due time, a round of the relay finds Redis down and leaves the message waiting: the timer
    // cannot have fired.
    await waitFor(async () => Date.now() > dueAt.getTime(), 10000, 20);
    expect(await t.app.get(OutboxRelay).relayOnce()).toBe(0);
    const [pending] = await ds.query(
      `SELECT relayed_at, attempts FROM outbox WHERE payload->>'timerId' = $1`, [`task_due:${task.id}`]);
    expect(pending.relayed_at).toBeNull();
    const [stillScheduled] = await ds.query(`SELECT status FROM timers WHERE id = $1`, [`task_due:${task.id}`]);
    expect(stillScheduled.status).toBe('scheduled');

    redis = await startPrivateRedis(redis.port);
    const [fired] = await waitFor(async () => {
      const rows = await ds.query(`SELECT status FROM timers WHERE id = $1 AND status = 'fired'`, [`task_due:${task.id}`]);
      return rows.length ? rows : undefined;
    }, 20000);
    expect(fired.status).toBe('fired');
    // Every delivery there is (relay retries, reconciler) taken and run before the effects are counted.
    await backgroundSettled(t);
    const escalations = await ds.query(`SELECT id FROM tasks WHERE parent_task_id = $1`, [task.id]);
    expect(escalations).toHaveLength(1);
    const [{ count }] = await ds.query(
      `SELECT count(*)::int AS count FROM audit_entries WHERE action = 'task.escalate' AND subject_id = $1`, [task.id]);
    expect(count).toBe(1);
    const [relayed] = await ds.query(`SELECT relayed_at FROM outbox WHERE payload->>'timerId' = $1`, [`task_due:${task.id}`]);
    expect(relayed.relayed_at).not.toBeNull();
  });
});
