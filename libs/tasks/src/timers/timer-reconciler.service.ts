import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@ruta/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { enqueueTimerJob, REDIS_TIMEOUT_MS, withTimeout } from './timer-queue';
import { TIMER_QUEUE, timerJobId } from './timer.types';

const HORIZON_MS = 24 * 3600 * 1000;
const PAGE = 500;

/**
 * Re-creates the jobs of scheduled timers that Redis lost (restart, eviction, flush), and wakes up the
 * ones that became due when the test clock moved. The database decides what is scheduled.
 */
@Injectable()
export class TimerReconciler {
  private readonly logger = new Logger(TimerReconciler.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectQueue(TIMER_QUEUE) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {}

  async reconcile(): Promise<{ added: number; promoted: number }> {
    const now = this.clock.nowMs();
    let added = 0;
    let promoted = 0;
    let after = '';
    for (;;) {
      const rows: { id: string; fire_ms: string }[] = await this.ds.query(
        `SELECT id, (extract(epoch FROM fire_at) * 1000)::bigint::text AS fire_ms FROM timers
         WHERE status = 'scheduled' AND fire_at <= $1 AND id > $2 ORDER BY id LIMIT ${PAGE}`,
        [new Date(now + HORIZON_MS), after],
      );
      for (const row of rows) {
        const fireAtMs = Number(row.fire_ms);
        const jobId = timerJobId(row.id, fireAtMs);
        const job = await withTimeout(this.queue.getJob(jobId), REDIS_TIMEOUT_MS, 'getJob');
        const delay = Math.max(0, fireAtMs - now);
        if (!job) {
          await enqueueTimerJob(this.queue, { timerId: row.id, fireAtMs }, now);
          added += 1;
        } else {
          // One round trip for the job's state, whatever it turns out to be.
          const state = await job.getState();
          if (delay === 0 && state === 'delayed') {
            await job.promote();
            promoted += 1;
          } else if (state === 'failed') {
            // Its attempts ran out (a handler error, or a worker of another database took it): still scheduled, so again.
            await job.retry('failed', { resetAttemptsMade: true });
            promoted += 1;
          }
        }
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
    if (added + promoted > 0) this.logger.log({ added, promoted }, 'timers reconciled');
    return { added, promoted };
  }
}
