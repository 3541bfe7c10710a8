import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { CaseModule } from '@ruta/case';
import { TasksModule } from '@ruta/tasks';
import { ClosureController } from './closure.controller';
import { ClosureService } from './closure.service';

@Module({ imports: [AuditModule, TasksModule, CaseModule], controllers: [ClosureController], providers: [ClosureService], exports: [ClosureService] })
export class ClosureModule {}
