import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, RedisService } from '@ruta/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { OUTBOX_TOPIC_TIMER } from '../outbox/outbox.service';
import { enqueueTimerJob } from './timer-queue';
import { FireTimerJob, TIMER_QUEUE } from './timer.types';

const BATCH = 200;
const MAX_ATTEMPTS = 20;

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
    private readonly redis: RedisService,
  ) {
    this.queue.on('error', (err) => this.logger.warn({ err: err.message }, 'timer queue connection error'));
  }

  async relayOnce(): Promise<number> {
    try {
      return await this.ds.transaction(async (m) => {
        const rows: { id: string; topic: string; payload: FireTimerJob }[] = await m.query(
          `SELECT id::text AS id, topic, payload FROM outbox
           WHERE relayed_at IS NULL AND attempts < ${MAX_ATTEMPTS} ORDER BY outbox.id LIMIT ${BATCH}
           FOR UPDATE SKIP LOCKED`,
        );
        if (rows.length === 0) return 0;
        if (!(await this.redis.ping())) throw new Error('redis does not answer');
        const relayed: string[] = [];
        for (const row of rows) {
          try {
            if (row.topic !== OUTBOX_TOPIC_TIMER) throw new Error(`unknown outbox topic ${row.topic}`);
            await enqueueTimerJob(this.queue, row.payload, this.clock.nowMs());
            relayed.push(row.id);
          } catch (err) {
            // Redis went away: stop here, nothing is counted against the messages.
            if (!(await this.redis.ping())) throw err;
            // A message Redis refuses is counted, kept with its error, and set aside after MAX_ATTEMPTS.
            await m.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`,
              [row.id, (err as Error).message.slice(0, 500)]);
            this.logger.error({ err: (err as Error).message, outboxId: row.id }, 'outbox message refused');
          }
        }
        if (relayed.length > 0) {
          await m.query(`UPDATE outbox SET relayed_at = now(), last_error = NULL WHERE id = ANY($1::bigint[])`, [relayed]);
        }
        return relayed.length;
      });
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'outbox relay failed; will retry');
      return 0;
    }
  }
}
