import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditHeadStore } from './chain/audit-head.store';
import { AuditSealer } from './chain/audit-sealer.service';
import { AuditVerifier } from './chain/audit-verifier.service';

@Module({
  controllers: [AuditController],
  providers: [AuditRepository, AuditService, AuditQueryService, AuditHeadStore, AuditSealer, AuditVerifier],
  exports: [AuditService, AuditSealer, AuditVerifier, AuditHeadStore],
})
export class AuditModule {}
