import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { everyInterval, IntervalDuty, reportsConfig } from '@ruta/core';
import { ReportsRepository } from './reports.repository';

/**
 * Keeps the reports' summaries fresh in the worker: a refresh every REPORTS_REFRESH_INTERVAL_MS, one at a
 * time (the database's advisory lock keeps replicas from refreshing together). REFRESH ... CONCURRENTLY
 * neither blocks readers of the summaries nor writers of the cases.
 */
@Injectable()
export class ReportsRefreshLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportsRefreshLoop.name);
  private duty?: IntervalDuty;

  constructor(private readonly repository: ReportsRepository, @Inject(reportsConfig.KEY) private readonly config: ConfigType<typeof reportsConfig>) {}

  onApplicationBootstrap(): void {
    this.duty = everyInterval(ReportsRefreshLoop.name, this.config.refreshIntervalMs, 'report summaries refresh failed', async () => {
      const started = Date.now();
      if (await this.repository.refresh(this.config.refreshTimeoutMs)) this.logger.log({ ms: Date.now() - started }, 'report summaries refreshed');
    });
  }

  /** One refresh now (or the one already running). */
  refreshNow(): Promise<void> {
    return this.duty!.now();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.duty?.stop();
  }
}
