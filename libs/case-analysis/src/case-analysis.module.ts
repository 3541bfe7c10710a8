import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { CaseModule } from '@ruta/case';
import { ReferralModule } from '@ruta/referral';
import { RegularizationModule } from '@ruta/regularization';
import { DirectoryModule } from '@ruta/directory';
import { TasksModule } from '@ruta/tasks';
import { CaseAnalysisController } from './case-analysis.controller';
import { ReviewRepository } from './review.repository';
import { ReviewService } from './review.service';

@Module({
  imports: [AuditModule, TasksModule, DirectoryModule, CaseModule, ReferralModule, RegularizationModule],
  controllers: [CaseAnalysisController],
  providers: [ReviewRepository, ReviewService],
  exports: [ReviewService],
})
export class CaseAnalysisModule {}
