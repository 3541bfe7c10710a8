#!/usr/bin/env node
'use strict';
// `npm run bench`: Ruta's load benchmark beside its ceilings, measured in one run, one after the other
// (never side by side), on loopback only, every step bounded in requests and seconds.
//
//   1. the database ceiling: pgbench's TPC-B-like load (scale 10) at 10 and 50 clients, on the
//      PostgreSQL server Ruta uses in this run;
//   2. the framework ceiling: a bare endpoint of a minimal Nest app on the same HTTP stack;
//   3. Ruta (built, started as `npm start` runs it, demo data): case intake with unique victims and a
//      full screening at 10 and 50 clients, the committee inbox with >= 100,000 tasks in the table,
//      the officer's case list; then health and a normal request right after the load.
//
// The PostgreSQL server: BENCH_DATABASE_URL (an admin URL; a database of the run's own is created and
// dropped), else an embedded one under .data/bench (as npm start would run). Redis as npm start finds it.
// Results: bench/results/<timestamp>.json and bench/results/latest.md, each figure beside its ceiling.
const autocannon = require('autocannon');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { ensureEmbeddedPostgres, ensureRedis, freePort } = require('../scripts/services');

const root = path.resolve(__dirname, '..');
const PASSWORD = 'Ruta-Demo-2026';
const INBOX_TASKS = 100_000;
const TARGETS = {
  intakeShareOfPgbench50: 0.2, // intake throughput at 50 clients >= 20% of pgbench's TPS at 50
  intakeP99At10Ms: 100,
  inboxP95Ms: 20,
};

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
    autocannon({ connections: 10, duration: 10, timeout: 10, ...options }, (err, r) => {
      if (err) return reject(err);
      resolve({
        title, connections: options.connections ?? 10, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors,
        timeouts: r.timeouts, rps: r.requests.average, durationS: r.duration,
        latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p95: r.latency.p97_5 !== undefined ? percentile(r, 95) : undefined, p99: r.latency.p99, max: r.latency.max },
      });
    });
  });
}

// autocannon reports p97.5 but not p95: take it from its histogram summary where present, else p97.5.
function percentile(result, p) {
  return result.latency[`p${p}`] ?? result.latency.p97_5;
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

const ANSWERS = [
  { indicator: 'dr_deceived_nature_of_job', answer: 'yes' },
  { indicator: 'dr_deceived_about_wages', answer: 'yes' },
  { indicator: 'dr_false_promises', answer: 'no' },
  { indicator: 'ex_excessive_hours', answer: 'yes' },
  { indicator: 'ex_forced_sexual_services', answer: 'yes', note: 'relato de la víctima' },
  { indicator: 'ex_low_or_no_pay', answer: 'unknown' },
  { indicator: 'cd_confiscation_of_documents', answer: 'yes' },
  { indicator: 'cd_violence_on_person', answer: 'yes' },
];

/** A unique victim per request (no duplicate matches), with a full screening. */
function intakeBody(n, run) {
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
    screening: { catalogVersion: 'v1', answers: ANSWERS },
  });
}

