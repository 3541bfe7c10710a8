import { Injectable } from '@nestjs/common';

/**
 * The one source of time (PRODUCT.md section 10). In test-clock mode an admin may move it forward;
 * it never moves backwards, and production refuses the mode at boot.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;
  private readonly listeners: ((now: Date) => Promise<void> | void)[] = [];

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Only called by the test-clock route, which checks RUTA_TEST_CLOCK. */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }

  /** Timers subscribe here so that moving the test clock fires what became due. */
  onAdvance(listener: (now: Date) => Promise<void> | void): void {
    this.listeners.push(listener);
  }

  async notifyAdvanced(): Promise<void> {
    for (const listener of this.listeners) await listener(this.now());
  }

  offset(): number {
    return this.offsetMs;
  }
}

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses the ISO 8601 durations the test clock accepts (days, hours, minutes, seconds). */
export function parseDuration(value: string): number | undefined {
  const match = DURATION.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) return undefined;
  const [, d, h, m, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  return (((d * 24 + h) * 60 + m) * 60 + s) * 1000;
}
