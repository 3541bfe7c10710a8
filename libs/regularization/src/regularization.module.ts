import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { CaseModule } from '@ruta/case';
import { TasksModule } from '@ruta/tasks';
import { RegularizationService } from './regularization.service';
import { VisaController } from './visa.controller';
import { VisaRepository } from './visa.repository';
import { VisaService } from './visa.service';

@Module({
  imports: [AuditModule, TasksModule, CaseModule],
  controllers: [VisaController],
  providers: [VisaRepository, RegularizationService, VisaService],
  exports: [RegularizationService, VisaService],
})
export class RegularizationModule {}
