'use strict';
// Runs the suite-wide invariants (test/suite-invariants.e2e-spec.ts) after every other test file, so that they
// check what the whole run wrote to the shared database.
const Sequencer = require('@jest/test-sequencer').default;

const isLast = (test) => test.path.endsWith('suite-invariants.e2e-spec.ts');

class RutaSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter((t) => !isLast(t)), ...sorted.filter(isLast)];
  }
}

module.exports = RutaSequencer;
