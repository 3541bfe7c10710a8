import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

/**
 * What retention erased stays out of reach (PRODUCT.md section 12), beside migration 1764930000000: that one
 * refuses personal data and new rows about a pseudonymized case, but let an UPDATE without personal data
 * through, so that the application role could still give someone new access to the case by moving a stake,
 * a referral or a placement to another agency or shelter, or onto the erased case. Here an UPDATE of the
 * columns that say who may see the case is refused when the row's case, before or after, is pseudonymized.
 */
const REACH: { table: string; columns: string[] }[] = [
  { table: 'case_stakes', columns: ['case_id', 'role', 'agency_code', 'shelter_id'] },
  { table: 'referrals', columns: ['case_id', 'agency_code', 'shelter_id'] },
  { table: 'placements', columns: ['case_id', 'shelter_id'] },
];

export class KeepErasedCasesOutOfReach1764995000000 implements MigrationInterface {
  name = 'KeepErasedCasesOutOfReach1764995000000';

  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    for (const r of REACH) {
      const changed = r.columns.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ');
      await q.query(`
        CREATE FUNCTION ruta_keep_erased_out_of_reach_${r.table}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          IF current_user = '${role}' AND (${changed})
             AND EXISTS (SELECT 1 FROM cases c WHERE c.id IN (NEW.case_id, OLD.case_id) AND c.pseudonymized_at IS NOT NULL) THEN
            RAISE EXCEPTION 'case_pseudonymized' USING ERRCODE = 'object_not_in_prerequisite_state';
          END IF;
          RETURN NEW;
        END
        $fn$`);
      await q.query(`CREATE TRIGGER ${r.table}_keep_erased_out_of_reach BEFORE UPDATE ON ${r.table}
        FOR EACH ROW EXECUTE FUNCTION ruta_keep_erased_out_of_reach_${r.table}()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const r of REACH) {
      await q.query(`DROP TRIGGER IF EXISTS ${r.table}_keep_erased_out_of_reach ON ${r.table}`);
      await q.query(`DROP FUNCTION IF EXISTS ruta_keep_erased_out_of_reach_${r.table}()`);
    }
  }
}
