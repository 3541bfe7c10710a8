import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

/**
 * What retention erased stays erased (PRODUCT.md section 12): once a case is pseudonymized, the application
 * role can no longer write personal data about it (names, documents, free text, attachments) nor give
 * anyone new access to it (stakes, referrals, requests), whatever the route. The check is in the database so that no code path can forget it; the retention function itself
 * runs as the schema owner and is not concerned. A refused write raises 55000 "case_pseudonymized",
 * which the API answers with 409.
 */
interface Guard {
  table: string;
  /** Columns of personal data: writing any of them is refused. */
  columns: string[];
  /** New rows are refused altogether: they would hold personal data or give someone new access to the case. */
  noNewRows?: true;
  /** Another condition on NEW that makes the write personal data. */
  when?: string;
  caseOf: string;
}

const GUARDED: Guard[] = [
  { table: 'cases', columns: ['given_names_enc', 'family_names_enc', 'gender_identity_enc', 'date_of_birth_enc', 'contact_enc',
    'name_dob_hash', 'canton', 'place_enc', 'circumstances_enc', 'complaint_number_enc'], caseOf: 'NEW.id' },
  { table: 'case_documents', columns: ['number_enc', 'number_hash'], noNewRows: true, caseOf: 'NEW.case_id' },
  { table: 'case_consents', columns: ['child_view_enc', 'guardian_enc'], caseOf: 'NEW.case_id' },
  { table: 'case_screenings', columns: ['answers_enc'], noNewRows: true, caseOf: 'NEW.case_id' },
  { table: 'case_stakes', columns: [], noNewRows: true, caseOf: 'NEW.case_id' },
  // Free text in the history is kept under keys ending in "Enc" (reasons, rationales).
  { table: 'case_history', columns: [], when: `EXISTS (SELECT 1 FROM jsonb_object_keys(NEW.details) AS k WHERE k LIKE '%Enc')`, caseOf: 'NEW.case_id' },
  { table: 'reviews', columns: ['rationale_enc'], noNewRows: true, caseOf: 'NEW.case_id' },
  { table: 'referrals', columns: ['reason_enc', 'override_justification_enc', 'response_reason_enc', 'outcome_enc'], noNewRows: true, caseOf: 'NEW.case_id' },
  { table: 'placements', columns: ['risk_assessment_enc'], noNewRows: true, caseOf: 'NEW.case_id' },
  { table: 'visa_requests', columns: ['visa_number_enc', 'reason_enc'], noNewRows: true, caseOf: 'NEW.case_id' },
  { table: 'care_plans', columns: ['goals_enc'], noNewRows: true, caseOf: 'NEW.case_id' },
  { table: 'care_plan_versions', columns: ['goals_enc'], noNewRows: true, caseOf: '(SELECT case_id FROM care_plans WHERE id = NEW.care_plan_id)' },
  { table: 'care_notes', columns: ['text_enc'], noNewRows: true, caseOf: 'NEW.case_id' },
  { table: 'attachments', columns: ['content_enc', 'filename_enc'], noNewRows: true, caseOf: 'NEW.case_id' },
  { table: 'closure_requests', columns: ['rejection_reason_enc'], noNewRows: true, caseOf: 'NEW.case_id' },
  { table: 'follow_up_checkins', columns: ['notes_enc', 'new_needs_enc'], noNewRows: true, caseOf: 'NEW.case_id' },
];

export class KeepPseudonymizedCasesErased1764930000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    for (const g of GUARDED) {
      const existing: { column_name: string }[] = await q.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = ANY($2::text[])`,
        [g.table, g.columns]);
      const columns = existing.map((c) => c.column_name);
      const missing = g.columns.filter((c) => !columns.includes(c));
      if (missing.length) throw new Error(`${g.table} has no column ${missing.join(', ')}: the list of personal data is out of date`);
      const conditions = columns.map((c) => `NEW.${c} IS NOT NULL`);
      if (g.noNewRows) conditions.push(`TG_OP = 'INSERT'`);
      if (g.when) conditions.push(g.when);
      const anySet = conditions.join(' OR ');
      await q.query(`
        CREATE FUNCTION ruta_keep_erased_${g.table}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          IF current_user = '${role}' AND (${anySet})
             AND EXISTS (SELECT 1 FROM cases c WHERE c.id = ${g.caseOf} AND c.pseudonymized_at IS NOT NULL) THEN
            RAISE EXCEPTION 'case_pseudonymized' USING ERRCODE = 'object_not_in_prerequisite_state';
          END IF;
          RETURN NEW;
        END
        $fn$`);
      await q.query(`CREATE TRIGGER ${g.table}_keep_erased BEFORE INSERT OR UPDATE ON ${g.table}
        FOR EACH ROW EXECUTE FUNCTION ruta_keep_erased_${g.table}()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const g of GUARDED) {
      await q.query(`DROP TRIGGER IF EXISTS ${g.table}_keep_erased ON ${g.table}`);
      await q.query(`DROP FUNCTION IF EXISTS ruta_keep_erased_${g.table}()`);
    }
  }
}
