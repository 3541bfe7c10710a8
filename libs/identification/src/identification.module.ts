import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { CaseModule } from '@ruta/case';
import { TasksModule } from '@ruta/tasks';
import { CatalogService } from './catalog.service';
import { DuplicatesService } from './duplicates.service';
import { IdentificationController } from './identification.controller';
import { IntakeService } from './intake.service';
import { ScreeningOpsService } from './screening-ops.service';
import { ScreeningTasks } from './screening-tasks.service';

@Module({
  imports: [AuditModule, TasksModule, CaseModule],
  controllers: [IdentificationController],
  providers: [CatalogService, DuplicatesService, IntakeService, ScreeningOpsService, ScreeningTasks],
  exports: [CatalogService],
})
export class IdentificationModule {}
