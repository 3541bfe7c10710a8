import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { FIRE_TIMER_JOB, FireTimerJob, TIMER_QUEUE } from './timer.types';
import { TimerService } from './timer.service';

/** One job kind: wake a timer. Idempotent: the database decides whether it fires (BullMQ is at-least-once). */
@Processor(TIMER_QUEUE, { concurrency: 4 })
export class TimerProcessor extends WorkerHost {
  private readonly logger = new Logger(TimerProcessor.name);

  constructor(private readonly timers: TimerService) {
    super();
  }

  async process(job: Job<FireTimerJob>): Promise<string> {
    if (job.name !== FIRE_TIMER_JOB) throw new UnrecoverableError(`Unknown job ${job.name}`);
    const result = await this.timers.fire(job.data.timerId, job.data.fireAtMs);
    if (result === 'not_due') throw new Error('timer not yet due by the application clock; retrying');
    this.logger.debug({ timerId: job.data.timerId, result }, 'timer job processed');
    return result;
  }

  /** Connection errors while Redis is away: logged, not thrown (the outbox keeps what must be sent). */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error.message }, 'timer worker error');
  }
}
