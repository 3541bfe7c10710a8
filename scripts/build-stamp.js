#!/usr/bin/env node
'use strict';
// Which sources `dist/` was built from: a hash of the API's and the worker's TypeScript sources (apps/api,
// apps/worker, libs, migrations, seeds, the tsconfigs), written to dist/.source-hash after `npm run build:api`.
// `npm test` rebuilds only when it differs; the tests that start Ruta as child processes refuse a stale build.
//   node scripts/build-stamp.js --write   records the hash of the sources as they are now
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const STAMP = path.join(root, 'dist', '.source-hash');
const SOURCES = ['apps/api', 'apps/worker', 'libs', 'migrations', 'seeds'];
const FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '__tests__') walk(full, out);
    } else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) {
      out.push(full);
    }
  }
  return out;
}

function sourceHash() {
  const files = [...SOURCES.flatMap((d) => walk(path.join(root, d), [])), ...FILES.map((f) => path.join(root, f))].sort();
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** True when dist/ holds a build of the sources as they are now. */
function buildIsCurrent() {
  return fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === sourceHash();
}

function writeStamp() {
  fs.mkdirSync(path.dirname(STAMP), { recursive: true });
  fs.writeFileSync(STAMP, `${sourceHash()}\n`);
}

module.exports = { buildIsCurrent, sourceHash, writeStamp, STAMP };

if (require.main === module && process.argv.includes('--write')) writeStamp();
