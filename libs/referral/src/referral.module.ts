import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { CaseModule } from '@ruta/case';
import { DirectoryModule } from '@ruta/directory';
import { TasksModule } from '@ruta/tasks';
import { ReferralLifecycleService } from './referral-lifecycle.service';
import { ReferralController } from './referral.controller';
import { ReferralRepository } from './referral.repository';
import { ReferralService } from './referral.service';

@Module({
  imports: [AuditModule, TasksModule, CaseModule, DirectoryModule],
  controllers: [ReferralController],
  providers: [ReferralRepository, ReferralService, ReferralLifecycleService],
  exports: [ReferralService],
})
export class ReferralModule {}
