import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import request from 'supertest';
import { FIRE_TIMER_JOB, TIMER_JOB_OPTIONS, TIMER_QUEUE, timerJobId } from '@ruta/tasks';
import { freshDatabase, waitFor } from '../support/app';
import { workSettled } from '../support/settle';
import { PrivateRedis, startPrivateRedis } from '../support/redis-server';
import { intake } from '../identification/fixtures';
import { RutaProcess, startRutaProcess, stopAll } from '../support/processes';

const PASSWORD = 'Ruta-Demo-2026';

/**
 * Issue 12, PRODUCT.md section 14: several API and worker processes against one PostgreSQL and one Redis.
 * Two API processes and two worker processes (real child processes; the Redis is this suite's own, the
 * prefix derived from the database as by default): cases come in through both APIs over HTTP, their tasks'
 * due times are brought a few seconds near, and then every timer fires exactly once (one escalation and one
 * 'task.escalate' entry per task, the firing time never rewritten) although both workers' reconcilers and
 * processors compete for the jobs and every job is delivered twice more;
 * exactly one sealer seals at a time (both workers run theirs every 50 ms: one that raced would fail on the
 * chain's state and say so in its log), every entry is sealed once, in one unbroken sequence, and the chain
 * verifies through both APIs.
 */
describe('Two API processes and two worker processes on one database and one Redis', () => {
  let redis: PrivateRedis;
  let db: Record<string, string>;
  let owner: Client;
  let apis: RutaProcess[] = [];
  let workers: RutaProcess[] = [];
  const headFile = join(__dirname, '..', '..', '.data', `audit-head-multi-process-${process.pid}.json`);

  const login = async (api: RutaProcess, username: string) => {
    const res = await request(api.url).post('/api/v1/auth/login').send({ username, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username} -> ${res.status} ${JSON.stringify(res.body)}`);
    return { Authorization: `Bearer ${res.body.accessToken as string}` };
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    db = await freshDatabase('multi_process');
    owner = new Client({ connectionString: db.DATABASE_URL });
    await owner.connect();
    const env = {
      ...db, REDIS_URL: redis.url, REDIS_PREFIX: '', AUDIT_HEAD_FILE: headFile, LOG_LEVEL: 'warn', RUTA_TEST_CLOCK: '0',
    };
    const started = await Promise.all([
      startRutaProcess('api', { ...env, RUTA_INLINE_WORKER: '0' }),
      startRutaProcess('api', { ...env, RUTA_INLINE_WORKER: '0' }),
      startRutaProcess('worker', { ...env, AUDIT_SEAL_INTERVAL_MS: '50', OUTBOX_RELAY_INTERVAL_MS: '100', TIMER_RECONCILE_INTERVAL_MS: '300' }),
      startRutaProcess('worker', { ...env, AUDIT_SEAL_INTERVAL_MS: '50', OUTBOX_RELAY_INTERVAL_MS: '100', TIMER_RECONCILE_INTERVAL_MS: '300' }),
    ]);
    apis = started.slice(0, 2);
    workers = started.slice(2);
  }, 180_000);

  afterAll(async () => {
    await stopAll();
    await owner?.end();
    rmSync(headFile, { force: true });
    await redis?.stop();
  });

  it('fires every timer once, seals with one sealer at a time, and the chain verifies', async () => {
    const caseIds: string[] = [];
    for (const api of apis) {
      const officer = await login(api, 'officer.rumichaca');
      for (let i = 0; i < 4; i++) {
        const res = await request(api.url).post('/api/v1/cases').set(officer).send(intake());
        expect(res.status).toBe(201);
        caseIds.push(res.body.id);
      }
    }
    const { rows: open } = await owner.query(`SELECT id FROM tasks WHERE case_id = ANY($1::uuid[]) AND status = 'open'`, [caseIds]);
    expect(open.length).toBeGreaterThanOrEqual(caseIds.length);
    const taskIds = open.map((r: { id: string }) => r.id);
    const timerIds = taskIds.map((id: string) => `task_due:${id}`);

    // The tasks fall due in three seconds (real time: each process has its own clock). The jobs already in
    // Redis are for the old due time (stale); both workers' reconcilers add the new ones.
    const dueAt = new Date(Date.now() + 3000);
    await owner.query('BEGIN');
    await owner.query(`UPDATE tasks SET due_at = $2 WHERE id = ANY($1::uuid[])`, [taskIds, dueAt]);
    await owner.query(`UPDATE timers SET fire_at = $2 WHERE id = ANY($1::text[]) AND status = 'scheduled'`, [timerIds, dueAt]);
    await owner.query('COMMIT');

    await waitFor(async () => {
      const { rows: [{ count }] } = await owner.query(
        `SELECT count(*)::int AS count FROM timers WHERE id = ANY($1::text[]) AND status = 'fired'`, [timerIds]);
      return count === timerIds.length;
    }, 30000);
    const firedAt = async () => (await owner.query(
      `SELECT id, fired_at FROM timers WHERE id = ANY($1::text[]) ORDER BY id`, [timerIds])).rows as { id: string; fired_at: Date }[];
    const firstFiring = await firedAt();
    // BullMQ delivers at least once: every job once more, twice, as distinct jobs that both workers may take at once.
    const prefix = /Redis prefix "([^"]+)"/.exec(workers[0].output())![1];
    const queue = new Queue(TIMER_QUEUE, { connection: { host: '127.0.0.1', port: redis.port }, prefix });
    try {
      const again: string[] = [];
      for (const { id, fired_at: at } of firstFiring) {
        expect(at).not.toBeNull();
        const fireAtMs = dueAt.getTime();
        for (const copy of [1, 2]) {
          again.push(`${timerJobId(id, fireAtMs)}-again-${copy}`);
          await queue.add(FIRE_TIMER_JOB, { timerId: id, fireAtMs }, { ...TIMER_JOB_OPTIONS, jobId: again[again.length - 1] });
        }
      }
      // Processed and completed (completed jobs are removed), none failed.
      await waitFor(async () => (await Promise.all(again.map((id) => queue.getJob(id)))).every((job) => !job), 15000);
      expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });
      // Any other delivery (two reconcilers, two processors) taken and run before the effects are counted.
      await workSettled(async (sql) => (await owner.query(sql)).rows, queue);
    } finally {
      await queue.close();
    }
    expect(await firedAt()).toEqual(firstFiring);
    const { rows: escalations } = await owner.query(
      `SELECT parent_task_id AS id, count(*)::int AS n FROM tasks WHERE parent_task_id = ANY($1::uuid[]) GROUP BY parent_task_id`, [taskIds]);
    expect(escalations).toHaveLength(taskIds.length);
    expect(escalations.every((r: { n: number }) => r.n === 1)).toBe(true);
    const { rows: audits } = await owner.query(
      `SELECT subject_id AS id, count(*)::int AS n FROM audit_entries WHERE action = 'task.escalate' AND subject_id = ANY($1::text[]) GROUP BY subject_id`,
      [taskIds]);
    expect(audits).toHaveLength(taskIds.length);
    expect(audits.every((r: { n: number }) => r.n === 1)).toBe(true);

    // Every entry sealed, once, in one sequence without gaps.
    const auditor = await login(apis[0], 'auditor');
    await waitFor(async () => {
      const { rows: [c] } = await owner.query(
        `SELECT (SELECT count(*) FROM audit_entries)::int AS entries, (SELECT count(*) FROM audit_seals)::int AS seals`);
      return c.entries === c.seals;
    }, 15000);
    const { rows: [seals] } = await owner.query(
      `SELECT count(*)::int AS n, count(DISTINCT entry_id)::int AS entries, min(seq)::int AS first, max(seq)::int AS last FROM audit_seals`);
    expect(seals).toEqual({ n: seals.last, entries: seals.last, first: 1, last: seals.last });
    for (const api of apis) {
      const res = await request(api.url).get('/api/v1/audit/verify').set(api === apis[0] ? auditor : await login(api, 'auditor'));
      expect(res.status).toBe(200);
      expect(res.body.valid).toBe(true);
    }
    // No sealer ever ran beside another (the loser of such a race fails on the chain's state and logs it),
    // and nothing else went wrong in the workers.
    for (const w of workers) {
      expect(w.child.exitCode).toBeNull();
      expect(w.output()).not.toMatch(/audit sealing failed/);
    }
  });
});
