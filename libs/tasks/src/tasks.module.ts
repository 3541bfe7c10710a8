import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/audit';
import { OutboxService } from './outbox/outbox.service';
import { TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';
import { TimerRegistry } from './timers/timer-registry';
import { TimerService } from './timers/timer.service';

@Module({
  imports: [AuditModule],
  controllers: [TasksController],
  providers: [TasksRepository, TasksService, TimerService, TimerRegistry, OutboxService],
  exports: [TasksService, TimerService, TimerRegistry, OutboxService],
})
export class TasksModule {}
