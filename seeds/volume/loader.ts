import { LoadMode, WRITTEN_TABLES } from './constraints';
import { Staged } from './planner';
import { Session } from './session';

/**
 * The loading session: one transaction that takes the generator's lock, sets the tables in load mode
 * (constraints.ts), copies each staged batch into the real tables, keeps the shelters' counters, restores
 * everything it set aside and commits. Nothing of a run is visible, or left behind, unless all of it is.
 */
export class Loader {
  private readonly mode = new LoadMode();

  constructor(private readonly s: Session) {}

  /** Begins the transaction; a second generator on the same database waits here for the first. */
  async begin(): Promise<void> {
    await this.s.run('BEGIN');
    await this.s.run(`SELECT pg_advisory_xact_lock(hashtext('ruta-seed-volume'))`);
  }

  async existingCases(): Promise<number> {
    return Number((await this.s.run<{ n: string }>(`SELECT count(*) AS n FROM cases`))[0].n);
  }

  /**
   * Case numbers for the run, taken from the sequence intake uses, in one block: the run's cases are
   * numbered in date order and a run is reproducible. Called once `cases` is locked, so no intake draws one
   * in between.
   */
  async reserveCaseNumbers(count: number): Promise<number> {
    const [{ first }] = await this.s.run<{ first: string }>(`SELECT nextval('case_number_seq') AS first`);
    await this.s.run(`SELECT setval('case_number_seq', $1)`, [Number(first) + count - 1]);
    return Number(first);
  }

  enterLoadMode(dropIndexes: boolean) {
    return this.mode.enter(this.s, dropIndexes);
  }

  async copy(batch: Staged[]): Promise<void> {
    for (const b of batch) {
      await this.s.run(`INSERT INTO ${b.table} (${b.columns}) SELECT ${b.columns} FROM ${b.stage}${b.ordered ? ' ORDER BY ctid' : ''}`);
      await this.s.run(`DROP TABLE ${b.stage}`);
    }
  }

  /**
   * The shelter counters (occupied places, pending referrals), from the rows, as their triggers are off during the load; then the
   * indexes, the statistics (ANALYZE, which also lets the foreign-key checks plan their joins), the
   * foreign keys and triggers; then the commit.
   */
  async finish(log: (line: string) => void): Promise<void> {
    await this.s.run(`UPDATE shelters s SET
        occupied = (SELECT count(*) FROM placements p WHERE p.shelter_id = s.id AND p.status = 'active'),
        pending_referrals = (SELECT count(*) FROM referrals r WHERE r.shelter_id = s.id AND r.status = 'pending')`);
    await this.mode.leave(this.s, async (step) => {
      log(step === 'indexes' ? 'Building the indexes again' : step === 'analyze' ? 'ANALYZE' : 'Adding the foreign keys back (each checked over its whole table)');
      if (step === 'analyze') for (const table of [...WRITTEN_TABLES, 'shelters']) await this.s.run(`ANALYZE ${table}`);
    });
    await this.s.run('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.s.client.query('ROLLBACK').catch(() => undefined);
  }
}
