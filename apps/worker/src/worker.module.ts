import { Module } from '@nestjs/common';
import { AuditWorkerModule } from '@ruta/audit';
import { CoreModule } from '@ruta/core';
import { TasksWorkerModule } from '@ruta/tasks';

/** The worker: the same domain modules as the API, their processors and loops, no HTTP. */
@Module({ imports: [CoreModule, AuditWorkerModule, TasksWorkerModule] })
export class WorkerModule {}
