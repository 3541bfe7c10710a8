import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '@ruta/audit';
import { CaseModule } from '@ruta/case';
import { TasksModule } from '@ruta/tasks';
import { CatalogService } from './catalog.service';
import { DuplicatesService } from './duplicates.service';
import { IdentificationController } from './identification.controller';
import { IntakeService } from './intake.service';
import { ScreeningOpsService } from './screening-ops.service';
import { ScreeningTasks } from './screening-tasks.service';
import { ScreeningLanguageInterceptor } from './screening-language.interceptor';

@Module({
  imports: [AuditModule, TasksModule, CaseModule],
  controllers: [IdentificationController],
  providers: [CatalogService, DuplicatesService, IntakeService, ScreeningOpsService, ScreeningTasks,
    { provide: APP_INTERCEPTOR, useClass: ScreeningLanguageInterceptor }],
  exports: [CatalogService],
})
export class IdentificationModule {}
