import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { reportsConfig } from '@ruta/core';
import { ReportsRepository } from './reports.repository';

/**
 * Keeps the reports' summaries fresh in the worker: a refresh every REPORTS_REFRESH_INTERVAL_MS, one at a
 * time (the database's advisory lock keeps replicas from refreshing together). REFRESH ... CONCURRENTLY
 * neither blocks readers of the summaries nor writers of the cases.
 */
@Injectable()
export class ReportsRefreshLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportsRefreshLoop.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly repository: ReportsRepository, @Inject(reportsConfig.KEY) private readonly config: ConfigType<typeof reportsConfig>) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.refreshNow(), this.config.refreshIntervalMs);
    this.timer.unref();
  }

  /** One refresh now (or the one already running). */
  refreshNow(): Promise<unknown> {
    if (!this.running) {
      const started = Date.now();
      this.running = this.repository.refresh(this.config.refreshTimeoutMs)
        .then((at) => { if (at) this.logger.log({ ms: Date.now() - started }, 'report summaries refreshed'); })
        .catch((err) => this.logger.error({ err: (err as Error).message }, 'report summaries refresh failed'))
        .finally(() => { this.running = undefined; });
    }
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
