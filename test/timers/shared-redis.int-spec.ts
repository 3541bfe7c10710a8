import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FIRE_TIMER_JOB, TasksService, TIMER_JOB_OPTIONS, TIMER_QUEUE, timerJobId } from '@ruta/tasks';
import { startRutaProcess, stopAll } from '../support/processes';
import { PrivateRedis, startPrivateRedis } from '../support/redis-server';
import { bootApp, freshDatabase, TestApp, waitFor } from '../support/app';
import { backgroundSettled } from '../support/settle';

/**
 * Issue 12: two Ruta installations that share a Redis (another checkout, a training copy) must never take
 * each other's timer jobs (PRODUCT.md section 14). On a redis-server of this suite's own, two instances with
 * databases of their own: with REDIS_PREFIX unset each derives a prefix of its own from its database and
 * claims it, and each one's timers fire in its own database; an explicit prefix already claimed by another
 * database stops start-up with a message saying so; and a worker never completes a job naming no timer of
 * its database, while the owner's reconciler gives a job that failed for good another run.
 */
describe('Two installations sharing one Redis', () => {
  let redis: PrivateRedis;
  let client: Redis;
  const apps: TestApp[] = [];
  const dbs: Record<string, string>[] = [];
  const headFile = (i: number) => join(__dirname, '..', '..', '.data', `audit-head-shared-redis-${i}-${process.pid}.json`);

  /** Boots an instance on its database `i`; REDIS_PREFIX '' leaves it unset (the default, derived from the database). */
  const boot = async (i: number, prefix: string, extra: Record<string, string> = {}) => {
    const app = await bootApp({
      ...dbs[i], REDIS_URL: redis.url, REDIS_PREFIX: prefix, TIMER_RECONCILE_INTERVAL_MS: '3600000',
      AUDIT_HEAD_FILE: headFile(i), ...extra,
    });
    apps.push(app);
    return app;
  };

  /** Creates `n` tasks due in a second and a half; resolves their timer ids. */
  const dueSoon = async (t: TestApp, n: number): Promise<string[]> => {
    const ds = t.app.get(DataSource);
    const tasks = t.app.get(TasksService);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const task = await ds.transaction((m) => tasks.create(m, {
        type: 'complaint_acknowledgement', dueAt: new Date(Date.now() + 1500), addressee: { role: 'service_focal_point', agency: 'FGE' },
      }));
      ids.push(`task_due:${task.id}`);
    }
    return ids;
  };

  const firedCount = async (t: TestApp, ids: string[]): Promise<number> => {
    const [{ count }] = await t.app.get(DataSource).query(
      `SELECT count(*)::int AS count FROM timers WHERE id = ANY($1::text[]) AND status = 'fired'`, [ids]);
    return count;
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    for (const name of ['shared_redis_a', 'shared_redis_b', 'shared_redis_c']) dbs.push(await freshDatabase(name));
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });
  afterAll(async () => {
    await stopAll();
    for (const i of [0, 1, 2]) rmSync(headFile(i), { force: true });
    client?.disconnect();
    await redis?.stop();
  });

  it('with the default prefix, each instance works in a prefix of its own and its timers fire in its own database', async () => {
    const a = await boot(0, '');
    const b = await boot(1, '');
    const [timersA, timersB] = [await dueSoon(a, 6), await dueSoon(b, 6)];
    // The reconcilers sleep for an hour: only the jobs relayed at creation can fire these timers.
    await waitFor(async () => (await firedCount(a, timersA)) === 6 && (await firedCount(b, timersB)) === 6, 12000);
    await Promise.all([backgroundSettled(a), backgroundSettled(b)]);
    for (const [t, ids] of [[a, timersA], [b, timersB]] as const) {
      const [{ count }] = await t.app.get(DataSource).query(
        `SELECT count(*)::int AS count FROM audit_entries WHERE action = 'task.escalate' AND subject_id = ANY($1::text[])`,
        [ids.map((id) => id.replace('task_due:', ''))]);
      expect(count).toBe(6);
    }
    const owners = (await client.keys('*:owner')).sort();
    expect(owners).toHaveLength(2);
    for (const key of owners) expect(key).toMatch(/^ruta-[0-9a-f]{12}:owner$/);
    const identities = await Promise.all(owners.map((key) => client.get(key)));
    expect(new Set(identities).size).toBe(2);
  });

  it('refuses to start on an explicit prefix that another database claimed, and says what to do', async () => {
    await boot(0, 'training-shared');
    // The refused instance as an operator starts it: its own process, which stops with the message.
    const refused = await startRutaProcess('api', {
      ...dbs[1], REDIS_URL: redis.url, REDIS_PREFIX: 'training-shared', RUTA_INLINE_WORKER: '0', AUDIT_HEAD_FILE: headFile(1),
    }).then(async (p) => { await p.kill('SIGKILL'); return 'started'; }, (err: Error) => err.message);
    expect(refused).toMatch(/Ruta could not start: /);
    expect(refused).toMatch(/Redis key prefix "training-shared" .* is claimed by another Ruta database/);
    expect(refused).toMatch(/REDIS_PREFIX/);
    expect(refused).toMatch(/training-shared:owner/);
    // The same database may run any number of processes on its prefix.
    await expect(boot(0, 'training-shared')).resolves.toBeDefined();
  });

  it('leaves a job that names no timer of its database failed in Redis, never completed and removed', async () => {
    const t = await boot(2, 'unknown-jobs');
    const queue = t.app.get<Queue>(getQueueToken(TIMER_QUEUE));
    const timerId = 'task_due:00000000-0000-4000-8000-000000000000';
    const fireAtMs = Date.now();
    const jobId = timerJobId(timerId, fireAtMs);
    await queue.add(FIRE_TIMER_JOB, { timerId, fireAtMs }, { ...TIMER_JOB_OPTIONS, jobId, attempts: 1 });
    const state = await waitFor(async () => {
      const job = await queue.getJob(jobId);
      const s = job ? await job.getState() : 'removed';
      return ['waiting', 'active', 'delayed', 'prioritized'].includes(s) ? undefined : s;
    }, 10000);
    expect(state).toBe('failed');
  });

  it("gives a still-scheduled timer's job that failed for good another run at the next reconciliation", async () => {
    const t = await boot(2, 'failed-jobs', { RUTA_TEST_CLOCK: '1' });
    const ds = t.app.get(DataSource);
    const queue = t.app.get<Queue>(getQueueToken(TIMER_QUEUE));
    const task = await ds.transaction((m) => t.app.get(TasksService).create(m, {
      type: 'complaint_acknowledgement', dueAt: new Date(Date.now() + 3600_000), addressee: { role: 'service_focal_point', agency: 'FGE' },
    }));
    const timerId = `task_due:${task.id}`;
    const [{ fire_ms: fireMs }] = await ds.query(`SELECT (extract(epoch FROM fire_at) * 1000)::bigint::text AS fire_ms FROM timers WHERE id = $1`, [timerId]);
    const fireAtMs = Number(fireMs);
    const jobId = timerJobId(timerId, fireAtMs);
    await waitFor(() => queue.getJob(jobId));
    // The job runs before its time once, with one attempt: it fails for good ("not yet due").
    await (await queue.getJob(jobId))!.remove();
    await queue.add(FIRE_TIMER_JOB, { timerId, fireAtMs }, { ...TIMER_JOB_OPTIONS, jobId, attempts: 1 });
    await waitFor(async () => (await (await queue.getJob(jobId))?.getState()) === 'failed');

    const admin = await t.login('admin');
    await t.http().post('/api/v1/_test/clock').set('Authorization', `Bearer ${admin}`).send({ advanceBy: 'PT2H' }).expect(200);
    await waitFor(async () => (await ds.query(`SELECT 1 FROM timers WHERE id = $1 AND status = 'fired'`, [timerId])).length > 0, 10000);
    const escalations = await ds.query(`SELECT id FROM tasks WHERE parent_task_id = $1`, [task.id]);
    expect(escalations).toHaveLength(1);
  });
});
