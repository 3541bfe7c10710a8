import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestRun {
  id: string;
  adminUrl: string;
  databaseUrl: string;
  database: string;
  env: Record<string, string>;
  startedEmbedded: boolean;
}

export const RUN_FILE = join(__dirname, '..', '..', '.data', 'test-run.json');

export function readRun(): TestRun {
  return JSON.parse(readFileSync(RUN_FILE, 'utf8')) as TestRun;
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
    AUDIT_HEAD_FILE: join(__dirname, '..', '..', '.data', `audit-head-${id}.json`),
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
