#!/usr/bin/env node
'use strict';
// `node bench/profile.js <intake|inbox|list> [seconds]`: one scenario against a fresh Ruta started with
// --cpu-prof, on loopback, bounded in seconds. Writes the V8 profile to bench/results/profiles/ and
// prints where the API's CPU time went (self time by function and by package), plus the slowest SQL
// statements by total time when pg_stat_statements is available (BENCH_DATABASE_URL on a server that
// preloads it). Build first (npm run build) or let it build.
const fs = require('node:fs');
const path = require('node:path');
const { ensureRedis } = require('../scripts/services');
const { benchServer, build, cannon, cpuSeconds, withDatabase, fullScreening, intakeLoad, log, login, seedTasks, sql } = require('./lib');

async function main() {
  const scenario = process.argv[2] ?? 'intake';
  const seconds = Math.min(Number(process.argv[3] ?? 10), 60);
  if (!['intake', 'inbox', 'list'].includes(scenario)) throw new Error('scenario: intake, inbox or list');
  const dir = path.join(__dirname, 'results', 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const run = Math.random().toString(36).slice(2, 7);
  if (!process.env.BENCH_SKIP_BUILD) build();
  const server = await benchServer();
  const redis = await ensureRedis();
  const { startRuta } = require('./lib');
  const profiled = { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${scenario}-${stamp}.cpuprofile`] };
  let ruta = await startRuta(server.adminUrl, redis.url, run, scenario === 'intake' ? profiled : {});
  try {
    let officer = await login(ruta.base, 'officer.rumichaca');
    const answers = await fullScreening(ruta.base, officer);
    if (scenario !== 'intake') {
      // Data to read, written by an instance that is not profiled: a thousand cases, then tasks up to 100,000.
      await intakeLoad(ruta.base, officer, answers, 10, 1000, 30, `${run}w`);
      await seedTasks(ruta.ownerUrl, 100_000);
      await ruta.stop({ keepDatabase: true });
      ruta = await startRuta(server.adminUrl, redis.url, run, { ...profiled, secrets: ruta.secrets });
      officer = await login(ruta.base, 'officer.rumichaca');
    }
    const committee = await login(ruta.base, 'committee.mdi');
    // The extension lives in the server's postgres database (created there by bench/lib.js); its statistics span every database.
    const adminDb = withDatabase(server.adminUrl, 'postgres');
    const statementsNow = () => sql(adminDb, `SELECT concat_ws(':', userid, dbid, queryid, toplevel) AS id, calls::float8 AS calls,
      total_exec_time + total_plan_time AS ms,
      left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS query FROM pg_stat_statements`).catch((err) => { log(`pg_stat_statements: ${err.message}`); return null; });
    const statementsBefore = await statementsNow();
    const started = Date.now();
    const cpuBefore = cpuSeconds(ruta.pid);
    const result = scenario === 'intake'
      ? await intakeLoad(ruta.base, officer, answers, 10, 100_000, seconds, run)
      : await cannon(scenario, {
        url: `${ruta.base}/api/v1/${scenario === 'inbox' ? 'tasks' : 'cases'}`,
        headers: { authorization: `Bearer ${scenario === 'inbox' ? committee : officer}` }, maxOverallRequests: 100_000, duration: seconds,
      });
    const cpuAfter = cpuSeconds(ruta.pid);
    const wall = (Date.now() - started) / 1000;
    const share = (k) => `${(cpuAfter[k] - cpuBefore[k]).toFixed(1)} s (${Math.round((100 * (cpuAfter[k] - cpuBefore[k])) / wall)}% of a core)`;
    log(`CPU during the load (${wall.toFixed(1)} s wall, 2 cores): API ${share('api')}, PostgreSQL ${share('postgres')}, load generator ${share('loadGenerator')}`);
    log(`per request: API ${((1000 * (cpuAfter.api - cpuBefore.api)) / result.requests).toFixed(2)} ms, PostgreSQL ${((1000 * (cpuAfter.postgres - cpuBefore.postgres)) / result.requests).toFixed(2)} ms of CPU`);
    log(`${scenario}: ${result.requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, ${result.rps} req/s, p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, non-2xx ${result.non2xx}`);
    const statementsAfter = await statementsNow();
    let statements = null;
    if (statementsBefore && statementsAfter) {
      const before = new Map(statementsBefore.map((r) => [r.id, r]));
      statements = statementsAfter.map((r) => ({
        query: r.query, calls: r.calls - (before.get(r.id)?.calls ?? 0), total_ms: Math.round(r.ms - (before.get(r.id)?.ms ?? 0)),
      })).filter((r) => r.calls > 0).sort((a, b) => b.total_ms - a.total_ms).slice(0, 25)
        .map((r) => ({ ...r, mean_ms: (r.total_ms / r.calls).toFixed(3) }));
    }
    if (statements) {
      log('\nSQL by total time, planning and execution (pg_stat_statements):');
      for (const s of statements) log(`  ${String(s.total_ms).padStart(9)} ms  ${String(s.calls).padStart(6)} calls  ${String(s.mean_ms).padStart(8)} ms  ${s.query}`);
    }
  } finally {
    await ruta.stop();
    await redis.stop();
    await server.stop();
  }
  const file = fs.readdirSync(dir).filter((f) => f.startsWith(`${scenario}-${stamp}`)).map((f) => path.join(dir, f))[0];
  if (!file) throw new Error('no profile written');
  summarize(file);
}

/** Self time by function and by package, from a V8 .cpuprofile. */
function summarize(file) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map();
  const pkgs = new Map();
  for (const [id, us] of self) {
    const n = byId.get(id);
    const url = n.callFrame.url || '(native)';
    const where = url.includes('node_modules/') ? url.split('node_modules/').pop().split('/').slice(0, url.includes('node_modules/@') ? 2 : 1).join('/')
      : url.includes('/dist/') ? `ruta:${url.split('/dist/')[1].split('/').slice(0, 2).join('/')}` : url.startsWith('node:') ? url : n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : 'other';
    const key = `${n.callFrame.functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    pkgs.set(where, (pkgs.get(where) ?? 0) + us);
  }
  const top = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
  log(`\nCPU profile ${path.relative(process.cwd(), file)}: ${(total / 1e6).toFixed(1)} s sampled`);
  log('Self time by package:');
  for (const [k, v] of top(pkgs, 20)) log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  log('Self time by function:');
  for (const [k, v] of top(fns, 25)) log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
}

main().catch((err) => {
  process.stderr.write(`profile failed: ${err.stack || err.message}\n`);
  process.exit(1);
});
