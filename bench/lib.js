'use strict';
// Helpers shared by the benchmark (run.js) and the profiler (profile.js). Loopback only.
const autocannon = require('autocannon');
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { freePort } = require('../scripts/services');

const root = path.resolve(__dirname, '..');
const PASSWORD = 'Ruta-Demo-2026';

const log = (line) => process.stdout.write(`${line}\n`);

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function sql(url, text, params) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

function pgbench(url, args, seconds) {
  const u = new URL(url);
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
  const base = ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username), ...args, u.pathname.slice(1)];
  const r = spawnSync('pgbench', base, { env, encoding: 'utf8', timeout: (seconds + 120) * 1000 });
  if (r.status !== 0) throw new Error(`pgbench ${args.join(' ')} failed: ${r.stderr || r.error}`);
  return r.stdout + r.stderr;
}

function pgbenchRun(url, clients, seconds) {
  const out = pgbench(url, ['-c', String(clients), '-j', '2', '-T', String(seconds), '-n'], seconds);
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
  return { clients, seconds, tps, latencyAvgMs: latency };
}

function cannon(title, options) {
  return new Promise((resolve, reject) => {
    const times = [];
    const instance = autocannon({ connections: 10, duration: 10, timeout: 10, ...options }, (err, r) => {
      if (err) return reject(err);
      times.sort((a, b) => a - b);
      const at = (p) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] * 10) / 10 : null);
      resolve({
        title, connections: options.connections ?? 10, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors,
        timeouts: r.timeouts, rps: Math.round((r.requests.total / r.duration) * 10) / 10, durationS: r.duration,
        latencyMs: { p50: at(50), p90: at(90), p95: at(95), p99: at(99), max: at(100) },
      });
    });
    // Every response's time, for exact percentiles (autocannon's summary has no p95).
    instance.on('response', (client, statusCode, bytes, responseTime) => { times.push(responseTime); });
  });
}

async function waitForHealth(base, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/api/v1/health`);
      if (res.ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Ruta did not become healthy at ${base} within ${ms / 1000} s`);
}

function spawnNode(script, env) {
  const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  child.lastError = () => stderr;
  return child;
}

async function login(base, username) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (await res.json()).accessToken;
}

const PRESUMED = new Set(['dr_deceived_nature_of_job', 'dr_deceived_about_wages', 'ex_excessive_hours', 'ex_forced_sexual_services',
  'cd_confiscation_of_documents', 'cd_violence_on_person']);

/** A full screening: every indicator of the catalog answered, six of them yes (a presumed victim). */
async function fullScreening(base, token) {
  const res = await fetch(`${base}/api/v1/catalog/indicators`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`catalog: ${res.status}`);
  const catalog = await res.json();
  return catalog.indicators.map((i) => ({ indicator: i.code, answer: PRESUMED.has(i.code) ? 'yes' : 'no' }));
}

/** A unique victim per request (no duplicate matches), with a full screening. */
function intakeBody(n, run, answers) {
  return JSON.stringify({
    victim: {
      givenNames: `Ana Lucía ${run}${n}`, familyNames: `Quiñónez ${n}`, sex: 'female', dateOfBirth: '1997-05-20',
      nationality: ['VEN'], documents: [{ type: 'passport', number: `B-${run}-${n}`, issuingCountry: 'VEN' }],
      languages: ['spa'], contact: { phone: '+593 99 765 4321' },
    },
    identification: {
      date: '2026-11-20', province: '04', canton: 'Tulcán', borderPoint: 'rumichaca', cameToAttention: 'border_control',
      circumstances: 'Viajaba con un hombre que retenía su pasaporte; relata oferta de trabajo engañosa.',
      exploitationForms: ['sexual_exploitation'], locatedAbroad: false,
    },
    consent: { dataProcessing: true, referral: true, shareWith: ['MIES'] },
    screening: { catalogVersion: 'v1', answers },
  });
}

function intakeLoad(base, token, answers, connections, maxRequests, seconds, run) {
  let n = 0;
  return cannon(`POST /api/v1/cases (intake, ${connections} clients)`, {
    url: `${base}/api/v1/cases`, connections, maxOverallRequests: maxRequests, duration: seconds,
    requests: [{
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: intakeBody(++n, run, answers) }),
    }],
  });
}

