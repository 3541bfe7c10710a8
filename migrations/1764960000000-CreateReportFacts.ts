import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

const TZ = `'America/Guayaquil'`;
const local = (column: string) => `(${column} AT TIME ZONE ${TZ})::date`;

/**
 * The reports' summaries (PRODUCT.md section 11): one materialized view of counts per month of
 * identification (shelter occupancy: per month of stay), and of durations as histograms in whole days or
 * hours, so that any period of whole months is a sum over at most a few thousand rows and a median or a
 * 90th percentile is exact in its unit. The worker refreshes it CONCURRENTLY through
 * ruta_refresh_report_facts() (readers keep reading the previous contents; writers are never blocked).
 * Columns: month, report, k1, k2 (the row and column keys), bucket (the duration, 0 for counts), n.
 */
export const REPORT_FACTS_SQL = `
  WITH c AS MATERIALIZED (
    SELECT id, date_trunc('month', identification_date)::date AS month, identification_date, sex,
      coalesce(age_group, 'unknown') AS age_group, province_code::text AS province, identifying_agency AS agency,
      trafficking_status, nationality[1] AS nat, exploitation_forms
    FROM cases
  ),
  rec AS (
    SELECT case_id, min(decided_at) AS at FROM reviews WHERE decision = 'recognize' GROUP BY case_id
  ),
  svc AS (
    SELECT f.case_id, min(f.responded_at) AS at FROM referrals f JOIN rec ON rec.case_id = f.case_id
    WHERE f.status IN ('accepted', 'completed') AND f.responded_at >= rec.at GROUP BY f.case_id
  )
  SELECT month, 'sex' AS report, sex AS k1, '' AS k2, 0 AS bucket, count(*) AS n FROM c GROUP BY month, sex
  UNION ALL SELECT month, 'age', age_group, '', 0, count(*) FROM c GROUP BY month, age_group
  UNION ALL SELECT month, 'nationality', nat, '', 0, count(*) FROM c GROUP BY month, nat
  UNION ALL SELECT month, 'province', province, '', 0, count(*) FROM c GROUP BY month, province
  UNION ALL SELECT month, 'agency', agency, '', 0, count(*) FROM c GROUP BY month, agency
  UNION ALL SELECT month, 'status', trafficking_status, '', 0, count(*) FROM c GROUP BY month, trafficking_status
  UNION ALL SELECT month, 'route', province, nat, 0, count(*) FROM c GROUP BY month, province, nat
  UNION ALL SELECT c.month, 'form', coalesce(f.form, 'none'), '', 0, count(*)
    FROM c LEFT JOIN LATERAL unnest(c.exploitation_forms) AS f(form) ON true GROUP BY c.month, coalesce(f.form, 'none')
  UNION ALL SELECT c.month, 'review', r.decision, '', 0, count(*)
    FROM reviews r JOIN c ON c.id = r.case_id WHERE r.status = 'decided' GROUP BY c.month, r.decision
  UNION ALL SELECT c.month, 'referral', f.service_type, f.agency_code, 0, count(*)
    FROM referrals f JOIN c ON c.id = f.case_id GROUP BY c.month, f.service_type, f.agency_code
  UNION ALL SELECT c.month, 'referral_hours', f.service_type, f.agency_code,
      greatest(0, floor(extract(epoch FROM f.responded_at - f.created_at) / 3600))::int, count(*)
    FROM referrals f JOIN c ON c.id = f.case_id
    WHERE f.responded_at IS NOT NULL
    GROUP BY 1, 3, 4, 5
  UNION ALL SELECT c.month, 'declined', f.service_type, coalesce(f.response_reason_code, 'not_recorded'), 0, count(*)
    FROM referrals f JOIN c ON c.id = f.case_id WHERE f.status = 'declined' GROUP BY 1, 3, 4
  UNION ALL SELECT m.month::date, 'occupancy', p.shelter_id::text, '', 0, count(DISTINCT p.case_id)
    FROM placements p CROSS JOIN LATERAL generate_series(date_trunc('month', p.admitted_at AT TIME ZONE ${TZ}),
      date_trunc('month', coalesce(p.discharged_at, now()) AT TIME ZONE ${TZ}), interval '1 month') AS m(month)
    GROUP BY 1, 3
  UNION ALL SELECT c.month, 'visa', v.status, '', 0, count(*) FROM visa_requests v JOIN c ON c.id = v.case_id GROUP BY 1, 3
  UNION ALL SELECT c.month, 'visa_days', v.status, '', greatest(0, ${local('v.decided_at')} - ${local('v.requested_at')}), count(*)
    FROM visa_requests v JOIN c ON c.id = v.case_id WHERE v.status IN ('granted', 'denied') AND v.decided_at IS NOT NULL
    GROUP BY 1, 3, 5
  UNION ALL SELECT c.month, 'follow_up', k.agency_code,
      CASE WHEN k.status = 'done' AND ${local('k.recorded_at')} <= k.due_date THEN 'on_time'
           WHEN k.status = 'done' THEN 'late' ELSE 'not_done' END, 0, count(*)
    FROM follow_up_checkins k JOIN c ON c.id = k.case_id WHERE k.due_date < ${local('now()')}
    GROUP BY 1, 3, 4
  UNION ALL SELECT c.month, 'overdue', coalesce(t.addressee_agency, s.operator_code, 'none'), '', 0, count(*)
    FROM tasks t JOIN c ON c.id = t.case_id LEFT JOIN shelters s ON s.id = t.addressee_shelter_id
    WHERE t.status IN ('open', 'claimed') AND t.due_at < now() GROUP BY 1, 3
  UNION ALL SELECT c.month, 'to_recognition', '', '', greatest(0, ${local('rec.at')} - c.identification_date), count(*)
    FROM rec JOIN c ON c.id = rec.case_id GROUP BY 1, 5
  UNION ALL SELECT c.month, 'to_service', '', '', greatest(0, ${local('svc.at')} - ${local('rec.at')}), count(*)
    FROM svc JOIN rec ON rec.case_id = svc.case_id JOIN c ON c.id = svc.case_id GROUP BY 1, 5`;

