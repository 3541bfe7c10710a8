import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Redis from 'ioredis';
import { dropDatabase } from './database';
import { contractFiles } from './response-contract';
import { readTemplateRun, RUN_FILE } from './test-env';

/** Drops this run's databases (the template and every worker's copy) and deletes this run's Redis keys (never FLUSHALL a shared Redis). */
export default async function globalTeardown(): Promise<void> {
  const run = readTemplateRun();
  const { Client } = await import('pg');
  const client = new Client({ connectionString: run.adminUrl });
  await client.connect();
  const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${run.database}%`]);
  await client.end();
  for (const row of rows) await dropDatabase(run.adminUrl, row.datname);
  const redis = new Redis(run.env.REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${run.env.REDIS_PREFIX}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  for (const file of readdirSync(dirname(RUN_FILE))) {
    if (file.startsWith(`audit-head-${run.id}`)) rmSync(join(dirname(RUN_FILE), file), { force: true });
  }
  for (const file of contractFiles(run.id)) rmSync(file, { force: true });
  rmSync(RUN_FILE, { force: true });
  const g = globalThis as unknown as Record<string, { stop: () => unknown } | undefined>;
  await g.__rutaRedis?.stop();
  await g.__rutaEmbeddedPg?.stop();
}
