import { Queue } from 'bullmq';
import { FIRE_TIMER_JOB, FireTimerJob, timerJobId } from './timer.types';

/** How long a call to Redis may take before the caller gives up on this round (it tries again on the next). */
export const REDIS_TIMEOUT_MS = 3000;

export const TIMER_JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: 1000,
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
} as const;

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Adds a timer's job, delayed until it is due, under its deterministic id: the outbox relay and the
 * reconciler both go through here, so a second add of the same timer and fire time adds nothing.
 */
export async function enqueueTimerJob(queue: Queue, job: FireTimerJob, nowMs: number): Promise<void> {
  const delay = Math.max(0, job.fireAtMs - nowMs);
  await withTimeout(
    queue.add(FIRE_TIMER_JOB, job, { ...TIMER_JOB_OPTIONS, jobId: timerJobId(job.timerId, job.fireAtMs), delay }),
    REDIS_TIMEOUT_MS, 'enqueue',
  );
}
