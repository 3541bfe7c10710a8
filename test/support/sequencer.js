'use strict';
// Order of the test files. The longest ones start first so that the parallel workers finish together (the
// browser suites, then the timer proofs with their child processes); the suite-wide invariants
// (test/suite-invariants.e2e-spec.ts) come last, and wait for every other file before they check what the
// run wrote to each worker's database.
const Sequencer = require('@jest/test-sequencer').default;

const isLast = (test) => test.path.endsWith('suite-invariants.e2e-spec.ts');
const weight = (test) => (/[\\/]test[\\/]web[\\/]/.test(test.path) ? 2 : /[\\/]test[\\/]timers[\\/]/.test(test.path) ? 1 : 0);

class RutaSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const rest = sorted.filter((t) => !isLast(t));
    // Stable: within a weight, jest's own order (failed first, then by the durations it remembers, then size).
    const ordered = rest.map((t, i) => [t, i]).sort(([a, i], [b, j]) => weight(b) - weight(a) || i - j).map(([t]) => t);
    return [...ordered, ...sorted.filter(isLast)];
  }
}

module.exports = RutaSequencer;
