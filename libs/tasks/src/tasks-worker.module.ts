import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { ConfigType } from '@nestjs/config';
import { redisConfig, RedisNamespace, redisOptions } from '@ruta/core';
import { OutboxRelay } from './timers/outbox-relay.service';
import { TasksModule } from './tasks.module';
import { TimerProcessor } from './timers/timer.processor';
import { TimerReconciler } from './timers/timer-reconciler.service';
import { TIMER_QUEUE } from './timers/timer.types';
import { WorkerLoops } from './worker-loops.service';

/** The worker side of the queue: BullMQ, the timer processor, the outbox relay and the reconciler. */
@Module({
  imports: [
    TasksModule,
    BullModule.forRootAsync({
      inject: [redisConfig.KEY, RedisNamespace],
      useFactory: (config: ConfigType<typeof redisConfig>, namespace: RedisNamespace) => ({
        connection: redisOptions(config.url, true) as ConnectionOptions,
        prefix: namespace.prefix,
      }),
    }),
    BullModule.registerQueue({ name: TIMER_QUEUE }),
  ],
  providers: [TimerProcessor, OutboxRelay, TimerReconciler, WorkerLoops],
  exports: [WorkerLoops, OutboxRelay, TimerReconciler],
})
export class TasksWorkerModule {}
