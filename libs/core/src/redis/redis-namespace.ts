import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { redisOptions } from './redis-options';

const CLAIM_TIMEOUT_MS = 10_000;

/** Start-up refusal: the prefix belongs to another database. */
export class RedisPrefixClaimedError extends Error {}

/**
 * The Redis key prefix of this installation, tied to its database (PRODUCT.md section 14): unless
 * REDIS_PREFIX names one, it is derived from the database's identity (table ruta_instance), and at
 * start-up it is claimed with the key `<prefix>:owner`. A prefix that another database holds stops
 * start-up, so two installations sharing a Redis never take each other's timer jobs.
 */
export class RedisNamespace {
  private readonly logger = new Logger(RedisNamespace.name);

  constructor(readonly prefix: string, readonly identity: string, private readonly where: string) {}

  static derivedPrefix(identity: string): string {
    return `ruta-${createHash('sha256').update(identity).digest('hex').slice(0, 12)}`;
  }

  /** Reads the database's identity, chooses the prefix and claims it (or throws RedisPrefixClaimedError). */
  static async claim(ds: DataSource, config: { url: string; prefix?: string }): Promise<RedisNamespace> {
    const [row]: { identity: string; database: string }[] = await ds.query(
      `SELECT identity::text AS identity, current_database() AS database FROM ruta_instance WHERE id = 1`);
    if (!row) throw new Error('The database has no identity row (ruta_instance): run the migrations');
    const identity = `${row.database}/${row.identity}`;
    const url = new URL(config.url);
    const namespace = new RedisNamespace(config.prefix ?? RedisNamespace.derivedPrefix(identity), identity,
      `${url.hostname}:${url.port || 6379}${url.pathname && url.pathname !== '/' ? url.pathname : ''}`);
    const client = new Redis({ ...redisOptions(config.url), enableOfflineQueue: true, maxRetriesPerRequest: 3 });
    client.on('error', () => undefined);
    try {
      const holder = await Promise.race([
        namespace.holder(client),
        new Promise<never>((_, reject) => {
          setTimeout(() => reject(new Error(`Redis at ${namespace.where} did not answer within ${CLAIM_TIMEOUT_MS / 1000} s`)),
            CLAIM_TIMEOUT_MS).unref();
        }),
      ]);
      if (holder !== identity) throw new RedisPrefixClaimedError(namespace.refusal(holder));
    } finally {
      client.disconnect();
    }
    return namespace;
  }

  get ownerKey(): string {
    return `${this.prefix}:owner`;
  }

  /**
   * Claims the prefix again (after Redis lost its data the key is gone), from a running worker. A prefix
   * taken meanwhile by another database is logged as an error: this installation must be stopped and
   * given a prefix of its own.
   */
  async reclaim(client: Redis): Promise<boolean> {
    const holder = await this.holder(client);
    if (holder === this.identity) return true;
    this.logger.error({ prefix: this.prefix, holder, identity: this.identity }, this.refusal(holder));
    return false;
  }

  /** SET NX, then GET: who holds the prefix now (this database, if it was free). */
  private async holder(client: Redis): Promise<string | null> {
    await client.set(this.ownerKey, this.identity, 'NX');
    return client.get(this.ownerKey);
  }

  private refusal(holder: string | null): string {
    return `The Redis key prefix "${this.prefix}" at ${this.where} is claimed by another Ruta database (${holder}); `
      + `this one is ${this.identity}. Two installations sharing a prefix would take each other's timer jobs. `
      + 'Set REDIS_PREFIX to a prefix of this installation\'s own, or leave it unset to use one derived from the database; '
      + `if that other database no longer exists, delete the key "${this.ownerKey}" in Redis.`;
  }
}
