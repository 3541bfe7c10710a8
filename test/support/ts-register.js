'use strict';
// Lets a child process run Ruta's TypeScript entry points (apps/api/src/main.ts, apps/worker/src/main.ts)
// without a build: `node -r ./test/support/ts-register.js apps/worker/src/main.ts`. The project's .ts files
// are compiled by @swc/core (as jest does) and @ruta/* resolves to libs/*/src; node_modules load as they
// do for the built app (Node 20.19+ requires the ESM-only Nest packages natively).
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..');
const options = { ...require('./swc-options'), sourceMaps: 'inline' };

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveRuta(request, parent, ...rest) {
  const alias = /^@ruta\/([a-z-]+)$/.exec(request);
  if (alias) return path.join(root, 'libs', alias[1], 'src', 'index.ts');
  return resolveFilename.call(this, request, parent, ...rest);
};

Module._extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
