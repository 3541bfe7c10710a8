import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';

const PING_TIMEOUT_MS = 1500;
const POOL_PROBE_MS = 1000;

/**
 * Tells a dead database from a starved pool (PRODUCT.md section 14). The database is pinged over a
 * connection of its own, never one from the pool, so that a pool held by slow work still shows the
 * database up; the pool is "starved" when a unit of work cannot get a connection in time.
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

  /**
   * Starved: a unit of work cannot get a pooled connection within POOL_PROBE_MS. A pool that is merely
   * busy (every connection in use, a short queue being served) still hands one over in time.
   */
  async pool() {
    const indicator = this.indicators.check('pool');
    const pool = (this.ds.driver as unknown as { master?: Pool }).master;
    if (!pool) return indicator.down({ message: 'not connected' });
    const stats = () => ({ size: this.config.getOrThrow<number>('database.poolSize'), total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    const acquired = pool.connect();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), POOL_PROBE_MS); });
    try {
      const first = await Promise.race([acquired, timedOut]);
      if (first === 'timeout') {
        const snapshot = stats();
        // Give the connection back whenever it comes.
        acquired.then((client) => client.release(), () => undefined);
        return indicator.down({ ...snapshot, message: `no pooled connection within ${POOL_PROBE_MS} ms` });
      }
      first.release();
      return indicator.up(stats());
    } catch (err) {
      return indicator.down({ ...stats(), message: (err as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
