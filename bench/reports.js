#!/usr/bin/env node
'use strict';
// `npm run bench:reports`: every report against a national-scale database (1,000,000 generated cases by
// default), with varied periods, beside its ceiling (the same summary query straight on PostgreSQL);
// then intake latency without a summary refresh and during one. Bounded in requests and seconds.
// Writes results/report-<timestamp>.json and results/report-latest.md.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { Client } = require('pg');
const lib = require('./lib');

const { root, log, sql, withDatabase } = lib;
const CASES = Number(process.env.REPORTS_BENCH_CASES ?? 1_000_000);
const DATABASE = process.env.REPORTS_BENCH_DATABASE ?? `ruta_reports_${CASES}`;
const REQUESTS = Number(process.env.REPORTS_BENCH_REQUESTS ?? 20);

/** A deterministic sequence of periods of whole months over the five years the generator fills. */
function periods(n, seed) {
  let s = seed;
  const next = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
  const now = new Date();
  const last = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const month = (m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  return Array.from({ length: n }, () => {
    const length = [1, 1, 3, 6, 12, 12, 24, 60][Math.floor(next() * 8)];
    const start = last - 59 + Math.floor(next() * (60 - length + 1));
    return { from: month(start), to: month(start + length - 1) };
  });
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: at(100) };
}

