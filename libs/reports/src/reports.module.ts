import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { DirectoryModule } from '@ruta/directory';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Reports (PRODUCT.md section 11): reads across the other modules' tables only through its own summaries, writes nothing but them. */
@Module({ imports: [AuditModule, DirectoryModule], controllers: [ReportsController], providers: [ReportsRepository, ReportsService], exports: [ReportsRepository] })
export class ReportsModule {}
