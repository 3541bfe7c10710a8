import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RedisNamespace } from '@ruta/core';
import { TasksService, TIMER_QUEUE, timerJobId } from '@ruta/tasks';
import { PrivateRedis, startPrivateRedis } from '../support/redis-server';
import { bootApp, freshDatabase, TestApp, waitFor } from '../support/app';
import { RutaProcess, startRutaProcess, stopAll } from '../support/processes';
import { queueIdle } from '../support/settle';

/**
 * Issue 12: a worker process killed (SIGKILL) in the middle of a timer job. BullMQ delivers at least once:
 * the dead worker's job is retried by the next worker's stalled-job check, and the database decides that
 * the timer fires exactly once. Killed while the job's transaction is open, nothing is lost (the retry
 * fires the timer); killed after that transaction committed but before Redis heard the job was done,
 * nothing happens twice (the retry finds the timer fired). Real worker processes, a Redis of this suite's own;
 * the in-process API (no worker of its own) creates the tasks.
 */
describe('A worker killed in the middle of a timer job', () => {
  let redis: PrivateRedis;
  let redisClient: Redis;
  let db: Record<string, string>;
  let t: TestApp;
  let ds: DataSource;
  let owner: Client;
  let queue: Queue;
  let worker: RutaProcess | undefined;
  // Its own chain head: the run's belongs to the run's database.
  const headFile = join(__dirname, '..', '..', '.data', `audit-head-worker-sigkill-${process.pid}.json`);

  const workerEnv = () => ({
    ...db, REDIS_URL: redis.url, AUDIT_HEAD_FILE: headFile,
    // A dead worker's job comes back within seconds; the reconciler stays out of it (the job still exists).
    TIMER_JOB_LOCK_MS: '1000', TIMER_RECONCILE_INTERVAL_MS: '3600000', OUTBOX_RELAY_INTERVAL_MS: '100', LOG_LEVEL: 'warn',
  });

  /** A task due in two seconds; resolves its id, timer id and job id. */
  const taskDueSoon = async () => {
    const task = await ds.transaction((m) => t.app.get(TasksService).create(m, {
      type: 'complaint_acknowledgement', dueAt: new Date(Date.now() + 2000), addressee: { role: 'service_focal_point', agency: 'FGE' },
    }));
    const timerId = `task_due:${task.id}`;
    const [{ fire_ms: fireMs }] = await ds.query(
      `SELECT (extract(epoch FROM fire_at) * 1000)::bigint::text AS fire_ms FROM timers WHERE id = $1`, [timerId]);
    return { taskId: task.id, timerId, jobId: timerJobId(timerId, Number(fireMs)) };
  };

  /** The job's handler waits for the task row the test holds (its timer update done): the worker is in the middle of the job. */
  const handlerWaitingOnLock = () => waitFor(async () => {
    if (worker!.child.exitCode !== null) throw new Error(`the worker exited:\n${worker!.output().slice(-4000)}`);
    const rows = await owner.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pg_backend_pid() = ANY(pg_blocking_pids(pid))`);
    return rows.rowCount! > 0;
  }, 15000, 50);

  const effects = async (taskId: string) => {
    const [{ escalations }] = await ds.query(`SELECT count(*)::int AS escalations FROM tasks WHERE parent_task_id = $1`, [taskId]);
    const [{ audits }] = await ds.query(
      `SELECT count(*)::int AS audits FROM audit_entries WHERE action = 'task.escalate' AND subject_id = $1`, [taskId]);
    return { escalations, audits };
  };

  const timer = async (timerId: string) => {
    const [row] = await ds.query(`SELECT status, fired_at FROM timers WHERE id = $1`, [timerId]);
    return row as { status: string; fired_at: Date | null };
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    redisClient = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    db = await freshDatabase('worker_sigkill');
    t = await bootApp({ ...db, REDIS_URL: redis.url, RUTA_INLINE_WORKER: '0', AUDIT_HEAD_FILE: headFile });
    ds = t.app.get(DataSource);
    owner = new Client({ connectionString: db.DATABASE_URL });
    await owner.connect();
    // A queue handle on the suite's Redis under the instance's prefix, to look at the job.
    queue = new Queue(TIMER_QUEUE, { connection: { host: '127.0.0.1', port: redis.port }, prefix: t.app.get(RedisNamespace).prefix });
  }, 120_000);

  afterAll(async () => {
    await stopAll();
    await redisClient?.call('CLIENT', 'UNPAUSE').catch(() => undefined);
    await queue?.close();
    await owner?.end();
    await t?.close();
    rmSync(headFile, { force: true });
    redisClient?.disconnect();
    await redis?.stop();
  });

  it('killed while the job\'s transaction is open: the job is retried and the timer fires once, nothing lost', async () => {
    worker = await startRutaProcess('worker', workerEnv());
    const { taskId, timerId, jobId } = await taskDueSoon();
    await owner.query('BEGIN');
    await owner.query(`SELECT id FROM tasks WHERE id = $1 FOR UPDATE`, [taskId]);
    await handlerWaitingOnLock();
    await worker.kill('SIGKILL');
    await owner.query('ROLLBACK');
    // The killed worker's transaction rolled back with its connection: the timer is still to fire.
    expect((await timer(timerId)).status).toBe('scheduled');
    expect(await (await queue.getJob(jobId))?.getState()).toBe('active');

    worker = await startRutaProcess('worker', workerEnv());
    await waitFor(async () => (await timer(timerId)).status === 'fired', 20000);
    await waitFor(async () => !(await queue.getJob(jobId)), 10000);
    expect(await effects(taskId)).toEqual({ escalations: 1, audits: 1 });
  });

  it('killed after the job\'s transaction committed, before Redis heard of it: the retry changes nothing', async () => {
    worker ??= await startRutaProcess('worker', workerEnv());
    const { taskId, timerId, jobId } = await taskDueSoon();
    await owner.query('BEGIN');
    await owner.query(`SELECT id FROM tasks WHERE id = $1 FOR UPDATE`, [taskId]);
    await handlerWaitingOnLock();
    // Redis takes no writes for a while: the worker can commit its transaction but not report the job done.
    await redisClient.call('CLIENT', 'PAUSE', '30000', 'WRITE');
    await owner.query('COMMIT');
    await waitFor(async () => (await timer(timerId)).status === 'fired', 10000, 50);
    const firedAt = (await timer(timerId)).fired_at;
    // Committed, and Redis refuses the worker's report that the job is done: killed now, before it can be.
    await worker.kill('SIGKILL');
    await redisClient.call('CLIENT', 'UNPAUSE');
    expect(await (await queue.getJob(jobId))?.getState()).toBe('active');
    expect(await effects(taskId)).toEqual({ escalations: 1, audits: 1 });

    worker = await startRutaProcess('worker', workerEnv());
    // The next worker takes the stalled job again and completes it (completed jobs are removed).
    await waitFor(async () => !(await queue.getJob(jobId)), 20000);
    await waitFor(() => queueIdle(queue), 10000, 25);
    const after = await timer(timerId);
    expect(after.status).toBe('fired');
    // Fired once: the retried delivery found it fired (stale) and did not fire it again.
    expect(after.fired_at).toEqual(firedAt);
    expect(await effects(taskId)).toEqual({ escalations: 1, audits: 1 });
  });
});
