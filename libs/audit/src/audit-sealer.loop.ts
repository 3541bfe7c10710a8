import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { auditConfig } from '@ruta/core';
import { AuditSealer } from './chain/audit-sealer.service';

/** Runs the single sealer on an interval in the worker (the advisory lock keeps replicas from racing). */
@Injectable()
export class AuditSealerLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealerLoop.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly sealer: AuditSealer, @Inject(auditConfig.KEY) private readonly config: ConfigType<typeof auditConfig>) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sealer.sealPending()
        .catch((err) => this.logger.error({ err: (err as Error).message }, 'audit sealing failed'))
        .finally(() => { this.running = undefined; });
    }, this.config.sealIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
