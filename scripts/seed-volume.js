#!/usr/bin/env node
'use strict';
// `npm run seed:volume -- --cases N [--seed S] [--until YYYY-MM-DD] [--batch N] [--database-url URL]`: appends N
// generated cases (seeds/volume) to --database-url, else DATABASE_URL, else the embedded PostgreSQL of `npm start`
// (.data/), with the keys `npm start` uses, so that it can afterwards open what was generated.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ensureEmbeddedPostgres, secretFile } = require('./services');
const { buildApi } = require('./build');

const root = path.resolve(__dirname, '..');
const dataDir = path.join(root, '.data');

function takeOption(args, name) {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const [arg] = args.splice(i, 1);
  return arg.includes('=') ? arg.slice(name.length + 1) : args.splice(i, 1)[0];
}

async function main() {
  const args = process.argv.slice(2);
  const env = { ...process.env };
  const url = takeOption(args, '--database-url');
  if (url) env.DATABASE_URL = url;
  let stop = () => undefined;
  if (!env.DATABASE_URL) {
    process.stdout.write('Starting embedded PostgreSQL...\n');
    const pg = await ensureEmbeddedPostgres(dataDir);
    stop = pg.stop;
    env.DATABASE_URL = pg.url;
    env.DATABASE_APP_PASSWORD ??= secretFile(path.join(dataDir, 'keys', 'pg-app.key'));
  }
  // The same keys as scripts/start.js: what is sealed here, `npm start` opens.
  if (env.NODE_ENV !== 'production') {
    if (!env.DATA_ENCRYPTION_KEYS) {
      const key = Buffer.from(secretFile(path.join(dataDir, 'keys', 'data-key-dev1.key')), 'base64url');
      env.DATA_ENCRYPTION_KEYS = `dev1:${key.toString('base64')}`;
    }
    env.DATA_HASH_KEY ??= secretFile(path.join(dataDir, 'keys', 'data-hash.key'));
  }
  try {
    process.stdout.write('Building...\n');
    if ((await buildApi({ ifStale: true })).code !== 0) throw new Error('build failed');
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'dist/seeds/volume/main.js'), ...args], { cwd: root, env, stdio: 'inherit' });
      child.on('exit', (c) => resolve(c ?? 1));
    });
    process.exitCode = code;
  } finally {
    await Promise.resolve(stop()).catch(() => undefined);
  }
}

main().catch((err) => {
  process.stderr.write(`${err && err.message ? err.message : String(err)}\n`);
  process.exit(1);
});
