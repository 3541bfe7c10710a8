import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { auditConfig, everyInterval, IntervalDuty } from '@ruta/core';
import { AuditSealer } from './chain/audit-sealer.service';

/** Runs the single sealer on an interval in the worker (the advisory lock keeps replicas from racing). */
@Injectable()
export class AuditSealerLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private duty?: IntervalDuty;

  constructor(private readonly sealer: AuditSealer, @Inject(auditConfig.KEY) private readonly config: ConfigType<typeof auditConfig>) {}

  onApplicationBootstrap(): void {
    this.duty = everyInterval(AuditSealerLoop.name, this.config.sealIntervalMs, 'audit sealing failed', () => this.sealer.sealPending());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.duty?.stop();
  }
}
