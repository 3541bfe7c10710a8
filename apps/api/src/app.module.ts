import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule, AuditWorkerModule } from '@ruta/audit';
import { AuthModule } from '@ruta/auth';
import { CaseModule, CaseRetentionWorkerModule } from '@ruta/case';
import { CaseAnalysisModule } from '@ruta/case-analysis';
import { CareModule } from '@ruta/care';
import { ClosureModule } from '@ruta/closure';
import { FollowUpModule } from '@ruta/follow-up';
import { CoreModule } from '@ruta/core';
import { DirectoryModule } from '@ruta/directory';
import { IdentificationModule } from '@ruta/identification';
import { ReferralModule } from '@ruta/referral';
import { RegularizationModule } from '@ruta/regularization';
import { ReportsModule, ReportsWorkerModule } from '@ruta/reports';
import { TasksModule, TasksWorkerModule } from '@ruta/tasks';
import { HealthModule } from './health/health.module';

/** Wires the modules; nothing else. With inlineWorker the worker's duties run in this process too. */
@Module({})
export class AppModule {
  static register(options: { inlineWorker: boolean }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule, AuthModule, DirectoryModule, AuditModule, TasksModule, CaseModule, IdentificationModule,
        CaseAnalysisModule, ReferralModule, RegularizationModule, CareModule, ClosureModule, FollowUpModule, ReportsModule, HealthModule,
        ...(options.inlineWorker ? [AuditWorkerModule, TasksWorkerModule, CaseRetentionWorkerModule, ReportsWorkerModule] : []),
      ],
    };
  }
}