function intakeLoad(base, token, connections, maxRequests, seconds, run) {
  let n = 0;
  return cannon(`POST /api/v1/cases (intake, ${connections} clients)`, {
    url: `${base}/api/v1/cases`, connections, amount: maxRequests, duration: seconds,
    requests: [{
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: intakeBody(++n, run) }),
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

function machine(pgVersion) {
  const pgbenchVersion = spawnSync('pgbench', ['--version'], { encoding: 'utf8' }).stdout.trim();
  return {
    cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`,
    node: process.version, postgres: pgVersion, pgbench: pgbenchVersion,
  };
}

const ratio = (a, b) => (b ? Math.round((a / b) * 1000) / 1000 : null);

async function main() {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const run = Math.random().toString(36).slice(2, 7);
  const stops = [];
  const stopAll = async () => { for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined); };
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    // The server and two databases of this run: one for pgbench, one for Ruta.
    let adminUrl = process.env.BENCH_DATABASE_URL;
    if (!adminUrl) {
      log('Starting an embedded PostgreSQL (as npm start does)...');
      const pg = await ensureEmbeddedPostgres(path.join(root, '.data', 'bench'), 'ruta_bench_admin');
      stops.push(pg.stop);
      adminUrl = pg.url;
    }
    const ruta = `ruta_bench_${run}`;
    const pgb = `ruta_pgbench_${run}`;
    for (const db of [ruta, pgb]) await sql(adminUrl, `CREATE DATABASE "${db}"`);
    stops.push(async () => { for (const db of [ruta, pgb]) await sql(adminUrl, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`); });
    const pgVersion = (await sql(adminUrl, `SHOW server_version`))[0].server_version;
    const redis = await ensureRedis();
    stops.push(redis.stop);

    log('Building Ruta...');
    const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');

    // 1. The database ceiling.
    log('pgbench: initialising scale 10...');
    pgbench(withDatabase(adminUrl, pgb), ['-i', '-s', '10', '-q'], 120);
    const pgbenchSeconds = Number(process.env.BENCH_PGBENCH_SECONDS ?? 15);
    const pg10 = pgbenchRun(withDatabase(adminUrl, pgb), 10, pgbenchSeconds);
    log(`pgbench 10 clients: ${pg10.tps.toFixed(0)} TPS`);
    const pg50 = pgbenchRun(withDatabase(adminUrl, pgb), 50, pgbenchSeconds);
    log(`pgbench 50 clients: ${pg50.tps.toFixed(0)} TPS`);

    // 2. The framework ceiling.
    const barePort = await freePort();
    const bare = spawnNode(path.join(__dirname, 'bare-app.js'), { ...process.env, PORT: String(barePort) });
    stops.push(() => bare.kill('SIGTERM'));
    const bareBase = `http://127.0.0.1:${barePort}`;
    await (async () => {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        try { if ((await fetch(`${bareBase}/api/v1/ping`)).ok) return; } catch { /* not yet */ }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`bare app did not start: ${bare.lastError()}`);
    })();
    const bareResult = await cannon('GET /api/v1/ping (bare Nest app)', { url: `${bareBase}/api/v1/ping`, amount: 30_000, duration: 10 });
    bare.kill('SIGTERM');
    log(`bare Nest endpoint: ${bareResult.rps} req/s`);

    // 3. Ruta, started as npm start runs it (demo data, worker inline), on the same server.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruta-bench-'));
    const secret = () => require('node:crypto').randomBytes(32).toString('base64url');
    const env = {
      ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1',
      DATABASE_URL: withDatabase(adminUrl, ruta), DATABASE_APP_PASSWORD: `bench-${secret()}`,
      REDIS_URL: redis.url, REDIS_PREFIX: `ruta-bench-${run}`, RUTA_DEMO: '1', RUTA_INLINE_WORKER: '1', RUTA_MIGRATE_ON_START: '1',
      JWT_SECRET: secret(), AUDIT_HMAC_KEY: secret(), AUDIT_HEAD_FILE: path.join(keyDir, 'audit-head.json'),
      DATA_ENCRYPTION_KEYS: `b1:${require('node:crypto').randomBytes(32).toString('base64')}`, DATA_HASH_KEY: secret(),
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', LOG_FORMAT: 'json',
    };
    const api = spawnNode(path.join(root, 'dist/apps/api/src/main.js'), env);
    stops.push(() => { api.kill('SIGTERM'); fs.rmSync(keyDir, { recursive: true, force: true }); });
    await waitForHealth(base, 120_000).catch((err) => { throw new Error(`${err.message}\n${api.lastError()}`); });
    const ownerUrl = withDatabase(adminUrl, ruta);
    const officer = await login(base, 'officer.rumichaca');
    const committee = await login(base, 'committee.mdi');

    const intake10 = await intakeLoad(base, officer, 10, 3000, 20, run);
    log(`intake 10 clients: ${intake10.rps} req/s, p99 ${intake10.latencyMs.p99} ms, non-2xx ${intake10.non2xx}`);
    const intake50 = await intakeLoad(base, officer, 50, 6000, 20, `${run}b`);
    log(`intake 50 clients: ${intake50.rps} req/s, p99 ${intake50.latencyMs.p99} ms, non-2xx ${intake50.non2xx}`);

    const afterLoad = Date.now();
    const health = await fetch(`${base}/api/v1/health`);
    const healthMs = Date.now() - afterLoad;
    const normalStart = Date.now();
    const normal = await fetch(`${base}/api/v1/cases?limit=20`, { headers: { authorization: `Bearer ${officer}` } });
    const normalMs = Date.now() - normalStart;

    const tasks = await seedTasks(ownerUrl, INBOX_TASKS);
    log(`tasks in the table: ${tasks}`);
    const inbox = await cannon('GET /api/v1/tasks (committee inbox)', { url: `${base}/api/v1/tasks`, headers: { authorization: `Bearer ${committee}` }, amount: 5000, duration: 10 });
    log(`inbox: ${inbox.rps} req/s, p95 ${inbox.latencyMs.p95} ms`);
    const list = await cannon('GET /api/v1/cases (officer case list, 50 per page)', { url: `${base}/api/v1/cases`, headers: { authorization: `Bearer ${officer}` }, amount: 3000, duration: 10 });
    log(`case list: ${list.rps} req/s, p95 ${list.latencyMs.p95} ms`);
    const cases = (await sql(ownerUrl, `SELECT count(*)::int AS n FROM cases`))[0].n;

    const checks = {
      zeroErrorsAt50: { value: intake50.non2xx + intake50.errors + intake50.timeouts, target: 0, met: intake50.non2xx + intake50.errors + intake50.timeouts === 0 },
      healthyAfterLoad: { value: health.status, target: 200, met: health.status === 200 },
      normalRequestAfterLoadMs: { value: normalMs, target: '< 1000', met: normal.ok && normalMs < 1000 },
      intakeShareOfPgbench50: { value: ratio(intake50.rps, pg50.tps), target: `>= ${TARGETS.intakeShareOfPgbench50}`, met: intake50.rps >= TARGETS.intakeShareOfPgbench50 * pg50.tps },
      intakeP99At10Ms: { value: intake10.latencyMs.p99, target: `< ${TARGETS.intakeP99At10Ms}`, met: intake10.latencyMs.p99 < TARGETS.intakeP99At10Ms },
      inboxP95Ms: { value: inbox.latencyMs.p95, target: `< ${TARGETS.inboxP95Ms}`, met: inbox.latencyMs.p95 < TARGETS.inboxP95Ms },
    };
    const result = {
      at: new Date().toISOString(), machine: machine(pgVersion), database: adminUrl.replace(/\/\/[^@]*@/, '//***@').replace(/\/[^/]*$/, ''),
      ceilings: { pgbench: { scale: 10, at10: pg10, at50: pg50 }, bareNest: bareResult },
      ruta: {
        intake10: { ...intake10, shareOfPgbench10: ratio(intake10.rps, pg10.tps), shareOfBareNest: ratio(intake10.rps, bareResult.rps) },
        intake50: { ...intake50, shareOfPgbench50: ratio(intake50.rps, pg50.tps), shareOfBareNest: ratio(intake50.rps, bareResult.rps) },
        inbox: { ...inbox, tasksInTable: tasks, shareOfBareNest: ratio(inbox.rps, bareResult.rps) },
        caseList: { ...list, casesInTable: cases, shareOfBareNest: ratio(list.rps, bareResult.rps) },
        afterLoad: { healthStatus: health.status, healthMs, normalRequestStatus: normal.status, normalRequestMs: normalMs },
      },
      checks,
    };
    const dir = path.join(__dirname, 'results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, 'latest.md'), markdown(result, `${stamp}.json`));
    log(`\n${markdown(result, `${stamp}.json`)}`);
    const missed = Object.entries(checks).filter(([, c]) => !c.met).map(([k]) => k);
    log(missed.length ? `targets missed: ${missed.join(', ')} (see bench/README.md)` : 'every target met');
  } finally {
    await stopAll();
  }
}

