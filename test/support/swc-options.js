'use strict';
// How @swc/core compiles the project's TypeScript for jest (jest.config.js). Nest 12 packages are ESM-only:
// jest also turns those into CommonJS.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};