async function timed(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function ensureDatabase(adminUrl, keys) {
  const exists = (await sql(adminUrl, `SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE])).length > 0;
  if (!exists) await sql(adminUrl, `CREATE DATABASE "${DATABASE}"`);
  const url = withDatabase(adminUrl, DATABASE);
  const have = exists ? await sql(url, `SELECT count(*)::int AS n FROM cases`).then((r) => r[0].n).catch(() => 0) : 0;
  if (have < CASES) {
    log(`Generating ${CASES - have} cases into ${DATABASE} (npm run seed:volume)...`);
    const t0 = Date.now();
    const r = spawnSync('npm', ['run', '-s', 'seed:volume', '--', '--cases', String(CASES - have), '--database-url', url],
      { cwd: root, stdio: 'inherit', env: { ...process.env, ...keys } });
    if (r.status !== 0) throw new Error('seed:volume failed');
    log(`  generated in ${Math.round((Date.now() - t0) / 1000)} s`);
  }
  return url;
}

function keysFor(dir) {
  const file = path.join(dir, `${DATABASE}-keys.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const secret = () => crypto.randomBytes(32).toString('base64url');
  const keys = {
    DATABASE_APP_PASSWORD: `bench-${secret()}`, JWT_SECRET: secret(), AUDIT_HMAC_KEY: secret(), DATA_HASH_KEY: secret(),
    DATA_ENCRYPTION_KEYS: `b1:${crypto.randomBytes(32).toString('base64')}`, AUDIT_HEAD_FILE: path.join(dir, `${DATABASE}-audit-head.json`),
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

/** The summaries' query as the reports module sends it (from the build). */
function factsQuery() {
  const { FACTS_SQL, FACT_REPORTS, MONTHLY } = require(path.join(root, 'dist/libs/reports/src/reports.repository.js'));
  return { text: FACTS_SQL, params: (p) => [`${p.from}-01`, `${p.to}-01`, FACT_REPORTS, MONTHLY] };
}

async function explain(url, period) {
  const q = factsQuery();
  const rows = await sql(url, `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.params(period));
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== '1') lib.build();
  const server = await lib.benchServer();
  const keys = keysFor(path.join(root, '.data', 'bench'));
  const result = { startedAt: new Date().toISOString(), cases: CASES, database: DATABASE, requestsPerReport: REQUESTS };
  let ruta;
  try {
    const url = await ensureDatabase(server.adminUrl, keys);
    result.casesInDatabase = (await sql(url, `SELECT count(*)::int AS n FROM cases`))[0].n;
    result.tableSizes = await sql(url, `SELECT relname AS table, pg_size_pretty(pg_total_relation_size(oid)) AS size FROM pg_class
      WHERE relname IN ('cases', 'case_history', 'referrals', 'reviews', 'placements', 'tasks', 'follow_up_checkins', 'visa_requests', 'report_facts')
      ORDER BY pg_total_relation_size(oid) DESC`);

    // Ruta as npm start runs it, on that database; the worker's own refresh kept out of the timings.
    ruta = await lib.startRuta(server.adminUrl, process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379', `reports_${process.pid}`,
      { secrets: keys, database: DATABASE, env: { REPORTS_REFRESH_INTERVAL_MS: '86400000', LOG_LEVEL: 'warn' } });
    log('Refreshing the summaries once (as the worker does)...');
    const refreshMs = await timed(() => sql(url, `SELECT ruta_refresh_report_facts()`));
    result.refresh = { ms: Math.round(refreshMs), factRows: (await sql(url, `SELECT count(*)::int AS n FROM report_facts`))[0].n };
    await sql(url, 'ANALYZE report_facts');
    result.explain = { sixtyMonths: await explain(url, { from: '2021-12', to: '2026-11' }), oneMonth: await explain(url, { from: '2026-03', to: '2026-03' }) };

    const auditor = await lib.login(ruta.base, 'auditor');
    const get = async (p, q) => {
      const res = await fetch(`${ruta.base}/api/v1/reports/${p}?from=${q.from}&to=${q.to}`, { headers: { authorization: `Bearer ${auditor}`, 'accept-language': 'es' } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${p} ${q.from}..${q.to}: ${res.status}`);
    };
    // Ceiling: the summary's one query straight on PostgreSQL, for the same periods, one after the other.
    const client = new Client({ connectionString: url });
    await client.connect();
    const ceilingTimes = [];
    const facts = factsQuery();
    for (const q of periods(REQUESTS * 2, 99)) {
      ceilingTimes.push(await timed(() => client.query(facts.text, facts.params(q))));
    }
    await client.end();
    result.ceiling = { title: 'the summaries query alone on PostgreSQL (same periods)', latencyMs: stats(ceilingTimes) };

    result.reports = [];
    const { REPORT_NAMES } = require(path.join(root, 'dist/libs/reports/src/report.types.js'));
    const targets = [['summary', 'JSON'], ...REPORT_NAMES.map((n) => [`${n}.csv`, 'CSV']), ['summary.pdf', 'PDF']];
    let seed = 1;
    for (const [route, format] of targets) {
      const times = [];
      for (const q of periods(route === 'summary' || route === 'summary.pdf' ? REQUESTS * 2 : REQUESTS, seed += 1)) times.push(await timed(() => get(route, q)));
      const s = stats(times);
      result.reports.push({ route: `GET /reports/${route}`, format, latencyMs: s, met: s.p95 < 1000 });
      log(`  ${route}: p50 ${s.p50} ms, p95 ${s.p95} ms (${s.n} periods)`);
    }

    // The printable summary of the last whole year, as an auditor would attach it: the PDF and its first pages as pictures (docs/reports/).
    const year = new Date().getUTCFullYear() - 1;
    const pdf = await fetch(`${ruta.base}/api/v1/reports/summary.pdf?from=${year}-01&to=${year}-12`, { headers: { authorization: `Bearer ${auditor}`, 'accept-language': 'es' } });
    if (pdf.status !== 200) throw new Error(`summary.pdf: ${pdf.status}`);
    const docs = path.join(root, 'docs', 'reports');
    fs.mkdirSync(docs, { recursive: true });
    const pdfFile = path.join(docs, `summary-${CASES}-cases-${year}.pdf`);
    fs.writeFileSync(pdfFile, Buffer.from(await pdf.arrayBuffer()));
    const png = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '3', pdfFile, path.join(docs, `summary-${CASES}-cases-${year}-page`)]);
    result.pdf = { file: path.relative(root, pdfFile), pages: png.status === 0 ? 'rendered with pdftoppm' : `pdftoppm failed: ${png.stderr}` };

    // Intake without a refresh, then during refreshes (the refresh started first, intakes while it runs).
    const officer = await lib.login(ruta.base, 'officer.rumichaca');
    const answers = await lib.fullScreening(ruta.base, officer);
    const run = crypto.randomBytes(3).toString('hex');
    await lib.intakeLoad(ruta.base, officer, answers, 10, 200, 10, `${run}w`); // warm-up
    const seconds = Number(process.env.REPORTS_BENCH_INTAKE_SECONDS ?? 20);
    const quiet = await lib.intakeLoad(ruta.base, officer, answers, 10, 4000, seconds, `${run}q`);
    let refreshing = true;
    let refreshes = 0;
    const loop = (async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      while (refreshing) { await c.query(`SELECT ruta_refresh_report_facts()`); refreshes += 1; }
      await c.end();
    })();
    await new Promise((r) => setTimeout(r, 1000));
    const during = await lib.intakeLoad(ruta.base, officer, answers, 10, 4000, seconds, `${run}r`);
    refreshing = false;
    await loop;
    result.intake = {
      withoutRefresh: quiet, duringRefresh: { ...during, refreshesCompleted: refreshes },
      p99Ratio: Math.round((during.latencyMs.p99 / quiet.latencyMs.p99) * 100) / 100,
      met: during.latencyMs.p99 <= 2 * quiet.latencyMs.p99 && during.errors === 0 && during.non2xx === 0,
    };
    log(`  intake p99 ${quiet.latencyMs.p99} ms quiet, ${during.latencyMs.p99} ms during refresh (x${result.intake.p99Ratio})`);
  } finally {
    if (ruta) await ruta.stop({ keepDatabase: true });
    await server.stop();
  }
  result.finishedAt = new Date().toISOString();
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(dir, `report-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'report-latest.md'), markdown(result, `report-${stamp}.json`));
  log(`Results: bench/results/report-${stamp}.json and bench/results/report-latest.md`);
}

function markdown(r, file) {
  const lines = [
    `# Reports benchmark (${r.startedAt})`, '',
    `${r.casesInDatabase.toLocaleString('en')} cases in \`${r.database}\`; summaries refreshed in ${r.refresh.ms} ms (${r.refresh.factRows.toLocaleString('en')} summary rows).`,
    `Each report pulled for ${r.requestsPerReport} varied periods (summary and PDF: twice as many), one after the other, as the auditor. Full figures: \`${file}\`.`, '',
    '| route | p50 ms | p95 ms | p99 ms | max ms | target p95 < 1000 ms |', '|---|---|---|---|---|---|',
    `| ceiling: ${r.ceiling.title} | ${r.ceiling.latencyMs.p50} | ${r.ceiling.latencyMs.p95} | ${r.ceiling.latencyMs.p99} | ${r.ceiling.latencyMs.max} | |`,
    ...r.reports.map((x) => `| ${x.route} | ${x.latencyMs.p50} | ${x.latencyMs.p95} | ${x.latencyMs.p99} | ${x.latencyMs.max} | ${x.met ? 'met' : '**not met**'} |`),
    '', '| intake, 10 clients | requests | p50 ms | p99 ms | errors |', '|---|---|---|---|---|',
    `| without a refresh (ceiling) | ${r.intake.withoutRefresh.requests} | ${r.intake.withoutRefresh.latencyMs.p50} | ${r.intake.withoutRefresh.latencyMs.p99} | ${r.intake.withoutRefresh.errors + r.intake.withoutRefresh.non2xx} |`,
    `| during summary refreshes (${r.intake.duringRefresh.refreshesCompleted} completed) | ${r.intake.duringRefresh.requests} | ${r.intake.duringRefresh.latencyMs.p50} | ${r.intake.duringRefresh.latencyMs.p99} | ${r.intake.duringRefresh.errors + r.intake.duringRefresh.non2xx} |`,
    '', `Intake p99 during a refresh is ${r.intake.p99Ratio}× its p99 without one: target ≤ 2×, ${r.intake.met ? 'met' : '**not met**'}.`, '',
    '## EXPLAIN (ANALYZE, BUFFERS) of the summaries query', '', '60 months:', '', '```', r.explain.sixtyMonths, '```', '', 'One month:', '', '```', r.explain.oneMonth, '```', '',
  ];
  return `${lines.join('\n')}\n`;
}

main().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
