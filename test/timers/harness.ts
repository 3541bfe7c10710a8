import { getQueueToken } from '@nestjs/bullmq';
import { Clock } from '@ruta/core';
import { TIMER_QUEUE, timerJobId } from '@ruta/tasks';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { bootApp, freshDatabase, TestApp, waitFor } from '../support/app';
import { PrivateRedis, startPrivateRedis } from '../support/redis-server';
import { queueIdle } from '../support/settle';

export interface TimerHarness {
  t: TestApp;
  ds: DataSource;
  clock: Clock;
  queue: Queue;
  redis: PrivateRedis;
  prefix: string;
  /** Moves the test clock (as admin, over HTTP) so that it reads `instant`; the inline worker reconciles. */
  advanceTo: (instant: Date | number) => Promise<void>;
  /** The BullMQ job that wakes a timer at a fire time, if Redis holds it. */
  jobOf: (timerId: string, fireAtMs: number) => Promise<Job | undefined>;
  /** Resolves once every outbox message has reached Redis (nothing left for the relay to re-send). */
  outboxDrained: () => Promise<void>;
  /** Resolves once the worker has taken every job that is ready (none waiting or running). */
  settled: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * A database and a redis-server of the test's own (never the machine's shared Redis, which must not be
 * flushed, and never the run's shared database, whose timers another suite's clock could fire), and the
 * API with its inline worker on them. The periodic reconciliation is pushed out of the way (an hour) so
 * that only what the test does (moving the clock, calling the reconciler) brings jobs back.
 */
export async function bootOnOwnRedis(name: string, overrides: Record<string, string> = {}): Promise<TimerHarness> {
  const db = await freshDatabase(name);
  const redis = await startPrivateRedis();
  const requestedPrefix = `ruta-${name}`;
  let t: TestApp;
  try {
    t = await bootApp({ ...db, REDIS_URL: redis.url, REDIS_PREFIX: requestedPrefix, TIMER_RECONCILE_INTERVAL_MS: '3600000', ...overrides });
  } catch (err) {
    await redis.stop();
    throw err;
  }
  const ds = t.app.get(DataSource);
  const clock = t.app.get(Clock);
  const queue = t.app.get<Queue>(getQueueToken(TIMER_QUEUE), { strict: false });
  // The prefix the app's queue really uses, for the test's own BullMQ clients on the same queue.
  const prefix = queue.opts.prefix ?? requestedPrefix;
  const admin = await t.login('admin');
  return {
    t, ds, clock, queue, redis, prefix,
    advanceTo: async (instant) => {
      const target = typeof instant === 'number' ? instant : instant.getTime();
      const seconds = Math.ceil((target - clock.nowMs()) / 1000);
      if (seconds <= 0) return;
      await t.http().post('/api/v1/_test/clock').set('Authorization', `Bearer ${admin}`).send({ advanceBy: `PT${seconds}S` }).expect(200);
    },
    jobOf: async (timerId, fireAtMs) => (await queue.getJob(timerJobId(timerId, fireAtMs))) ?? undefined,
    outboxDrained: async () => {
      await waitFor(async () => {
        const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM outbox WHERE relayed_at IS NULL`);
        return pending === 0;
      }, 10000);
    },
    settled: async () => {
      await waitFor(() => queueIdle(queue), 10000, 20);
    },
    close: async () => {
      try {
        await t.close();
      } finally {
        await redis.stop();
      }
    },
  };
}

/** Today's date in Ecuador (America/Guayaquil), as the app reads calendar dates. */
export function ecuadorDate(instant: Date | number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Guayaquil', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(typeof instant === 'number' ? new Date(instant) : instant);
}

export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
}

/** The instant a calendar day starts in Ecuador (UTC-5 all year, no daylight saving time). */
export function startOfEcuadorDay(date: string): Date {
  return new Date(`${date}T00:00:00-05:00`);
}

export const MINUTE = 60_000;
