import { AuditSealer } from '@ruta/audit';
import { Client } from 'pg';
import { visibleCasesSql } from '../libs/case/src/access/case-policy';
import { existsSync, readFileSync } from 'node:fs';
import { bootApp, waitFor } from './support/app';
import { committedContract, contractFiles } from './support/response-contract';
import { readRun, readTemplateRun } from './support/test-env';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PROGRESS_FILE } = require('./support/progress-reporter');

/*
 * What must hold however the suites ran. The jest workers run the other files in parallel, each worker on
 * a database of its own (test/support/jest-setup.ts); this file comes last (test/support/sequencer.js),
 * waits until every other file of the run has finished (test/support/progress-reporter.js), and then
 * checks what the whole run wrote, on every worker's database.
 */
async function waitForEveryOtherFile(runId: string): Promise<void> {
  await waitFor(async () => {
    if (!existsSync(PROGRESS_FILE)) throw new Error(`${PROGRESS_FILE} is missing: jest.config.js must keep the progress reporter`);
    const progress = JSON.parse(readFileSync(PROGRESS_FILE, 'utf8')) as { runId: string | null; total: number; finished: string[] };
    if (progress.runId !== runId) throw new Error(`${PROGRESS_FILE} belongs to another run: jest.config.js must keep the progress reporter`);
    return progress.finished.length >= progress.total - 1;
  }, 20 * 60_000, 250);
}

describe('Suite-wide invariants, on every worker\'s database', () => {
  const run = readTemplateRun();
  let workers: string[] = [];

  beforeAll(async () => {
    await waitForEveryOtherFile(run.id);
    const admin = new Client({ connectionString: run.adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ worker: string }>(
        `SELECT substring(datname FROM '_w([0-9]+)$') AS worker FROM pg_database WHERE datname ~ $1 ORDER BY 1`, [`^${run.database}_w[0-9]+$`]);
      workers = rows.map((r) => r.worker);
    } finally {
      await admin.end();
    }
  }, 21 * 60_000);

  /** The owner's connection to each worker's database, in turn. */
  async function eachDatabase<T>(check: (owner: Client, worker: string) => Promise<T>): Promise<Record<string, T>> {
    const out: Record<string, T> = {};
    for (const worker of workers) {
      const owner = new Client({ connectionString: readRun(worker).databaseUrl });
      await owner.connect();
      try {
        out[`worker ${worker}`] = await check(owner, worker);
      } finally {
        await owner.end();
      }
    }
    return out;
  }

  it('found the databases of the workers that ran', () => {
    expect(workers.length).toBeGreaterThanOrEqual(1);
  });

  it('GET /audit/verify is valid over every entry the suite wrote', async () => {
    const results = await eachDatabase(async (owner, worker) => {
      const t = await bootApp(readRun(worker).env);
      try {
        // The sealer seals what no open transaction of the cluster can still precede: retry until all is sealed.
        await waitFor(async () => {
          await t.app.get(AuditSealer).sealPending();
          const { rows: [{ unsealed }] } = await owner.query(
            `SELECT count(*)::int AS unsealed FROM audit_entries e WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.entry_id = e.id)`);
          return unsealed === 0;
        }, 30000, 250);
        const { rows: [{ n }] } = await owner.query(`SELECT count(*)::int AS n FROM audit_entries`);
        const token = await t.login('auditor');
        const res = await t.http().get('/api/v1/audit/verify').set('Authorization', `Bearer ${token}`);
        return { status: res.status, valid: res.body.valid, checkedEveryEntry: res.body.checked >= n };
      } finally {
        await t.close();
      }
    });
    for (const [worker, result] of Object.entries(results)) expect({ worker, ...result }).toEqual({ worker, status: 200, valid: true, checkedEveryEntry: true });
  });

  it('every open task about a case is addressed to people who may see that case (the access policy)', async () => {
    const results = await eachDatabase(async (owner) => (await owner.query(`
      SELECT t.id, t.type, t.addressee_role, t.addressee_agency, t.addressee_unit FROM tasks t JOIN cases c ON c.id = t.case_id
      WHERE t.status IN ('open', 'claimed') AND NOT ${visibleCasesSql('c', {
        roles: 'ARRAY[t.addressee_role]', unit: 't.addressee_unit', agency: 't.addressee_agency', shelter: 't.addressee_shelter_id::text',
      })}`)).rows);
    expect(results).toEqual(Object.fromEntries(workers.map((w) => [`worker ${w}`, []])));
  });

  it('every response of the whole run matched the operation\'s declared schema for its status (openapi.json)', () => {
    const files = contractFiles(run.id);
    expect(files.length).toBeGreaterThanOrEqual(1);
    const lines = files.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter(Boolean))
      .map((l) => JSON.parse(l) as { op: string; status: number; violations: string[]; body?: string });
    const violations = new Map<string, string[]>();
    for (const line of lines.filter((l) => l.violations.length > 0)) {
      const key = `${line.op} -> ${line.status}`;
      violations.set(key, [...(violations.get(key) ?? []), `${line.violations.join('; ')}\n      body: ${line.body ?? ''}`]);
    }
    const exercised = new Set(lines.map((l) => l.op));
    const never = committedContract().operations().filter((op) => !exercised.has(op));
    // Not a failure: a reminder of what no suite calls (its schema is then unchecked).
    if (never.length) process.stdout.write(`response contract: ${lines.length} responses validated; never exercised (${never.length}):\n  ${never.join('\n  ')}\n`);
    const report = [...violations].map(([op, list]) => `${op} (${list.length}):\n    ${list.slice(0, 3).join('\n    ')}`).join('\n');
    expect(report).toBe('');
    expect(lines.length).toBeGreaterThanOrEqual(2000);
    expect(exercised.size).toBeGreaterThanOrEqual(committedContract().operations().length * 0.8);
  });
});