async function seedTasks(ownerUrl, atLeast) {
  const [{ n }] = await sql(ownerUrl, `SELECT count(*)::int AS n FROM tasks`);
  const missing = Math.max(0, atLeast - n);
  if (missing > 0) {
    // A year of a national queue: most tasks done, one in ten still open, spread over agencies and roles.
    await sql(ownerUrl, `
      INSERT INTO tasks (type, status, priority, due_at, addressee_role, addressee_agency, completed_at, created_at, updated_at, details)
      SELECT 'case_review',
             CASE WHEN g % 10 = 0 THEN 'open' ELSE 'done' END,
             (ARRAY['urgent','high','normal','normal'])[1 + g % 4],
             now() - interval '300 days' + (g % 400) * interval '1 day',
             (ARRAY['committee_member','service_focal_point','immigration_officer'])[1 + g % 3],
             (ARRAY['MDI','MIES','SDH','MREMH','MSP','MINEDUC','MDT','FGE','DPE'])[1 + g % 9],
             CASE WHEN g % 10 = 0 THEN NULL ELSE now() - interval '1 day' END,
             now() - interval '365 days' + (g % 365) * interval '1 day', now(), '{}'::jsonb
      FROM generate_series(1, $1::int) g`, [missing]);
    await sql(ownerUrl, `ANALYZE tasks`);
  }
  return (await sql(ownerUrl, `SELECT count(*)::int AS n FROM tasks`))[0].n;
}


/**
 * Builds nothing: starts the built API (dist/) as npm start runs it (demo data, worker inline) on a new
 * database of adminUrl's server (or on `database`, which must exist). `nodeArgs` go to node (--cpu-prof for the profiler).
 */
async function startRuta(adminUrl, redisUrl, run, { nodeArgs = [], env: extra = {}, secrets, database: existing } = {}) {
  const database = existing ?? `ruta_bench_${run}`;
  if (!secrets && !existing) await sql(adminUrl, `CREATE DATABASE "${database}"`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruta-bench-'));
  const secret = () => crypto.randomBytes(32).toString('base64url');
  // The same secrets again when a second instance opens the first one's database (the profiler).
  const keys = secrets ?? {
    DATABASE_APP_PASSWORD: `bench-${secret()}`, JWT_SECRET: secret(), AUDIT_HMAC_KEY: secret(), DATA_HASH_KEY: secret(),
    DATA_ENCRYPTION_KEYS: `b1:${crypto.randomBytes(32).toString('base64')}`, AUDIT_HEAD_FILE: path.join(keyDir, 'audit-head.json'),
  };
  const env = {
    ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: withDatabase(adminUrl, database),
    REDIS_URL: redisUrl, REDIS_PREFIX: `ruta-bench-${run}`, RUTA_DEMO: '1', RUTA_INLINE_WORKER: '1', RUTA_MIGRATE_ON_START: '1',
    LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...keys, ...extra,
  };
  const api = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist/apps/api/src/main.js')], { cwd: keyDir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  api.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  const exited = new Promise((resolve) => api.on('exit', resolve));
  await waitForHealth(base, 120_000).catch((err) => { throw new Error(`${err.message}\n${stderr}`); });
  return {
    base, ownerUrl: withDatabase(adminUrl, database), keyDir, secrets: keys, pid: api.pid,
    stop: async ({ keepDatabase = false } = {}) => {
      api.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (keepDatabase) return;
      await sql(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
      fs.rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds used so far by the API, by every PostgreSQL process, and by this process (the load generator). */
function cpuSeconds(apiPid) {
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  const of = (pid) => {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(f[11]) + Number(f[12])) / ticks;
    } catch {
      return 0;
    }
  };
  let postgres = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') postgres += of(pid);
    } catch { /* gone */ }
  }
  return { api: of(apiPid), postgres, loadGenerator: of(process.pid) };
}

/** The PostgreSQL server of a run: BENCH_DATABASE_URL, else an embedded one under .data/bench. */
async function benchServer() {
  if (process.env.BENCH_DATABASE_URL) return { adminUrl: process.env.BENCH_DATABASE_URL, stop: () => undefined };
  const { ensureEmbeddedPostgres } = require('../scripts/services');
  log('Starting an embedded PostgreSQL (as npm start does)...');
  // pg_stat_statements, so that the profiler can say which statements the time went to.
  const pg = await ensureEmbeddedPostgres(path.join(root, '.data', 'bench'), 'ruta_bench_admin', () => undefined, {
    flags: ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all', '-c', 'pg_stat_statements.track_planning=on'],
    superuserSql: ['CREATE EXTENSION IF NOT EXISTS pg_stat_statements', 'GRANT pg_read_all_stats TO ruta_owner'],
  });
  return { adminUrl: pg.url, stop: pg.stop };
}

function build() {
  log('Building Ruta...');
  const r = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

module.exports = {
  root, log, withDatabase, sql, pgbench, pgbenchRun, cannon, waitForHealth, spawnNode, login, fullScreening, intakeBody,
  intakeLoad, seedTasks, startRuta, benchServer, build, cpuSeconds,
};
