import { RunContext, STAGE_SCHEMA } from './context';
import { MonthSlot } from './months';
import { outcomePlanStatements } from './outcome-plan';
import { planStatements } from './plan';
import { Pools } from './pools';
import { referralPlanStatements, shelterIntervalsSetup, sweepSetup, sweepStatements } from './referral-plan';
import { Session } from './session';
import { defineFunctions } from './sql';
import * as T from './texts';
import { caseStatements } from './write-case';
import { historyStatements } from './write-history';
import { finalStatements, protocolStatements } from './write-protocol';
import { taskStatements } from './write-tasks';

/** One table's rows of a batch, ready to be copied. */
export interface Staged {
  table: string;
  columns: string;
  stage: string;
  /** Copied in the order they were computed (case_history: ids follow time within a case). */
  ordered: boolean;
}

/** `INSERT INTO t (columns) SELECT …` → its parts. */
function splitInsert(statement: string): { table: string; columns: string; select: string } {
  const m = /^\s*INSERT INTO (\w+) \(([^)]*)\)\s*([\s\S]*)$/.exec(statement);
  if (!m) throw new Error(`not an INSERT … SELECT: ${statement.slice(0, 80)}`);
  return { table: m[1], columns: m[2].replace(/\s+/g, ' ').trim(), select: m[3] };
}

/** Turns of the shelter sweep: batch k sweeps after batch k - 1, whichever session computes them. */
export interface SweepTurn {
  wait: () => Promise<void>;
  done: () => void;
}

/**
 * A computing session: it plans batches in session tables and writes the rows every table would get into
 * staging tables, while the loading session (loader.ts) copies earlier batches: two of them and the loader
 * share the machine's cores. It reads the database (references, placements) only in its setup, before the
 * loader locks it.
 */
export class Planner {
  constructor(private readonly s: Session, private readonly pools: Pools) {}

  /** Once per run, by one session: the staging schema and the shelters' occupancy so far. */
  async setupShared(): Promise<void> {
    await this.s.run(`DROP SCHEMA IF EXISTS ${STAGE_SCHEMA} CASCADE`);
    await this.s.run(`CREATE SCHEMA ${STAGE_SCHEMA}`);
    for (const statement of shelterIntervalsSetup()) await this.s.run(statement);
  }

  async setup(ctx: RunContext, prefix: number, months: MonthSlot[]): Promise<void> {
    for (const statement of [...defineFunctions(ctx.seed, prefix), ...sweepSetup(ctx)]) await this.s.run(statement);
    await this.s.run(`CREATE TEMP TABLE vm (start date, days integer, first integer, count integer)`);
    await this.s.run(`INSERT INTO vm SELECT * FROM unnest($1::date[], $2::integer[], $3::integer[], $4::integer[])`,
      [months.map((m) => m.start), months.map((m) => m.days), months.map((m) => m.first), months.map((m) => m.count)]);
    await this.pools.load(this.s.client, `${Number(months[0].start.slice(0, 4)) - 90}-01-01`, ctx.until);
    await this.s.run(`CREATE TEMP TABLE nd (nd_n bigint PRIMARY KEY, hash text NOT NULL)`);
  }

  /** Plans cases `from`..`to` - 1 of the run and stages their rows. */
  async compute(ctx: RunContext, batch: number, from: number, to: number, sweep: SweepTurn): Promise<Staged[]> {
    try {
      for (const statement of [...planStatements(ctx, from, to), ...referralPlanStatements(ctx)]) await this.s.run(statement);
      await sweep.wait();
      for (const statement of sweepStatements(ctx)) await this.s.run(statement);
    } finally {
      sweep.done();
    }
    for (const statement of [...outcomePlanStatements(ctx), ...finalStatements(ctx)]) await this.s.run(statement);
    await this.nameDobHashes();
    const stage = (table: string) => `${STAGE_SCHEMA}.${table}_${batch}`;
    const staged: Staged[] = [];
    const writes = [...caseStatements(ctx), ...protocolStatements(ctx), ...taskStatements(ctx), ...historyStatements(ctx, stage('placements'))];
    for (const statement of writes) {
      // The session tables some writes share (the tasks) are built here; only the INSERTs are staged.
      if (!/^\s*INSERT INTO/.test(statement)) {
        await this.s.run(statement);
        continue;
      }
      const { table, columns, select } = splitInsert(statement);
      await this.s.run(`CREATE UNLOGGED TABLE ${stage(table)} AS SELECT * FROM (${select}) x(${columns})`);
      staged.push({ table, columns, stage: stage(table), ordered: table === 'case_history' });
    }
    return staged;
  }

  /**
   * The keyed hash of names and date of birth of the batch's cases that have a date of birth, computed by the
   * application's own function from the pool's plain values (the key never reaches the database).
   */
  private async nameDobHashes(): Promise<void> {
    const rows = await this.s.run<{ n: string; given_pool: string; given_idx: number; family_idx: number; dob: string }>(
      `SELECT n::text AS n, given_pool, given_idx, family_idx, dob::text AS dob FROM g WHERE dob IS NOT NULL`);
    const hashes = rows.map((row) => {
      const given = row.given_pool === 'female' ? T.GIVEN_NAMES_FEMALE : T.GIVEN_NAMES_MALE;
      return this.pools.nameDobHash(given[row.given_idx % given.length], T.FAMILY_NAMES[row.family_idx % T.FAMILY_NAMES.length], row.dob);
    });
    await this.s.run(`TRUNCATE nd`);
    await this.s.run(`INSERT INTO nd SELECT * FROM unnest($1::bigint[], $2::text[])`, [rows.map((r) => r.n), hashes]);
  }
}
