import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Clock, RedisService, tasksConfig } from '@ruta/core';
import { OutboxRelay } from './timers/outbox-relay.service';
import { TimerReconciler } from './timers/timer-reconciler.service';
import { TimerRegistry } from './timers/timer-registry';
import { TimerService } from './timers/timer.service';

/** The worker's periodic duties: relay the outbox, reconcile timers with the database. */
@Injectable()
export class WorkerLoops implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerLoops.name);
  private readonly intervals: NodeJS.Timeout[] = [];
  private relaying?: Promise<unknown>;
  private reconciling?: Promise<unknown>;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly reconciler: TimerReconciler,
    private readonly registry: TimerRegistry,
    private readonly timers: TimerService,
    private readonly clock: Clock,
    private readonly redis: RedisService,
    @Inject(tasksConfig.KEY) private readonly config: ConfigType<typeof tasksConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.registry.assertHandles(await this.timers.scheduledKinds());
    this.clock.onAdvance(async () => { await this.reconcileNow(); });
    this.intervals.push(setInterval(() => void this.relayNow(), this.config.outboxIntervalMs));
    this.intervals.push(setInterval(() => void this.reconcileNow(), this.config.reconcileIntervalMs));
    for (const interval of this.intervals) interval.unref();
    void this.reconcileNow();
  }

  relayNow(): Promise<unknown> {
    this.relaying ??= this.relay.relayOnce().finally(() => { this.relaying = undefined; });
    return this.relaying;
  }

  reconcileNow(): Promise<unknown> {
    this.reconciling ??= this.relayNow()
      // Redis may have lost the prefix's claim with its data: claim it again; never fill another database's queue.
      .then(() => this.redis.reclaimPrefix())
      .then((ours) => (ours ? this.reconciler.reconcile() : undefined))
      .catch((err) => this.logger.warn({ err: (err as Error).message }, 'timer reconciliation failed; will retry'))
      .finally(() => { this.reconciling = undefined; });
    return this.reconciling;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const interval of this.intervals) clearInterval(interval);
    await Promise.allSettled([this.relaying, this.reconciling]);
  }
}
