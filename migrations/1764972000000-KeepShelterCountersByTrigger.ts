import { MigrationInterface, QueryRunner } from 'typeorm';

/** A shelter counter and the rows it counts: each counted row adds one to its shelter's counter. */
interface Counter {
  column: 'occupied' | 'pending_referrals';
  table: 'placements' | 'referrals';
  /** The status that makes a row count. */
  status: string;
  trigger: string;
}

const COUNTERS: Counter[] = [
  { column: 'occupied', table: 'placements', status: 'active', trigger: 'placements_shelter_occupied' },
  { column: 'pending_referrals', table: 'referrals', status: 'pending', trigger: 'referrals_shelter_pending' },
];

/**
 * A shelter's counters (PRODUCT.md section 7) kept in one place, the database: `occupied` is the number of
 * its active placements and `pending_referrals` the number of referrals to it still pending, each moved by
 * a trigger on the rows it counts, in the statement that changes them, whichever code path writes them.
 * Capacity stays enforced by the CHECK `shelters_occupancy_within_capacity` (occupied <= capacity),
 * evaluated on the locked shelter row: a placement beyond the last free place fails its INSERT, so 100
 * simultaneous acceptances for 30 places still admit exactly 30. The counters are computed once from the
 * rows here, so any drift of the hand-kept counters before this migration is corrected.
 */
export class KeepShelterCountersByTrigger1764972000000 implements MigrationInterface {
  name = 'KeepShelterCountersByTrigger1764972000000';

  async up(q: QueryRunner): Promise<void> {
    for (const c of COUNTERS) {
      await q.query(`
        CREATE FUNCTION ruta_count_${c.trigger}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        DECLARE
          counted_before boolean := TG_OP <> 'INSERT' AND OLD.shelter_id IS NOT NULL AND OLD.status = '${c.status}';
          counted_after boolean := TG_OP <> 'DELETE' AND NEW.shelter_id IS NOT NULL AND NEW.status = '${c.status}';
        BEGIN
          IF counted_before AND counted_after AND OLD.shelter_id = NEW.shelter_id THEN RETURN NULL; END IF;
          IF counted_before THEN UPDATE shelters SET ${c.column} = ${c.column} - 1 WHERE id = OLD.shelter_id; END IF;
          IF counted_after THEN UPDATE shelters SET ${c.column} = ${c.column} + 1 WHERE id = NEW.shelter_id; END IF;
          RETURN NULL;
        END
        $fn$`);
      await q.query(`CREATE TRIGGER ${c.trigger} AFTER INSERT OR DELETE OR UPDATE OF status, shelter_id ON ${c.table}
        FOR EACH ROW EXECUTE FUNCTION ruta_count_${c.trigger}()`);
      await q.query(`COMMENT ON FUNCTION ruta_count_${c.trigger}() IS 'Keeps shelters.${c.column}: the ${c.table} of the shelter with status ${c.status}'`);
      await q.query(`UPDATE shelters s SET ${c.column} = (SELECT count(*) FROM ${c.table} t WHERE t.shelter_id = s.id AND t.status = '${c.status}')`);
    }
    await q.query(`COMMENT ON COLUMN shelters.occupied IS 'Active placements at the shelter, kept by the trigger placements_shelter_occupied; never above capacity'`);
    await q.query(`COMMENT ON COLUMN shelters.pending_referrals IS 'Referrals awaiting the shelter''s answer, kept by the trigger referrals_shelter_pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of COUNTERS) {
      await q.query(`DROP TRIGGER IF EXISTS ${c.trigger} ON ${c.table}`);
      await q.query(`DROP FUNCTION IF EXISTS ruta_count_${c.trigger}()`);
    }
    await q.query(`COMMENT ON COLUMN shelters.occupied IS NULL`);
    await q.query(`COMMENT ON COLUMN shelters.pending_referrals IS 'Referrals awaiting the shelter''s answer, kept by the referral module in the same transaction'`);
  }
}
