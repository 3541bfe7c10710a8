import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { Clock } from './clock/clock.service';
import { FieldCipher } from './crypto/field-cipher';
import { IdempotencyService } from './idempotency/idempotency.service';
import { IdempotencyInterceptor } from './idempotency/idempotent';
import { ETagInterceptor } from './http/etag';
import { TestClockController } from './clock/test-clock.controller';
import { databaseConfig, redisConfig, rutaConfigs } from './config/ruta.config';
import { RedisNamespace } from './redis/redis-namespace';
import { RedisService } from './redis/redis.service';
import { installConnectionGuard } from './database/connection-guard';
import { rutaLoggerParams } from './logging/logger-params';

/**
 * Configuration, logging, the database connection (as the least-privileged role), the clock and
 * Redis: everything every other library stands on.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: rutaConfigs, ignoreEnvFile: true, cache: true }),
    LoggerModule.forRootAsync({
      imports: [],
      providers: [],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => rutaLoggerParams(
        config.getOrThrow<string>('app.logLevel'),
        config.getOrThrow<'json' | 'pretty'>('app.logFormat'),
      ),
    }),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        type: 'postgres',
        url: config.getOrThrow<string>('database.appUrl'),
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        applicationName: 'ruta',
        extra: {
          max: config.getOrThrow<number>('database.poolSize'),
          // Bounded waits (PRODUCT.md section 14): for a pooled connection, then on the server.
          connectionTimeoutMillis: config.getOrThrow<number>('database.poolWaitMs'),
          statement_timeout: config.getOrThrow<number>('database.statementTimeoutMs'),
          idle_in_transaction_session_timeout: config.getOrThrow<number>('database.idleInTransactionTimeoutMs'),
        },
      }),
      dataSourceFactory: async (options) => {
        const ds = new DataSource(options!);
        installConnectionGuard(ds, databaseConfig().connectionGuard);
        return ds.initialize();
      },
    }),
  ],
  controllers: [TestClockController],
  providers: [
    Clock, RedisService, FieldCipher, IdempotencyService,
    // Claimed before anything uses Redis: start-up stops if another database holds the prefix.
    { provide: RedisNamespace, inject: [DataSource, redisConfig.KEY], useFactory: RedisNamespace.claim },
    // HTTP concerns declared per route (@ETagged(), @Idempotent()). In this order: the ETag interceptor wraps
    // the idempotency one, so that a replayed answer carries its record's ETag too.
    { provide: APP_INTERCEPTOR, useClass: ETagInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [Clock, RedisService, RedisNamespace, FieldCipher, IdempotencyService],
})
export class CoreModule {}
