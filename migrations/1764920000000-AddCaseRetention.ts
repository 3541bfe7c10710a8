import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

/**
 * Retention (PRODUCT.md section 12): a case closed for longer than the retention period is pseudonymized.
 * Its identity fields, documents, contacts, free text and attachments are erased; what reports count
 * (status, trafficking status, sex, age group, nationality, forms of exploitation, province, dates,
 * referrals, placements, visas and check-ins with their statuses and outcomes) stays, and so does the
 * audit log, which is never touched.
 *
 * Erased means NULL: the columns that held such values become nullable, and the constraints that required
 * them now require them only while the case holds personal data (the services still refuse a request that
 * leaves them out).
 *
 * case_history, care_notes and care_plan_versions stay append-only for the application role: the only way
 * it can change them is ruta_pseudonymize_case(), owned by the schema owner, which only nulls the sensitive
 * columns of one closed case.
 */
export class AddCaseRetention1764920000000 implements MigrationInterface {
  name = 'AddCaseRetention1764920000000';

  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`ALTER TABLE cases ADD COLUMN closed_at timestamptz, ADD COLUMN pseudonymized_at timestamptz`);
    await q.query(`COMMENT ON COLUMN cases.closed_at IS 'When the case was last closed (cleared on reopening); the retention period runs from it'`);
    await q.query(`COMMENT ON COLUMN cases.pseudonymized_at IS 'When retention erased the identity fields, documents, free text and attachments; such a case is never reopened'`);
    await q.query(`UPDATE cases c SET closed_at = coalesce(
        (SELECT max(h.occurred_at) FROM case_history h WHERE h.case_id = c.id AND h.to_status = 'closed'), c.updated_at)
      WHERE c.status = 'closed'`);
    await q.query(`ALTER TABLE cases
      ADD CONSTRAINT cases_closed_at CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
      ADD CONSTRAINT cases_pseudonymized_closed CHECK (pseudonymized_at IS NULL OR status = 'closed'),
      ALTER COLUMN given_names_enc DROP NOT NULL,
      ALTER COLUMN family_names_enc DROP NOT NULL,
      ALTER COLUMN circumstances_enc DROP NOT NULL,
      ADD CONSTRAINT cases_identity_until_pseudonymized CHECK (pseudonymized_at IS NOT NULL
        OR (given_names_enc IS NOT NULL AND family_names_enc IS NOT NULL AND circumstances_enc IS NOT NULL)),
      DROP CONSTRAINT cases_birth_or_estimate,
      ADD CONSTRAINT cases_birth_or_estimate CHECK (date_of_birth_enc IS NOT NULL OR estimated_age IS NOT NULL OR pseudonymized_at IS NOT NULL)`);
    await q.query(`CREATE INDEX cases_retention_idx ON cases (closed_at) WHERE status = 'closed' AND pseudonymized_at IS NULL`);

    await q.query(`ALTER TABLE case_screenings ALTER COLUMN answers_enc DROP NOT NULL`);
    await q.query(`ALTER TABLE referrals ALTER COLUMN reason_enc DROP NOT NULL,
      DROP CONSTRAINT referrals_override_justified,
      ADD CONSTRAINT referrals_override_justified CHECK (consent_basis = 'override' OR override_justification_enc IS NULL)`);
    await q.query(`ALTER TABLE placements DROP CONSTRAINT placements_risk_assessed`);
    await q.query(`ALTER TABLE visa_requests DROP CONSTRAINT visa_requests_granted_complete,
      ADD CONSTRAINT visa_requests_granted_complete CHECK (status <> 'granted' OR (issued_on IS NOT NULL AND expires_on IS NOT NULL))`);
    await q.query(`ALTER TABLE care_plans ALTER COLUMN goals_enc DROP NOT NULL`);
    await q.query(`ALTER TABLE care_plan_versions ALTER COLUMN goals_enc DROP NOT NULL`);
    await q.query(`ALTER TABLE care_notes ALTER COLUMN text_enc DROP NOT NULL`);

    await q.query(`
      CREATE FUNCTION ruta_pseudonymize_case(p_case uuid, p_at timestamptz) RETURNS jsonb
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
      DECLARE
        v_status text;
        v_done timestamptz;
        v_documents integer;
        v_attachments integer;
        v_notes integer;
        v_history integer;
      BEGIN
        SELECT status, pseudonymized_at INTO v_status, v_done FROM cases WHERE id = p_case FOR UPDATE;
        IF NOT FOUND THEN RAISE EXCEPTION 'case % does not exist', p_case USING ERRCODE = 'no_data_found'; END IF;
        IF v_status <> 'closed' THEN RAISE EXCEPTION 'only a closed case is pseudonymized' USING ERRCODE = 'check_violation'; END IF;
        IF v_done IS NOT NULL THEN RETURN NULL; END IF;

        UPDATE cases SET given_names_enc = NULL, family_names_enc = NULL, gender_identity_enc = NULL, date_of_birth_enc = NULL,
          contact_enc = NULL, name_dob_hash = NULL, canton = NULL, place_enc = NULL, circumstances_enc = NULL,
          complaint_number_enc = NULL, pseudonymized_at = p_at, version = version + 1, updated_at = now()
        WHERE id = p_case;
        DELETE FROM case_documents WHERE case_id = p_case;
        GET DIAGNOSTICS v_documents = ROW_COUNT;
        UPDATE case_consents SET child_view_enc = NULL, guardian_enc = NULL WHERE case_id = p_case;
        UPDATE case_screenings SET answers_enc = NULL WHERE case_id = p_case;
        -- Free text in the history is kept under keys ending in "Enc" (reasons, rationales): removed, the rest stays.
        UPDATE case_history SET details = details - ARRAY(SELECT k FROM jsonb_object_keys(details) AS k WHERE k LIKE '%Enc')
        WHERE case_id = p_case AND EXISTS (SELECT 1 FROM jsonb_object_keys(details) AS k WHERE k LIKE '%Enc');
        GET DIAGNOSTICS v_history = ROW_COUNT;
        UPDATE reviews SET rationale_enc = NULL WHERE case_id = p_case;
        UPDATE referrals SET reason_enc = NULL, override_justification_enc = NULL, response_reason_enc = NULL, outcome_enc = NULL
        WHERE case_id = p_case;
        UPDATE placements SET risk_assessment_enc = NULL WHERE case_id = p_case;
        UPDATE visa_requests SET visa_number_enc = NULL, reason_enc = NULL WHERE case_id = p_case;
        UPDATE care_plans SET goals_enc = NULL WHERE case_id = p_case;
        UPDATE care_plan_versions SET goals_enc = NULL WHERE care_plan_id IN (SELECT id FROM care_plans WHERE case_id = p_case);
        UPDATE care_notes SET text_enc = NULL WHERE case_id = p_case;
        GET DIAGNOSTICS v_notes = ROW_COUNT;
        DELETE FROM attachments WHERE case_id = p_case;
        GET DIAGNOSTICS v_attachments = ROW_COUNT;
        UPDATE closure_requests SET rejection_reason_enc = NULL WHERE case_id = p_case;
        UPDATE follow_up_checkins SET notes_enc = NULL, new_needs_enc = NULL WHERE case_id = p_case;
        RETURN jsonb_build_object('documents', v_documents, 'attachments', v_attachments, 'careNotes', v_notes, 'historyEntries', v_history);
      END
      $fn$`);
    await q.query(`COMMENT ON FUNCTION ruta_pseudonymize_case(uuid, timestamptz) IS
      'Retention: erases the identity fields, documents, free text and attachments of one closed case (the only change the app role may make to case_history, care_notes and care_plan_versions)'`);
    await q.query(`REVOKE ALL ON FUNCTION ruta_pseudonymize_case(uuid, timestamptz) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ruta_pseudonymize_case(uuid, timestamptz) TO ${role}`);
  }

  async down(q: QueryRunner): Promise<void> {
    // A pseudonymized case cannot get its data back: the NOT NULL constraints return only if none exists.
    await q.query(`DROP FUNCTION ruta_pseudonymize_case(uuid, timestamptz)`);
    await q.query(`ALTER TABLE care_notes ALTER COLUMN text_enc SET NOT NULL`);
    await q.query(`ALTER TABLE care_plan_versions ALTER COLUMN goals_enc SET NOT NULL`);
    await q.query(`ALTER TABLE care_plans ALTER COLUMN goals_enc SET NOT NULL`);
    await q.query(`ALTER TABLE visa_requests DROP CONSTRAINT visa_requests_granted_complete,
      ADD CONSTRAINT visa_requests_granted_complete CHECK (status <> 'granted' OR (visa_number_enc IS NOT NULL AND issued_on IS NOT NULL AND expires_on IS NOT NULL))`);
    await q.query(`ALTER TABLE placements ADD CONSTRAINT placements_risk_assessed CHECK (discharge_reason IS NULL
      OR discharge_reason NOT IN ('family_reintegration', 'returned_to_origin_country') OR risk_assessment_enc IS NOT NULL)`);
    await q.query(`ALTER TABLE referrals DROP CONSTRAINT referrals_override_justified,
      ADD CONSTRAINT referrals_override_justified CHECK ((consent_basis = 'override') = (override_justification_enc IS NOT NULL)),
      ALTER COLUMN reason_enc SET NOT NULL`);
    await q.query(`ALTER TABLE case_screenings ALTER COLUMN answers_enc SET NOT NULL`);
    await q.query(`DROP INDEX cases_retention_idx`);
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_birth_or_estimate,
      ADD CONSTRAINT cases_birth_or_estimate CHECK (date_of_birth_enc IS NOT NULL OR estimated_age IS NOT NULL),
      DROP CONSTRAINT cases_identity_until_pseudonymized,
      ALTER COLUMN circumstances_enc SET NOT NULL,
      ALTER COLUMN family_names_enc SET NOT NULL,
      ALTER COLUMN given_names_enc SET NOT NULL,
      DROP CONSTRAINT cases_pseudonymized_closed,
      DROP CONSTRAINT cases_closed_at,
      DROP COLUMN pseudonymized_at, DROP COLUMN closed_at`);
  }
}
