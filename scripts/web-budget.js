#!/usr/bin/env node
'use strict';
// The first screen's JavaScript budget (issue 10, PRODUCT.md section 15): the entry chunk and every chunk
// it imports statically, gzip-compressed, must stay within 300 KB. Screens load lazily and are not counted;
// the sign-in screen (the first one a user sees) is, since a new visitor lands there.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET = Number(process.env.WEB_JS_BUDGET_KB ?? 300) * 1024;
const dist = path.resolve(__dirname, '..', 'dist', 'web');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const firstScreen = Object.keys(manifest).find((k) => k.endsWith('features/auth/routes/sign-in-page.tsx'));
const seen = new Set();
const visit = (key) => {
  if (!key || seen.has(key)) return;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) visit(dep);
};
visit(entry);
visit(firstScreen);

let total = 0;
const lines = [];
for (const key of seen) {
  const file = manifest[key].file;
  const size = zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  total += size;
  lines.push(`  ${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
process.stdout.write(`First screen JavaScript (gzip): ${(total / 1024).toFixed(1)} KB of ${BUDGET / 1024} KB\n${lines.join('\n')}\n`);
if (total > BUDGET) {
  process.stderr.write(`The first screen loads ${(total / 1024).toFixed(1)} KB of compressed JavaScript, over the ${BUDGET / 1024} KB budget.\n`);
  process.exit(1);
}
