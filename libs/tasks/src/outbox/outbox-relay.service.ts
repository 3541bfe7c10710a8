import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, modifyReturning } from '@ruta/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { FIRE_TIMER_JOB, FireTimerJob, TIMER_QUEUE, timerJobId } from '../timers/timer.types';
import { OUTBOX_TOPIC_TIMER } from './outbox.service';

const BATCH = 200;
const REDIS_TIMEOUT_MS = 3000;

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const TIMER_JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: 1000,
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
} as const;

/**
 * Moves outbox messages to BullMQ. Rows are locked (SKIP LOCKED, so replicas share the work) and marked
 * relayed only in the transaction that saw Redis accept them; if Redis is down they wait for the next round.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectQueue(TIMER_QUEUE) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {}

  async relayOnce(): Promise<number> {
    try {
      return await this.ds.transaction(async (m) => {
        const rows: { id: string; topic: string; payload: FireTimerJob }[] = await m.query(
          `SELECT id::text AS id, topic, payload FROM outbox WHERE relayed_at IS NULL ORDER BY id LIMIT ${BATCH}
           FOR UPDATE SKIP LOCKED`,
        );
        if (rows.length === 0) return 0;
        for (const row of rows) {
          if (row.topic !== OUTBOX_TOPIC_TIMER) throw new Error(`Unknown outbox topic ${row.topic}`);
          const delay = Math.max(0, row.payload.fireAtMs - this.clock.nowMs());
          await withTimeout(
            this.queue.add(FIRE_TIMER_JOB, row.payload, { ...TIMER_JOB_OPTIONS, jobId: timerJobId(row.payload.timerId, row.payload.fireAtMs), delay }),
            REDIS_TIMEOUT_MS, 'enqueue',
          );
        }
        await modifyReturning(m, `UPDATE outbox SET relayed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])`,
          [rows.map((r) => r.id)]);
        return rows.length;
      });
    } catch (err) {
      const message = (err as Error).message;
      this.logger.warn({ err: message }, 'outbox relay failed; will retry');
      await this.ds.query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $1
         WHERE id IN (SELECT id FROM outbox WHERE relayed_at IS NULL ORDER BY id LIMIT ${BATCH})`,
        [message.slice(0, 500)],
      ).catch(() => undefined);
      return 0;
    }
  }
}
