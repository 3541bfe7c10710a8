import { getQueueToken } from '@nestjs/bullmq';
import { TIMER_QUEUE } from '@ruta/tasks';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { TestApp, waitFor } from './app';

/** No timer job of this queue waiting for a worker or being run. */
export async function queueIdle(queue: Queue): Promise<boolean> {
  const c = await queue.getJobCounts('waiting', 'active', 'prioritized');
  return c.waiting + c.active + c.prioritized === 0;
}

/**
 * Resolves once the app's background work has settled: every outbox message relayed to Redis and no timer
 * job waiting or running, seen twice in a row (a job that ends may write a message of its own). What a test
 * waits on before it checks that something did NOT happen (a second escalation, a task before its day),
 * instead of sleeping for a while and hoping the worker was done.
 */
export async function backgroundSettled(t: TestApp, timeoutMs = 15_000): Promise<void> {
  const ds = t.app.get(DataSource);
  await workSettled((sql) => ds.query(sql), t.app.get<Queue>(getQueueToken(TIMER_QUEUE), { strict: false }), timeoutMs);
}

/** The same, for a database and a queue reached directly (Ruta running in other processes). */
export async function workSettled(query: (sql: string) => Promise<{ pending: number }[]>, queue: Queue, timeoutMs = 15_000): Promise<void> {
  let quietTimes = 0;
  await waitFor(async () => {
    const [{ pending }] = await query(`SELECT count(*)::int AS pending FROM outbox WHERE relayed_at IS NULL`);
    quietTimes = pending === 0 && (await queueIdle(queue)) ? quietTimes + 1 : 0;
    return quietTimes >= 2;
  }, timeoutMs, 25);
}
