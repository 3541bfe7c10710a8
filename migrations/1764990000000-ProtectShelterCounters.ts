import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

/** The columns of shelters that only the counter triggers write (migration 1764972000000). */
const COUNTERS = ['occupied', 'pending_referrals'];
const TRIGGER_FUNCTIONS = ['ruta_count_placements_shelter_occupied', 'ruta_count_referrals_shelter_pending'];

/**
 * A shelter's counters are written by their triggers alone (PRODUCT.md section 7): the application role keeps
 * INSERT and UPDATE on every other column of shelters, and not on `occupied` and `pending_referrals`. The
 * trigger functions, which run in the application's statements, become SECURITY DEFINER (they run as the
 * owner of the schema, with a fixed search_path) so that they can still move the counters.
 *
 * Column privileges name the columns there are now: a column added to shelters later is granted to the
 * application role by the migration that adds it.
 */
export class ProtectShelterCounters1764990000000 implements MigrationInterface {
  name = 'ProtectShelterCounters1764990000000';

  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    for (const fn of TRIGGER_FUNCTIONS) {
      await q.query(`ALTER FUNCTION ${fn}() SECURITY DEFINER SET search_path = pg_catalog, public`);
    }
    const rows: { column_name: string }[] = await q.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'shelters'
         AND column_name <> ALL($1::text[]) ORDER BY ordinal_position`, [COUNTERS]);
    const writable = rows.map((r) => `"${r.column_name}"`).join(', ');
    await q.query(`REVOKE INSERT, UPDATE ON shelters FROM ${role}`);
    await q.query(`GRANT INSERT (${writable}), UPDATE (${writable}) ON shelters TO ${role}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const role = appRole();
    const rows: { column_name: string }[] = await q.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'shelters' ORDER BY ordinal_position`);
    const all = rows.map((r) => `"${r.column_name}"`).join(', ');
    await q.query(`REVOKE INSERT (${all}), UPDATE (${all}) ON shelters FROM ${role}`);
    await q.query(`GRANT INSERT, UPDATE ON shelters TO ${role}`);
    for (const fn of TRIGGER_FUNCTIONS) {
      await q.query(`ALTER FUNCTION ${fn}() SECURITY INVOKER RESET search_path`);
    }
  }
}
