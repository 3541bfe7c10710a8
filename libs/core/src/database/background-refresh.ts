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
