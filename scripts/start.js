#!/usr/bin/env node
'use strict';
// `npm start`: Ruta on one machine. Embedded PostgreSQL (data in .data/) unless DATABASE_URL is set,
// Redis as PRODUCT.md section 14 says, demo data, API and worker in one process.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ensureEmbeddedPostgres, ensureRedis, secretFile } = require('./services');
const { buildApi, buildWeb } = require('./build');

const root = path.resolve(__dirname, '..');
const dataDir = path.join(root, '.data');
const production = process.env.NODE_ENV === 'production';

async function main() {
  const stops = [];
  const env = { ...process.env };
  try {
    if (!env.DATABASE_URL) {
      process.stdout.write('Starting embedded PostgreSQL...\n');
      const pg = await ensureEmbeddedPostgres(dataDir);
      stops.push(pg.stop);
      env.DATABASE_URL = pg.url;
      env.DATABASE_APP_PASSWORD ??= secretFile(path.join(dataDir, 'keys', 'pg-app.key'));
    }
    const redis = await ensureRedis();
    stops.push(redis.stop);
    env.REDIS_URL = redis.url;
  } catch (err) {
    process.stderr.write(`\n${err && err.message ? err.message : String(err)}\n\n`);
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
    process.exit(1);
  }
  if (!production) {
    env.RUTA_DEMO ??= '1';
    env.JWT_SECRET ??= secretFile(path.join(dataDir, 'keys', 'jwt.key'));
    env.AUDIT_HMAC_KEY ??= secretFile(path.join(dataDir, 'keys', 'audit-hmac.key'));
    env.AUDIT_HEAD_FILE ??= path.join(dataDir, 'audit-head.json');
    if (!env.DATA_ENCRYPTION_KEYS) {
      const key = Buffer.from(secretFile(path.join(dataDir, 'keys', 'data-key-dev1.key')), 'base64url');
      env.DATA_ENCRYPTION_KEYS = `dev1:${key.toString('base64')}`;
    }
    env.DATA_HASH_KEY ??= secretFile(path.join(dataDir, 'keys', 'data-hash.key'));
  }
  env.RUTA_INLINE_WORKER ??= '1';
  // A person reads this terminal: one readable line per event (JSON stays the format in production).
  env.LOG_FORMAT ??= production ? 'json' : 'pretty';

  process.stdout.write('Building...\n');
  // The API and the worker into dist/ (when the sources changed since the last build), then the web app into
  // dist/web (which the API serves at /) with its JavaScript budget: scripts/build.js.
  for (const build of [() => buildApi({ ifStale: true }), () => buildWeb()]) {
    const r = await build();
    if (r.code !== 0) process.exit(r.code);
  }

  const app = spawn(process.execPath, [path.join(root, 'dist/apps/api/src/main.js')], { cwd: root, env, stdio: 'inherit' });
  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { app.kill(signal); });
  app.on('exit', (code) => void shutdown(code ?? 0));
}

main();
