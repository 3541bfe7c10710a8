import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';

const PING_TIMEOUT_MS = 1500;

/**
 * Tells a dead database from a starved pool (PRODUCT.md section 14). The database is pinged over a
 * connection of its own, never one from the pool, so that a pool held by slow work still shows the
 * database up; the pool is "starved" when every connection is busy and units of work are queuing.
 */
@Injectable()
export class DatabaseHealth {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: ConfigService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async database() {
    const indicator = this.indicators.check('database');
    const client = new Client({
      connectionString: this.config.getOrThrow<string>('database.appUrl'),
      connectionTimeoutMillis: PING_TIMEOUT_MS,
      query_timeout: PING_TIMEOUT_MS,
      application_name: 'ruta-health',
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    } finally {
      void client.end().catch(() => undefined);
    }
  }

  pool() {
    const indicator = this.indicators.check('pool');
    const pool = (this.ds.driver as unknown as { master?: Pool }).master;
    if (!pool) return indicator.down({ message: 'not connected' });
    const max = this.config.getOrThrow<number>('database.poolSize');
    const stats = { size: max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
    const starved = pool.waitingCount > 0 && pool.idleCount === 0 && pool.totalCount >= max;
    return starved ? indicator.down({ ...stats, message: 'every connection is busy and requests are waiting' }) : indicator.up(stats);
  }
}
