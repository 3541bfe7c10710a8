import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { CaseModule } from '@ruta/case';
import { DirectoryModule } from '@ruta/directory';
import { TasksModule } from '@ruta/tasks';
import { ClosureController } from './closure.controller';
import { ClosureRepository } from './closure.repository';
import { ClosureService } from './closure.service';

@Module({ imports: [AuditModule, TasksModule, DirectoryModule, CaseModule], controllers: [ClosureController], providers: [ClosureRepository, ClosureService], exports: [ClosureService] })
export class ClosureModule {}