function markdown(r, file) {
  const m = r.machine;
  const row = (name, x, ceiling, share) => `| ${name} | ${x.connections} | ${x.requests} | ${x.non2xx + x.errors + x.timeouts} | ${x.rps} | ${x.latencyMs.p50} | ${x.latencyMs.p95} | ${x.latencyMs.p99} | ${ceiling} | ${share ?? ''} |`;
  const c = r.ceilings;
  const lines = [
    `# Ruta load benchmark (${r.at})`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres}; ${m.pgbench}. Raw figures: \`bench/results/${file}\`.`,
    '',
    '## Ceilings, measured in the same run',
    '',
    '| ceiling | clients | figure |',
    '|---|---|---|',
    `| pgbench TPC-B-like, scale 10 | 10 | ${c.pgbench.at10.tps.toFixed(0)} TPS (avg ${c.pgbench.at10.latencyAvgMs} ms) |`,
    `| pgbench TPC-B-like, scale 10 | 50 | ${c.pgbench.at50.tps.toFixed(0)} TPS (avg ${c.pgbench.at50.latencyAvgMs} ms) |`,
    `| bare Nest endpoint, same HTTP stack | ${c.bareNest.connections} | ${c.bareNest.rps} req/s (p50 ${c.bareNest.latencyMs.p50} ms, p99 ${c.bareNest.latencyMs.p99} ms) |`,
    '',
    '## Ruta',
    '',
    '| endpoint | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | ceiling | ratio |',
    '|---|---|---|---|---|---|---|---|---|---|',
    row('intake (unique victims, full screening)', r.ruta.intake10, `pgbench@10 ${c.pgbench.at10.tps.toFixed(0)} TPS`, r.ruta.intake10.shareOfPgbench10),
    row('intake (unique victims, full screening)', r.ruta.intake50, `pgbench@50 ${c.pgbench.at50.tps.toFixed(0)} TPS`, r.ruta.intake50.shareOfPgbench50),
    row(`committee inbox (${r.ruta.inbox.tasksInTable} tasks in the table)`, r.ruta.inbox, `bare Nest ${c.bareNest.rps} req/s`, r.ruta.inbox.shareOfBareNest),
    row(`officer case list (${r.ruta.caseList.casesInTable} cases)`, r.ruta.caseList, `bare Nest ${c.bareNest.rps} req/s`, r.ruta.caseList.shareOfBareNest),
    '',
    `Right after the load: health ${r.ruta.afterLoad.healthStatus} in ${r.ruta.afterLoad.healthMs} ms; a case list of 20 answered ${r.ruta.afterLoad.normalRequestStatus} in ${r.ruta.afterLoad.normalRequestMs} ms.`,
    '',
    '## Targets',
    '',
    '| target | value | wanted | met |',
    '|---|---|---|---|',
    ...Object.entries(r.checks).map(([k, v]) => `| ${k} | ${v.value} | ${v.target} | ${v.met ? 'yes' : 'no'} |`),
    '',
  ];
  return lines.join('\n');
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err.stack || err.message}\n`);
  process.exit(1);
});
