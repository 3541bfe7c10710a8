import { Module } from '@nestjs/common';
import { ReportsRepository } from './reports.repository';
import { ReportsRefreshLoop } from './reports-refresh.loop';

/** The worker side of the reports: keeping the summaries fresh. */
@Module({ providers: [ReportsRepository, ReportsRefreshLoop], exports: [ReportsRefreshLoop] })
export class ReportsWorkerModule {}
