import { Module } from '@nestjs/common';
import { AuditModule } from './audit.module';
import { AuditSealerLoop } from './audit-sealer.loop';

/** The worker side of the audit log: the sealer loop. */
@Module({ imports: [AuditModule], providers: [AuditSealerLoop] })
export class AuditWorkerModule {}
