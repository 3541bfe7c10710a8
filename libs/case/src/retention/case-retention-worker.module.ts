import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { CaseModule } from '../case.module';
import { CaseRetentionLoop } from './case-retention.loop';
import { CaseRetentionService } from './case-retention.service';

/** The worker side of the case record: retention of closed cases (PRODUCT.md section 12). */
@Module({ imports: [AuditModule, CaseModule], providers: [CaseRetentionService, CaseRetentionLoop], exports: [CaseRetentionService] })
export class CaseRetentionWorkerModule {}
