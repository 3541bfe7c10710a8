#!/usr/bin/env node
'use strict';
// Load benchmark of Ruta's hot read paths, on loopback only, bounded: at most 3000 requests or 10 s per endpoint.
// Start Ruta first (npm start), then: npm run bench  [BENCH_URL=http://localhost:3000]
// Results: bench/results/<timestamp>.json and bench/results/latest.md
const autocannon = require('autocannon');
const fs = require('node:fs');
const path = require('node:path');

const base = process.env.BENCH_URL ?? 'http://localhost:3000';
const host = new URL(base).hostname;
if (!['localhost', '127.0.0.1', '::1'].includes(host)) {
  console.error('bench targets loopback only (BENCH_URL must be localhost)');
  process.exit(2);
}
const password = process.env.DEMO_PASSWORD ?? 'Ruta-Demo-2026';

async function login(username) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (await res.json()).accessToken;
}

function run(title, { path: route, headers }) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${base}${route}`, headers, connections: 10, maxOverallRequests: 3000, duration: 10 }, (err, result) => {
      if (err) return reject(err);
      resolve({
        title, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors, rps: result.requests.average,
        latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      });
    });
  });
}

async function main() {
  const officer = await login('officer.rumichaca');
  const committee = await login('committee.mdi');
  const auth = (t) => ({ authorization: `Bearer ${t}` });
  const results = [];
  results.push(await run('GET /api/v1/health', { path: '/api/v1/health' }));
  results.push(await run('GET /api/v1/tasks (committee inbox)', { path: '/api/v1/tasks', headers: auth(committee) }));
  results.push(await run('GET /api/v1/cases (officer, 50 per page)', { path: '/api/v1/cases', headers: auth(officer) }));
  results.push(await run('GET /api/v1/shelters', { path: '/api/v1/shelters', headers: auth(officer) }));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${stamp}.json`), JSON.stringify({ base, at: new Date().toISOString(), results }, null, 2));
  const lines = ['| endpoint | requests | non-2xx | req/s | p50 ms | p90 ms | p99 ms |', '|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.title} | ${r.requests} | ${r.non2xx} | ${r.rps} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} |`)];
  fs.writeFileSync(path.join(dir, 'latest.md'), `# Ruta read benchmark (${new Date().toISOString()})\n\n${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
}

main().catch((err) => { console.error(err.message); process.exit(1); });
