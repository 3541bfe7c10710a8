import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Clock, retentionConfig } from '@ruta/core';
import { CaseRetentionService } from './case-retention.service';

/** Runs retention in the worker on an interval, and at once when the test clock moves. */
@Injectable()
export class CaseRetentionLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CaseRetentionLoop.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private again = false;

  constructor(
    private readonly retention: CaseRetentionService,
    private readonly clock: Clock,
    @Inject(retentionConfig.KEY) private readonly config: ConfigType<typeof retentionConfig>,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: the clock route answers at once, the sweep follows.
    this.clock.onAdvance(() => { void this.sweepNow(); });
    this.timer = setInterval(() => void this.sweepNow(), this.config.sweepIntervalMs);
    this.timer.unref();
    void this.sweepNow();
  }

  /** One sweep at a time; a request during a sweep runs one more after it (the clock may have moved meanwhile). */
  sweepNow(): Promise<unknown> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.retention.sweep()
      .catch((err) => this.logger.error({ err: (err as Error).message }, 'retention sweep failed; will retry'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.sweepNow();
        }
      });
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.again = false;
    await this.running;
  }
}
