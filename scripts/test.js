#!/usr/bin/env node
'use strict';
// `npm test`: the checks and builds (two at a time: the machine may have two cores), then every jest project
// (unit, integration, end to end, browser) in parallel workers, each worker on a database of its own copied
// from one migrated template (test/support/jest-setup.ts), then one closing line "tests: N passed, N failed".
//   --screenshots   the browser tests also rewrite the committed screenshots under docs/screenshots/
//                   (npm run screenshots); RUTA_SCREENSHOTS=<folder> writes them there; otherwise none is taken
//   RUTA_TEST_WORKERS=n   jest workers (default: one more than the cores, at least 2)
// Any other argument goes to jest (a path pattern, --testPathPatterns, --selectProjects=…).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { buildApi, buildWeb, run } = require('./build');

const root = path.resolve(__dirname, '..');
const results = path.join(root, '.data', 'jest-results.json');
const tsc = require.resolve('typescript/bin/tsc');

async function pool(jobs, size) {
  const outcomes = [];
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const started = Date.now();
      const r = await job.run();
      outcomes.push({ ...job, ...r, seconds: (Date.now() - started) / 1000 });
      process.stdout.write(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${job.label}${r.skipped ? ' (dist/ is current)' : ''} ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      if (r.code !== 0) process.stdout.write(r.output);
    }
  };
  await Promise.all(Array.from({ length: size }, lane));
  return outcomes;
}

/** tsc without output, incremental: what it learnt of the unchanged files is kept under .data/tsc/ (half the time). */
function typeCheck(project, name) {
  return run([tsc, '--noEmit', '-p', project, '--incremental', '--tsBuildInfoFile', path.join(root, '.data', 'tsc', `${name}.tsbuildinfo`)], { stdio: 'pipe' });
}

async function main() {
  const args = process.argv.slice(2);
  const screenshots = args.includes('--screenshots');
  const jestArgs = args.filter((a) => a !== '--screenshots');
  fs.mkdirSync(path.dirname(results), { recursive: true });
  fs.rmSync(results, { force: true });

  const quiet = { stdio: 'pipe' };
  // Longest first. The type check covers the tests too (swc, which jest uses, does not check types); the
  // API build is what the tests that start Ruta as child processes run (skipped when dist/ is current).
  const outcomes = await pool([
    { label: 'type check', run: () => typeCheck('tsconfig.json', 'api') },
    { label: 'API build', run: () => buildApi({ ifStale: true, ...quiet }) },
    { label: 'web type check', run: () => typeCheck('apps/web/tsconfig.json', 'web') },
    { label: 'web build and budget', run: () => buildWeb(quiet) },
  ], 2);
  const failed = outcomes.filter((o) => o.code !== 0);
  if (failed.length) {
    process.stdout.write(`${failed.map((f) => f.label).join(', ')} failed\n`);
    process.exit(1);
  }

  const workers = Number(process.env.RUTA_TEST_WORKERS) || Math.max(2, os.availableParallelism() + 1);
  // A larger young generation: jest loads the app's module graph again in every file, and with V8's default
  // the collector runs often enough to cost about 5 % of the run's CPU.
  const nodeOptions = [process.env.NODE_OPTIONS, '--max-semi-space-size=64'].filter(Boolean).join(' ');
  const env = { ...process.env, NODE_OPTIONS: nodeOptions, RUTA_SCREENSHOTS: screenshots ? '1' : (process.env.RUTA_SCREENSHOTS ?? '') };
  const jest = await new Promise((resolve) => {
    const child = require('node:child_process').spawn(process.execPath, [
      require.resolve('jest/bin/jest'), `--maxWorkers=${workers}`, '--coverage', '--json', `--outputFile=${results}`, ...jestArgs,
    ], { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
  if (fs.existsSync(results)) {
    const r = JSON.parse(fs.readFileSync(results, 'utf8'));
    process.stdout.write(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed\n`);
  }
  process.exit(jest);
}

main().catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : String(err)}\n`);
  process.exit(1);
});
