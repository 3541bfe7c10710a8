import { Injectable } from '@nestjs/common';
import { TimerHandler } from './timer.types';

/**
 * The queue knows no protocol step: each module registers the handler for its own timer kinds here,
 * exactly once (STYLE.md, "When a timer fires, tasks calls the handler that the owning module registered").
 */
@Injectable()
export class TimerRegistry {
  private readonly handlers = new Map<string, TimerHandler>();

  register(kind: string, handler: TimerHandler): void {
    if (this.handlers.has(kind)) throw new Error(`Timer kind "${kind}" already has a handler`);
    this.handlers.set(kind, handler);
  }

  handlerFor(kind: string): TimerHandler | undefined {
    return this.handlers.get(kind);
  }

  kinds(): string[] {
    return [...this.handlers.keys()].sort();
  }

  /** Start-up check: every kind with scheduled timers must have exactly one handler. */
  assertHandles(kinds: string[]): void {
    const missing = kinds.filter((k) => !this.handlers.has(k));
    if (missing.length > 0) throw new Error(`No timer handler registered for: ${missing.join(', ')}`);
  }
}
