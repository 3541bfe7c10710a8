import { Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';

/**
 * One connection per unit of work (PRODUCT.md section 14, STYLE.md "Data"). A query through the
 * DataSource while the same async context holds a transaction asks the pool for a second connection;
 * enough such requests at once hold every connection and wait for each other forever. The guard
 * counts the connections each transaction's context takes and refuses (or reports) the second one.
 */
export type ConnectionGuardMode = 'throw' | 'log' | 'off';

interface UnitOfWork {
  open: boolean;
  connections: number;
}

export class SecondConnectionError extends Error {
  constructor() {
    super('a query asked for a second database connection while its unit of work holds a transaction: '
      + 'run it through the transaction\'s EntityManager');
    this.name = 'SecondConnectionError';
  }
}

/** The code given to pg-pool's "timeout exceeded when trying to connect" (no free connection in time). */
export const POOL_TIMEOUT = 'RUTA_POOL_TIMEOUT';

const units = new AsyncLocalStorage<UnitOfWork>();
const logger = new Logger('ConnectionGuard');
const reported = new Set<string>();

export function installConnectionGuard(ds: DataSource, mode: ConnectionGuardMode): void {
  const driver = ds.driver as unknown as { obtainMasterConnection: () => Promise<unknown> };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = () => {
    const unit = units.getStore();
    if (mode !== 'off' && unit?.open && ++unit.connections > 1) {
      const error = new SecondConnectionError();
      if (mode === 'throw') return Promise.reject(error);
      const site = (error.stack ?? '').split('\n').slice(2, 8).join('\n');
      if (!reported.has(site)) {
        reported.add(site);
        logger.error(`${error.message}\n${site}`);
      }
    }
    return obtain().catch((err: Error & { code?: string }) => {
      // pg-pool gives up after connectionTimeoutMillis with a bare Error: name it, so that it answers 503.
      if (!err.code && /timeout exceeded when trying to connect/i.test(err.message)) err.code = POOL_TIMEOUT;
      throw err;
    });
  };
  const transaction = ds.transaction.bind(ds) as (...args: unknown[]) => Promise<unknown>;
  (ds as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (...args: unknown[]) => {
    // A transaction opened inside another one starts with the outer one's count: its connection is a second.
    const outer = units.getStore();
    const unit: UnitOfWork = { open: true, connections: outer?.open ? outer.connections : 0 };
    return units.run(unit, async () => {
      try {
        return await transaction(...args);
      } finally {
        unit.open = false;
      }
    });
  };
}
