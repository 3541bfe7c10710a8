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
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureRedis, freePort } = require('../scripts/services');
const {
  benchServer, build, cannon, fullScreening, intakeBody, intakeLoad, log, login, pgbench, pgbenchRun, seedTasks, spawnNode, sql,
  startRuta, withDatabase,
} = require('./lib');

const INBOX_TASKS = 100_000;
const TARGETS = {
  intakeShareOfPgbench50: 0.2, // intake throughput at 50 clients >= 20% of pgbench's TPS at 50
  intakeP99At10Ms: 100,
  inboxP95Ms: 20,
};

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
    // The server, a database for pgbench (Ruta makes its own), Redis as npm start finds it.
    const server = await benchServer();
    stops.push(server.stop);
    const { adminUrl } = server;
    const pgb = `ruta_pgbench_${run}`;
    await sql(adminUrl, `CREATE DATABASE "${pgb}"`);
    stops.push(() => sql(adminUrl, `DROP DATABASE IF EXISTS "${pgb}" WITH (FORCE)`));
    const pgVersion = (await sql(adminUrl, `SHOW server_version`))[0].server_version;
    const redis = await ensureRedis();
    stops.push(redis.stop);

    build();

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
    const bareResult = await cannon('GET /api/v1/ping (bare Nest app)', { url: `${bareBase}/api/v1/ping`, maxOverallRequests: 30_000, duration: 10 });
    bare.kill('SIGTERM');
    log(`bare Nest endpoint: ${bareResult.rps} req/s`);

    // 3. Ruta, started as npm start runs it (demo data, worker inline), on the same server.
    const ruta = await startRuta(adminUrl, redis.url, run);
    stops.push(ruta.stop);
    const { base, ownerUrl } = ruta;
    const officer = await login(base, 'officer.rumichaca');
    const committee = await login(base, 'committee.mdi');

    const answers = await fullScreening(base, officer);
    const probe = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' }, body: intakeBody(0, run, answers) });
    if (probe.status !== 201) throw new Error(`a single intake answered ${probe.status}: ${await probe.text()}`);
    const intake10 = await intakeLoad(base, officer, answers, 10, 3000, 20, run);
    log(`intake 10 clients: ${intake10.rps} req/s, p99 ${intake10.latencyMs.p99} ms, non-2xx ${intake10.non2xx}`);
    const intake50 = await intakeLoad(base, officer, answers, 50, 6000, 20, `${run}b`);
    log(`intake 50 clients: ${intake50.rps} req/s, p99 ${intake50.latencyMs.p99} ms, non-2xx ${intake50.non2xx}`);

    const afterLoad = Date.now();
    const health = await fetch(`${base}/api/v1/health`);
    const healthMs = Date.now() - afterLoad;
    const normalStart = Date.now();
    const normal = await fetch(`${base}/api/v1/cases?limit=20`, { headers: { authorization: `Bearer ${officer}` } });
    const normalMs = Date.now() - normalStart;

    const tasks = await seedTasks(ownerUrl, INBOX_TASKS);
    log(`tasks in the table: ${tasks}`);
    const inbox = await cannon('GET /api/v1/tasks (committee inbox)', { url: `${base}/api/v1/tasks`, headers: { authorization: `Bearer ${committee}` }, maxOverallRequests: 5000, duration: 10 });
    log(`inbox: ${inbox.rps} req/s, p95 ${inbox.latencyMs.p95} ms`);
    const list = await cannon('GET /api/v1/cases (officer case list, 50 per page)', { url: `${base}/api/v1/cases`, headers: { authorization: `Bearer ${officer}` }, maxOverallRequests: 3000, duration: 10 });
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
