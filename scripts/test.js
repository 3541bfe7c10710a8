#!/usr/bin/env node
'use strict';
// `npm test`: type-check (swc does not), then every jest project (unit, integration, end-to-end) in band,
// then one closing line "tests: N passed, N failed".
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const results = path.join(root, '.data', 'jest-results.json');
fs.mkdirSync(path.dirname(results), { recursive: true });
fs.rmSync(results, { force: true });

const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) {
  process.stdout.write('type check failed\n');
  process.exit(tsc.status ?? 1);
}
// The web app: its own type check (DOM, JSX), then the build the browser tests drive (and its JS budget).
for (const [label, cmd] of [
  ['web type check', [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'apps/web/tsconfig.json']],
  ['web build', [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '--config', 'apps/web/vite.config.mts']],
  ['web budget', [path.join(root, 'scripts', 'web-budget.js')]],
]) {
  const step = spawnSync(process.execPath, cmd, { cwd: root, stdio: 'inherit' });
  if (step.status !== 0) {
    process.stdout.write(`${label} failed\n`);
    process.exit(step.status ?? 1);
  }
}
const args = [require.resolve('jest/bin/jest'), '--runInBand', '--coverage', '--json', `--outputFile=${results}`, ...process.argv.slice(2)];
const jest = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (fs.existsSync(results)) {
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  process.stdout.write(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed\n`);
}
process.exit(jest.status ?? 1);
