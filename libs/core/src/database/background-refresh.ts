import { Logger } from '@nestjs/common';

/**
 * Reference data that requests read inside their transactions (agency names, indicator catalogs) is
 * loaded once at start-up and then every `everyMs` in the background, each time with a connection of
 * its own and never inside a request's unit of work (PRODUCT.md section 14). A failed refresh is logged
 * and the data already loaded stays in use. Returns the function that stops it (at shutdown).
 */
export async function refreshInBackground(name: string, everyMs: number, load: () => Promise<void>): Promise<() => void> {
  await load();
  const logger = new Logger(name);
  const timer = setInterval(() => void load().catch((err: Error) => logger.warn(`${name} not refreshed: ${err.message}`)), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** A worker duty on an interval: `now()` starts a run or joins the one under way; `stop()` waits for it. */
export interface IntervalDuty {
  now(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs `work` every `everyMs`, one run at a time in this process (a tick that finds a run under way is
 * skipped; replicas keep apart by the work's own advisory lock). A failed run is logged as `failure`
 * and the next tick tries again.
 */
export function everyInterval(name: string, everyMs: number, failure: string, work: () => Promise<unknown>): IntervalDuty {
  const logger = new Logger(name);
  let running: Promise<void> | undefined;
  const now = () => {
    running ??= work()
      .then(() => undefined, (err: Error) => logger.error({ err: err.message }, failure))
      .finally(() => { running = undefined; });
    return running;
  };
  const timer = setInterval(() => void now(), everyMs);
  timer.unref();
  return {
    now,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
