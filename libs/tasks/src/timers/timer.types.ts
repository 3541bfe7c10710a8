import { EntityManager } from 'typeorm';

export const TIMER_QUEUE = 'ruta-timers';
export const FIRE_TIMER_JOB = 'fire-timer';

export interface FireTimerJob {
  timerId: string;
  fireAtMs: number;
}

/** What a module does when its timer fires, inside the transaction that marks the timer fired. */
export type TimerHandler = (m: EntityManager, subjectId: string, firedAt: Date) => Promise<void>;

/** Deterministic job id: one job per timer and fire time, so a relay or reconciler retry adds nothing. */
export function timerJobId(timerId: string, fireAtMs: number): string {
  // BullMQ reserves ':' in custom ids.
  return `${timerId.replace(/:/g, '.')}@${fireAtMs}`;
}
