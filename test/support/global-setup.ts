import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { createDatabase, migrateAndSeed, withDatabase } from './database';
import { baseTestEnv, RUN_FILE, TestRun } from './test-env';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../scripts/services.js');

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * One database per test run (dropped in teardown) on TEST_DATABASE_URL, else the local PostgreSQL at
 * 127.0.0.1:5432, else (or with RUTA_TEST_EMBEDDED=1) an embedded PostgreSQL; Redis keys under a prefix
 * of this run only.
 */
export default async function globalSetup(): Promise<void> {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';
  let startedEmbedded = false;
  const forceEmbedded = process.env.RUTA_TEST_EMBEDDED === '1';
  if (forceEmbedded || !(await reachable(adminUrl))) {
    const fallback = 'postgresql://postgres@127.0.0.1:5432/postgres';
    if (!forceEmbedded && !process.env.TEST_DATABASE_URL && (await reachable(fallback))) {
      adminUrl = fallback;
    } else {
      const pg = await services.ensureEmbeddedPostgres(join(__dirname, '..', '..', '.data', 'test'), 'ruta_test_admin');
      adminUrl = pg.url;
      startedEmbedded = true;
      (globalThis as Record<string, unknown>).__rutaEmbeddedPg = pg;
    }
  }
  const redis = await services.ensureRedis();
  (globalThis as Record<string, unknown>).__rutaRedis = redis;
  const database = `ruta_test_${id}`;
  await createDatabase(adminUrl, database);
  const databaseUrl = withDatabase(adminUrl, database);
  const env = baseTestEnv(id, databaseUrl, redis.url);
  // The migrations give the application role the password the app will use (needed where auth is not trust).
  process.env.DATABASE_APP_PASSWORD = env.DATABASE_APP_PASSWORD;
  await migrateAndSeed(databaseUrl);
  const run: TestRun = { id, adminUrl, databaseUrl, database, env, startedEmbedded };
  mkdirSync(dirname(RUN_FILE), { recursive: true });
  writeFileSync(RUN_FILE, JSON.stringify(run, null, 2));
}
