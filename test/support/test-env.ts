import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What global-setup.ts writes once per `jest` run: the migrated and seeded template database, and the run's settings. */
export interface TestRun {
  id: string;
  adminUrl: string;
  databaseUrl: string;
  database: string;
  env: Record<string, string>;
  startedEmbedded: boolean;
}

export const RUN_FILE = join(__dirname, '..', '..', '.data', 'test-run.json');
const DATA = join(__dirname, '..', '..', '.data');

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The jest worker this file runs in ('1' in band): each worker has a database, a Redis prefix and an audit head of its own. */
export function workerId(): string {
  return process.env.JEST_WORKER_ID ?? '1';
}

/** The run as global-setup wrote it: `database` is the template every worker's database is copied from. */
export function readTemplateRun(): TestRun {
  return JSON.parse(readFileSync(RUN_FILE, 'utf8')) as TestRun;
}

/** The template's name, and the name of a worker's copy of it. */
export const workerDatabaseName = (run: TestRun, worker: string): string => `${run.database}_w${worker}`;

/**
 * The run as one worker sees it (or `worker`'s, for the suite-wide invariants): its own database (a copy of
 * the template, made by ensureWorkerDatabase), Redis prefix and audit chain head; the rest shared.
 */
export function readRun(worker = workerId()): TestRun {
  const run = readTemplateRun();
  const database = workerDatabaseName(run, worker);
  const databaseUrl = withDatabase(run.databaseUrl, database);
  return {
    ...run,
    database,
    databaseUrl,
    env: {
      ...run.env,
      DATABASE_URL: databaseUrl,
      REDIS_PREFIX: `${run.env.REDIS_PREFIX}-w${worker}`,
      AUDIT_HEAD_FILE: join(DATA, `audit-head-${run.id}-w${worker}.json`),
    },
  };
}

/** Environment shared by every suite of this run (light argon2, test clock, own Redis prefix). */
export function baseTestEnv(id: string, databaseUrl: string, redisUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_APP_PASSWORD: 'ruta-app-test',
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `ruta-test-${id}`,
    JWT_SECRET: `test-jwt-secret-${id}-0123456789abcdef`,
    AUDIT_HMAC_KEY: `test-audit-key-${id}-0123456789abcdef`,
    AUDIT_HEAD_FILE: join(DATA, `audit-head-${id}.json`),
    AUDIT_SEAL_INTERVAL_MS: '600000',
    // Tests refresh the report summaries themselves (ReportsRefreshLoop.refreshNow), never behind another test's back.
    REPORTS_REFRESH_INTERVAL_MS: '86400000',
    DATA_ENCRYPTION_KEYS: `t1:${Buffer.alloc(32, 7).toString('base64')},t0:${Buffer.alloc(32, 3).toString('base64')}`,
    DATA_ENCRYPTION_ACTIVE_KEY: 't1',
    DATA_HASH_KEY: `test-hash-key-${id}-0123456789abcdef`,
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    RUTA_DEMO: '1',
    RUTA_TEST_CLOCK: '1',
    RUTA_INLINE_WORKER: '1',
    RUTA_MIGRATE_ON_START: '0',
    OUTBOX_RELAY_INTERVAL_MS: '100',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  };
}
