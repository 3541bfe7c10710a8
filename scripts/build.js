#!/usr/bin/env node
'use strict';
// The builds, in one place (npm run build, build:api, build:web; npm start, npm test, seed:volume):
//   api  tsc compiles apps/api, apps/worker, libs/, migrations/ and seeds/ to dist/; tsc-alias rewrites the
//        @ruta/* imports; dist/.source-hash records which sources it was built from (scripts/build-stamp.js)
//   web  Vite builds apps/web into dist/web (which the API serves at /), then its JavaScript budget
// `node scripts/build.js api web` runs both; `--if-stale` skips the API build when dist/ is current.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { buildIsCurrent, writeStamp } = require('./build-stamp');

const root = path.resolve(__dirname, '..');

/** Runs node with `args` in the project; resolves with its exit code (its output goes to ours). */
function run(args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: options.stdio ?? 'inherit' });
    let output = '';
    if (child.stdout) child.stdout.on('data', (d) => { output += d; });
    if (child.stderr) child.stderr.on('data', (d) => { output += d; });
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Runs the steps one after the other; the first that fails ends it. */
async function steps(list, options) {
  let output = '';
  for (const args of list) {
    const r = await run(args, options);
    output += r.output;
    if (r.code !== 0) return { code: r.code, output };
  }
  return { code: 0, output };
}

async function buildApi({ ifStale = false, stdio } = {}) {
  if (ifStale && buildIsCurrent()) return { code: 0, output: '', skipped: true };
  const r = await steps([
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    [require.resolve('tsc-alias/dist/bin/index.js'), '-p', 'tsconfig.build.json'],
  ], { stdio });
  if (r.code === 0) writeStamp();
  return r;
}

async function buildWeb({ stdio } = {}) {
  // vite's package exports do not include its bin: found beside its package.json.
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  return steps([
    [vite, 'build', '--logLevel', 'warn', '--config', 'apps/web/vite.config.mts'],
    [path.join(root, 'scripts', 'web-budget.js')],
  ], { stdio });
}

module.exports = { buildApi, buildWeb, run };

if (require.main === module) {
  const which = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const ifStale = process.argv.includes('--if-stale');
  (async () => {
    for (const part of which.length ? which : ['api', 'web']) {
      const r = part === 'api' ? await buildApi({ ifStale }) : part === 'web' ? await buildWeb() : { code: 2 };
      if (r.code !== 0) {
        process.stderr.write(`build ${part} failed\n`);
        process.exit(r.code);
      }
    }
  })();
}
