import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { redisConfig } from '../config/ruta.config';
import { RedisNamespace } from './redis-namespace';
import { redisOptions } from './redis-options';

/** One shared ioredis client for health checks and rate limits; BullMQ opens its own connections. */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  readonly client: Redis;

  constructor(@Inject(redisConfig.KEY) readonly config: ConfigType<typeof redisConfig>, readonly namespace: RedisNamespace) {
    this.client = new Redis(redisOptions(config.url));
    this.client.on('error', (err) => this.logger.warn({ err: err.message }, 'redis connection error'));
  }

  key(...parts: string[]): string {
    return [this.namespace.prefix, ...parts].join(':');
  }

  /** The worker keeps its claim on the prefix (Redis may have lost the key); false if another database took it. */
  reclaimPrefix(): Promise<boolean> {
    return this.namespace.reclaim(this.client);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
