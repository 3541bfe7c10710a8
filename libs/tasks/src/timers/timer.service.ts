import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, modifyReturning } from '@ruta/core';
import { DataSource, EntityManager } from 'typeorm';
import { OUTBOX_TOPIC_TIMER, OutboxService } from '../outbox/outbox.service';
import { TimerRegistry } from './timer-registry';

export interface ScheduleTimer {
  kind: string;
  subjectId: string;
  fireAt: Date;
}

export type FireResult = 'fired' | 'stale' | 'not_due' | 'unknown';

/**
 * Timers live in the database (the source of truth); BullMQ delayed jobs only wake the worker up.
 * Scheduling writes the timer and an outbox message in the caller's transaction.
 */
@Injectable()
export class TimerService {
  private readonly logger = new Logger(TimerService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly registry: TimerRegistry,
    private readonly clock: Clock,
  ) {}

  static timerId(kind: string, subjectId: string): string {
    return `${kind}:${subjectId}`;
  }

  /** Schedules or reschedules (same kind and subject): the newest fire time wins, the old job goes stale. */
  async schedule(m: EntityManager, timer: ScheduleTimer): Promise<string> {
    const id = TimerService.timerId(timer.kind, timer.subjectId);
    await m.query(
      `INSERT INTO timers (id, kind, subject_id, fire_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET fire_at = EXCLUDED.fire_at, status = 'scheduled', fired_at = NULL, updated_at = now()`,
      [id, timer.kind, timer.subjectId, timer.fireAt],
    );
    await this.outbox.add(m, OUTBOX_TOPIC_TIMER, { timerId: id, fireAtMs: timer.fireAt.getTime() });
    return id;
  }

  async cancel(m: EntityManager, kind: string, subjectId: string): Promise<void> {
    await modifyReturning(m, `UPDATE timers SET status = 'cancelled', updated_at = now() WHERE id = $1 AND status = 'scheduled'`,
      [TimerService.timerId(kind, subjectId)]);
  }

  /**
   * Fires a timer at most once: the conditional update decides, and the owning module's handler runs in
   * the same transaction. A job for an older fire time (rescheduled since) is stale and does nothing.
   */
  async fire(timerId: string, fireAtMs: number): Promise<FireResult> {
    return this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const [row] = await modifyReturning(m, 
        `UPDATE timers SET status = 'fired', fired_at = $2, updated_at = now()
         WHERE id = $1 AND status = 'scheduled' AND fire_at <= $2 AND (extract(epoch FROM fire_at) * 1000)::bigint = $3
         RETURNING kind, subject_id`,
        [timerId, now, fireAtMs],
      );
      if (!row) {
        const [current] = await m.query(
          `SELECT status, (extract(epoch FROM fire_at) * 1000)::bigint::text AS fire_ms FROM timers WHERE id = $1`, [timerId]);
        if (!current) return 'unknown';
        if (current.status === 'scheduled' && Number(current.fire_ms) === fireAtMs) return 'not_due';
        return 'stale';
      }
      const handler = this.registry.handlerFor(row.kind);
      if (!handler) throw new Error(`No timer handler registered for ${row.kind}`);
      await handler(m, row.subject_id, now);
      return 'fired';
    });
  }

  scheduledKinds(): Promise<string[]> {
    return this.ds.query(`SELECT DISTINCT kind FROM timers WHERE status = 'scheduled'`)
      .then((rows: { kind: string }[]) => rows.map((r) => r.kind));
  }
}
