import { copyTemplate } from './database';
import { readRun, readTemplateRun } from './test-env';

// Integration and end-to-end suites talk to real PostgreSQL and Redis; some wait for timers.
jest.setTimeout(60_000);

// Each jest worker runs its suites one after the other on a database of its own, copied from the run's
// template by the first suite that worker takes (a later suite finds it there).
beforeAll(async () => {
  const run = readRun();
  await copyTemplate(run.adminUrl, readTemplateRun().database, run.database);
});
