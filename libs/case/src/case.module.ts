import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { DirectoryModule } from '@ruta/directory';
import { TasksModule } from '@ruta/tasks';
import { CaseAccessService } from './case-access.service';
import { CasePartsRegistry } from './case-parts.registry';
import { CaseActionsRegistry } from './case-actions.registry';
import { CaseClosureHooks } from './case-closure.hooks';
import { CaseRecordMapper } from './case-record.mapper';
import { CaseRecordService } from './case-record.service';
import { CaseViewAssembler } from './case-view.assembler';
import { CaseController } from './case.controller';
import { CaseRepository } from './case.repository';
import { CaseService } from './case.service';
import { ConsentAgencies } from './consent-agencies';

@Module({
  imports: [AuditModule, TasksModule, DirectoryModule],
  controllers: [CaseController],
  providers: [CasePartsRegistry, CaseActionsRegistry, CaseClosureHooks, CaseRepository, CaseService, CaseRecordService, CaseAccessService, CaseViewAssembler, CaseRecordMapper, ConsentAgencies],
  exports: [CasePartsRegistry, CaseActionsRegistry, CaseClosureHooks, CaseService, CaseRepository, CaseAccessService, CaseRecordMapper, ConsentAgencies],
})
export class CaseModule {}
