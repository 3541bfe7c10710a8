import { Module } from '@nestjs/common';
import { AuditWorkerModule } from '@ruta/audit';
import { CareModule } from '@ruta/care';
import { CaseRetentionWorkerModule } from '@ruta/case';
import { FollowUpModule } from '@ruta/follow-up';
import { RegularizationModule } from '@ruta/regularization';
import { ReportsWorkerModule } from '@ruta/reports';
import { CoreModule } from '@ruta/core';
import { TasksWorkerModule } from '@ruta/tasks';

/**
 * The worker: the same domain modules as the API (so that every timer kind has its handler), their
 * processors and loops, no HTTP.
 */
@Module({ imports: [CoreModule, AuditWorkerModule, TasksWorkerModule, CareModule, RegularizationModule, FollowUpModule,
  CaseRetentionWorkerModule, ReportsWorkerModule] })
export class WorkerModule {}