export class CreateReportFacts1764960000000 implements MigrationInterface {
  name = 'CreateReportFacts1764960000000';

  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`ALTER TABLE referrals ADD COLUMN response_reason_code text CHECK (response_reason_code IN
      ('no_capacity', 'not_eligible', 'victim_declined', 'outside_mandate', 'other'))`);
    await q.query(`COMMENT ON COLUMN referrals.response_reason_code IS 'Why a referral was declined, as a code the reports can count (the free text stays encrypted in response_reason_enc)'`);

    await q.query(`CREATE MATERIALIZED VIEW report_facts AS ${REPORT_FACTS_SQL}`);
    await q.query(`COMMENT ON MATERIALIZED VIEW report_facts IS 'Report summaries: counts per month and report, durations as histograms; refreshed by the worker, never read row by row by anyone but the reports module'`);
    await q.query(`CREATE UNIQUE INDEX report_facts_key ON report_facts (report, month, k1, k2, bucket)`);
    await q.query(`REVOKE ALL ON report_facts FROM ${role}`);
    await q.query(`GRANT SELECT ON report_facts TO ${role}`);

    await q.query(`CREATE TABLE report_refreshes (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        refreshed_at timestamptz NOT NULL,
        duration_ms integer NOT NULL
      )`);
    await q.query(`COMMENT ON TABLE report_refreshes IS 'When report_facts was last refreshed (one row)'`);
    await q.query(`INSERT INTO report_refreshes (refreshed_at, duration_ms) VALUES (now(), 0)`);
    await q.query(`REVOKE ALL ON report_refreshes FROM ${role}`);
    await q.query(`GRANT SELECT ON report_refreshes TO ${role}`);

    // Only the view's owner may refresh it: the application role gets this function, nothing more. The
    // advisory lock lets one refresh run at a time (another caller returns at once with NULL); no parallel
    // workers, so that a refresh leaves the other core to the requests.
    await q.query(`
      CREATE FUNCTION ruta_refresh_report_facts() RETURNS timestamptz
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET max_parallel_workers_per_gather = 0 AS $fn$
      DECLARE v_start timestamptz := clock_timestamp();
      BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtext('ruta.report_facts')) THEN RETURN NULL; END IF;
        REFRESH MATERIALIZED VIEW CONCURRENTLY report_facts;
        UPDATE report_refreshes SET refreshed_at = v_start,
          duration_ms = (extract(epoch FROM clock_timestamp() - v_start) * 1000)::int;
        RETURN v_start;
      END $fn$`);
    await q.query(`REVOKE ALL ON FUNCTION ruta_refresh_report_facts() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ruta_refresh_report_facts() TO ${role}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ruta_refresh_report_facts()`);
    await q.query(`DROP TABLE report_refreshes`);
    await q.query(`DROP MATERIALIZED VIEW report_facts`);
    await q.query(`ALTER TABLE referrals DROP COLUMN response_reason_code`);
  }
}
