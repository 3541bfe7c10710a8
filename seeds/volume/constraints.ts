import { Session } from './session';

/** The tables the generator writes to. */
export const WRITTEN_TABLES = ['cases', 'case_documents', 'case_consents', 'case_screenings', 'case_history', 'case_stakes', 'reviews', 'review_members',
  'referrals', 'placements', 'visa_requests', 'follow_up_plans', 'follow_up_checkins', 'closure_requests', 'tasks', 'timers'];

interface ForeignKey { table: string; name: string; definition: string }
interface Trigger { table: string; name: string }
interface Index { name: string; definition: string; comment: string | null }

/**
 * What the load sets aside, inside its one transaction, and puts back before committing:
 * - the foreign keys of the written tables, dropped and added back under the same names and definitions:
 *   PostgreSQL then checks every row with one join per key instead of one look-up per row and key (about 5 µs
 *   each: minutes for a million cases);
 * - the row triggers of the written tables (the guards that keep pseudonymized cases erased, migration
 *   1764930000000), disabled and enabled again: they refuse writes of the application's role only, and the
 *   generator writes as the schema owner, so for it they would only cost a PL/pgSQL call per row; and the
 *   shelter counters' triggers (migration 1764972000000), whose counts the loader computes once from the rows;
 * - when the run at least doubles the cases (`dropIndexes`), the indexes that no constraint owns, dropped and
 *   built again from their definitions, with their comments (a sorted build, in parallel, instead of one insertion per row: a fifth
 *   of the load's time; a smaller run keeps them, as rebuilding them over all the rows would cost more).
 * A failure rolls all of it back with the data: the schema is never left without them.
 */
export class LoadMode {
  private keys: ForeignKey[] = [];
  private triggers: Trigger[] = [];
  private indexes: Index[] = [];

  async enter(s: Session, dropIndexes: boolean): Promise<{ keys: number; triggers: number; indexes: number }> {
    this.keys = await s.run<ForeignKey>(`SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[]) ORDER BY 1, 2`, [WRITTEN_TABLES]);
    this.triggers = await s.run<Trigger>(`SELECT t.tgrelid::regclass::text AS table, t.tgname AS name FROM pg_trigger t
      WHERE t.tgrelid = ANY($1::regclass[]) AND NOT t.tgisinternal AND t.tgenabled <> 'D' ORDER BY 1, 2`, [WRITTEN_TABLES]);
    this.indexes = !dropIndexes ? [] : await s.run<Index>(`SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition,
        obj_description(i.indexrelid, 'pg_class') AS comment
      FROM pg_index i WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`, [WRITTEN_TABLES]);
    for (const k of this.keys) await s.run(`ALTER TABLE ${k.table} DROP CONSTRAINT ${quote(k.name)}`);
    for (const t of this.triggers) await s.run(`ALTER TABLE ${t.table} DISABLE TRIGGER ${quote(t.name)}`);
    for (const i of this.indexes) await s.run(`DROP INDEX ${i.name}`);
    return { keys: this.keys.length, triggers: this.triggers.length, indexes: this.indexes.length };
  }

  /** Indexes, then `between` (statistics, before the foreign keys plan their checks), then foreign keys and triggers. */
  async leave(s: Session, step: (what: 'indexes' | 'analyze' | 'foreign keys') => Promise<void>): Promise<void> {
    if (this.indexes.length) await step('indexes');
    for (const i of this.indexes) {
      await s.run(i.definition);
      if (i.comment !== null) await s.run(`COMMENT ON INDEX ${i.name} IS ${literal(i.comment)}`);
    }
    await step('analyze');
    await step('foreign keys');
    for (const k of this.keys) await s.run(`ALTER TABLE ${k.table} ADD CONSTRAINT ${quote(k.name)} ${k.definition}`);
    for (const t of this.triggers) await s.run(`ALTER TABLE ${t.table} ENABLE TRIGGER ${quote(t.name)}`);
    this.keys = [];
    this.triggers = [];
    this.indexes = [];
  }
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
