#!/usr/bin/env node
'use strict';
// `npm run bench:burst`: a 50-client burst of intakes for 30 seconds against a running Ruta (npm start),
// then, right after it, health and a normal request, without a restart (PRODUCT.md section 14, "It never
// wedges"). Loopback only; bounded in requests and seconds. BENCH_URL (default http://localhost:3000),
// BURST_CLIENTS (50), BURST_SECONDS (30). Writes bench/results/burst-<timestamp>.json.
const fs = require('node:fs');
const path = require('node:path');
const { fullScreening, intakeLoad, log, login } = require('./lib');

async function main() {
  const base = process.env.BENCH_URL ?? 'http://localhost:3000';
  if (!['localhost', '127.0.0.1', '[::1]'].includes(new URL(base).hostname)) throw new Error('BENCH_URL must be on loopback');
  const clients = Math.min(Number(process.env.BURST_CLIENTS ?? 50), 200);
  const seconds = Math.min(Number(process.env.BURST_SECONDS ?? 30), 120);
  const officer = await login(base, 'officer.rumichaca');
  const answers = await fullScreening(base, officer);
  const run = `burst${Math.random().toString(36).slice(2, 7)}`;
  log(`Sending intakes from ${clients} clients for ${seconds} s to ${base}...`);
  const burst = await intakeLoad(base, officer, answers, clients, 100_000, seconds, run);
  const errors = burst.non2xx + burst.errors + burst.timeouts;
  log(`${burst.requests} intakes, ${burst.rps} req/s, p50 ${burst.latencyMs.p50} ms, p99 ${burst.latencyMs.p99} ms, errors ${errors}`);

  let started = Date.now();
  const health = await fetch(`${base}/api/v1/health`);
  const healthBody = await health.json();
  const healthMs = Date.now() - started;
  started = Date.now();
  const normal = await fetch(`${base}/api/v1/tasks?limit=20`, { headers: { authorization: `Bearer ${officer}` } });
  await normal.arrayBuffer();
  const normalMs = Date.now() - started;
  log(`right after: health ${health.status} (${healthBody.status}) in ${healthMs} ms; the officer's inbox ${normal.status} in ${normalMs} ms`);

  const result = {
    at: new Date().toISOString(), base, clients, seconds, burst,
    after: { healthStatus: health.status, health: healthBody, healthMs, normalRequest: 'GET /api/v1/tasks?limit=20', normalStatus: normal.status, normalMs },
    passed: errors === 0 && health.status === 200 && normal.ok && normalMs < 1000,
  };
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `burst-${result.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`${result.passed ? 'passed' : 'FAILED'}: 0 errors, health up and a normal request under 1 s wanted (${path.relative(process.cwd(), file)})`);
  process.exit(result.passed ? 0 : 1);
}

main().catch((err) => {
  process.stderr.write(`burst failed: ${err.message}\n`);
  process.exit(1);
});
