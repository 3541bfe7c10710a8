import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { CaseModule } from '@ruta/case';
import { RegularizationService } from './regularization.service';

@Module({ imports: [AuditModule, CaseModule], providers: [RegularizationService], exports: [RegularizationService] })
export class RegularizationModule {}
