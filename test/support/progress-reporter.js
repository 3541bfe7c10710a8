'use strict';
// Records, in the jest parent process, how many test files this run has and which have finished (passed,
// failed or crashed), so that the suite-wide invariants can wait for every other file, whichever worker
// runs it, before they check what the run wrote.
const fs = require('node:fs');
const path = require('node:path');

const PROGRESS_FILE = path.join(__dirname, '..', '..', '.data', 'test-progress.json');

class ProgressReporter {
  constructor() {
    this.total = 0;
    this.finished = [];
  }

  write() {
    fs.mkdirSync(path.dirname(PROGRESS_FILE), { recursive: true });
    const tmp = `${PROGRESS_FILE}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ runId: this.runId, total: this.total, finished: this.finished }));
    fs.renameSync(tmp, PROGRESS_FILE);
  }

  onRunStart(results) {
    // After the global set-up, which names the run (a run of unit tests alone has none).
    const runFile = path.join(path.dirname(PROGRESS_FILE), 'test-run.json');
    this.runId = fs.existsSync(runFile) ? JSON.parse(fs.readFileSync(runFile, 'utf8')).id : null;
    this.total = results.numTotalTestSuites;
    this.finished = [];
    this.write();
  }

  onTestFileResult(test) {
    this.finished.push(test.path);
    this.write();
  }

  getLastError() {
    return undefined;
  }
}

module.exports = ProgressReporter;
module.exports.PROGRESS_FILE = PROGRESS_FILE;
