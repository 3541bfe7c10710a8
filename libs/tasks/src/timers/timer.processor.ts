import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { tasksConfig } from '@ruta/core';
import { Job, UnrecoverableError } from 'bullmq';
import { FIRE_TIMER_JOB, FireTimerJob, TIMER_QUEUE } from './timer.types';
import { TimerService } from './timer.service';

/** One job kind: wake a timer. Idempotent: the database decides whether it fires (BullMQ is at-least-once). */
@Processor(TIMER_QUEUE, {
  concurrency: 4,
  // Read when the worker is made (configuration validated by then), not when this file loads. A worker that
  // dies holding a job (SIGKILL, a lost machine) loses its lock; the next stalled-job check retries the job.
  get lockDuration() { return tasksConfig().jobLockMs; },
  get stalledInterval() { return tasksConfig().jobLockMs; },
})
export class TimerProcessor extends WorkerHost {
  private readonly logger = new Logger(TimerProcessor.name);

  constructor(private readonly timers: TimerService) {
    super();
  }

  async process(job: Job<FireTimerJob>): Promise<string> {
    if (job.name !== FIRE_TIMER_JOB) throw new UnrecoverableError(`Unknown job ${job.name}`);
    const result = await this.timers.fire(job.data.timerId, job.data.fireAtMs);
    if (result === 'not_due') throw new Error('timer not yet due by the application clock; retrying');
    if (result === 'unknown') {
      // Not this database's timer (with the Redis prefix claimed per database this should never happen):
      // never completed as if handled, never removed. The job fails and stays in Redis, retried where
      // its owner's worker can take it, and its owner's reconciler retries it once it has failed for good.
      this.logger.error({ timerId: job.data.timerId, jobId: job.id }, 'timer job names no timer of this database; left failed for its owner');
      throw new Error(`timer ${job.data.timerId} is not in this database`);
    }
    this.logger.debug({ timerId: job.data.timerId, result }, 'timer job processed');
    return result;
  }

  /** Connection errors while Redis is away: logged, not thrown (the outbox keeps what must be sent). */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error.message }, 'timer worker error');
  }
}
