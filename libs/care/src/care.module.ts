import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { CaseModule } from '@ruta/case';
import { TasksModule } from '@ruta/tasks';
import { AttachmentRepository } from './attachment.repository';
import { AttachmentService } from './attachment.service';
import { CarePlanRepository } from './care-plan.repository';
import { CarePlanService } from './care-plan.service';
import { CareController } from './care.controller';

@Module({
  imports: [AuditModule, TasksModule, CaseModule],
  controllers: [CareController],
  providers: [CarePlanRepository, CarePlanService, AttachmentRepository, AttachmentService],
  exports: [CarePlanService],
})
export class CareModule {}
