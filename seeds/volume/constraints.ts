import { Client } from 'pg';

/** The tables the generator writes to. */
export const WRITTEN_TABLES = ['cases', 'case_documents', 'case_consents', 'case_screenings', 'case_history', 'case_stakes', 'reviews', 'review_members',
  'referrals', 'placements', 'visa_requests', 'follow_up_plans', 'follow_up_checkins', 'closure_requests', 'tasks', 'timers'];

interface ForeignKey { table: string; name: string; definition: string }

/**
 * Foreign keys of the written tables are dropped for the load and added back, under the same names and
 * definitions, before the transaction commits: PostgreSQL then checks every row with one join per key
 * instead of one look-up per row and key (about 5 µs each, minutes for a million cases). The drop, the load
 * and the re-creation are one transaction: a failure leaves the schema and the data as they were.
 */
export class DeferredForeignKeys {
  private keys: ForeignKey[] = [];

  async drop(client: Client): Promise<number> {
    const { rows } = await client.query(`SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[]) ORDER BY c.conrelid::regclass::text, c.conname`, [WRITTEN_TABLES]);
    this.keys = rows;
    for (const k of this.keys) await client.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${quote(k.name)}`);
    return this.keys.length;
  }

  async restore(client: Client): Promise<void> {
    for (const k of this.keys) await client.query(`ALTER TABLE ${k.table} ADD CONSTRAINT ${quote(k.name)} ${k.definition}`);
    this.keys = [];
  }
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
