import type { RedisOptions } from 'ioredis';

/** ioredis options from REDIS_URL; BullMQ needs maxRetriesPerRequest null on its connections. */
export function redisOptions(url: string, forBullmq = false): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname && parsed.pathname !== '/' ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isFinite(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    lazyConnect: false,
    enableOfflineQueue: forBullmq,
    maxRetriesPerRequest: forBullmq ? null : 1,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
}
