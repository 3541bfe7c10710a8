import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { CaseModule } from '@ruta/case';
import { TasksModule } from '@ruta/tasks';
import { FollowUpController } from './follow-up.controller';
import { FollowUpService } from './follow-up.service';

@Module({ imports: [AuditModule, TasksModule, CaseModule], controllers: [FollowUpController], providers: [FollowUpService], exports: [FollowUpService] })
export class FollowUpModule {}
