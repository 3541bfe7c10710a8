import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { CaseModule } from '@ruta/case';
import { TasksModule } from '@ruta/tasks';
import { FollowUpController } from './follow-up.controller';
import { FollowUpRepository } from './follow-up.repository';
import { FollowUpService } from './follow-up.service';

@Module({ imports: [AuditModule, TasksModule, CaseModule], controllers: [FollowUpController], providers: [FollowUpRepository, FollowUpService], exports: [FollowUpService] })
export class FollowUpModule {}
