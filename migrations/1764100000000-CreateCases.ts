import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

const FORMS = `ARRAY['organ_removal', 'sexual_exploitation', 'labour_exploitation', 'servile_marriage', 'illegal_adoption',
  'begging', 'forced_recruitment', 'other']::text[]`;

export class CreateCases1764100000000 implements MigrationInterface {
  name = 'CreateCases1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`
      CREATE TABLE indicator_catalogs (
        version text PRIMARY KEY CHECK (version ~ '^v[0-9]+$'),
        catalog jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON TABLE indicator_catalogs IS 'Versioned indicator catalogs with their rule sets (data, not code); a version never changes once published'`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON indicator_catalogs FROM ${role}`);

    await q.query(`CREATE SEQUENCE case_number_seq`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_number text NOT NULL UNIQUE CHECK (case_number ~ '^RUTA-[0-9]{4}-[0-9]{6,}$'),
        status text NOT NULL CHECK (status IN ('screening', 'identified', 'under_review', 'recognized', 'in_assistance', 'follow_up', 'closed')),
        trafficking_status text NOT NULL CHECK (trafficking_status IN ('possible_victim', 'presumed_victim', 'recognized_victim', 'not_a_victim')),
        status_decided_by text NOT NULL CHECK (status_decided_by IN ('screening', 'identifying_officer', 'case_analysis_team')),
        lead_agency text REFERENCES agencies(code),
        version integer NOT NULL DEFAULT 1,
        is_minor boolean NOT NULL,
        age_group text CHECK (age_group IN ('0-11', '12-17', '18-29', '30-59', '60+')),
        sent_to_review_at timestamptz,
        closure_reason text CHECK (closure_reason IN ('follow_up_completed', 'not_recognized', 'no_indicators', 'duplicate',
          'declined_assistance', 'returned_abroad', 'lost_contact', 'deceased')),
        status_before_closure text,
        given_names_enc text NOT NULL,
        family_names_enc text NOT NULL,
        sex text NOT NULL CHECK (sex IN ('female', 'male', 'intersex', 'unknown')),
        gender_identity_enc text,
        date_of_birth_enc text,
        estimated_age integer CHECK (estimated_age BETWEEN 0 AND 120),
        nationality text[] NOT NULL CHECK (cardinality(nationality) > 0),
        languages text[] NOT NULL DEFAULT '{}',
        contact_enc text,
        accompanying_children_count integer NOT NULL DEFAULT 0 CHECK (accompanying_children_count >= 0),
        accompanying_children_ages integer[] NOT NULL DEFAULT '{}',
        name_dob_hash text,
        identification_date date NOT NULL,
        province_code char(2) NOT NULL REFERENCES provinces(code),
        canton text,
        place_enc text,
        border_point text REFERENCES border_points(code),
        identifying_agency text NOT NULL REFERENCES agencies(code),
        identifying_unit text REFERENCES border_points(code),
        identifying_officer uuid REFERENCES users(id),
        came_to_attention text NOT NULL CHECK (came_to_attention IN ('border_control', 'operation', 'complaint', 'self_referral', 'abroad_consulate', 'other')),
        circumstances_enc text NOT NULL,
        exploitation_forms text[] NOT NULL DEFAULT '{}' CHECK (exploitation_forms <@ ${FORMS}),
        located_abroad boolean NOT NULL DEFAULT false,
        complaint_notified_on date,
        complaint_number_enc text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cases_birth_or_estimate CHECK (date_of_birth_enc IS NOT NULL OR estimated_age IS NOT NULL),
        CONSTRAINT cases_closed_has_reason CHECK ((status = 'closed') = (closure_reason IS NOT NULL)),
        CONSTRAINT cases_lead_from_recognition CHECK (status NOT IN ('recognized', 'in_assistance', 'follow_up') OR lead_agency IS NOT NULL)
      )`);
    await q.query(`COMMENT ON TABLE cases IS 'One record per victim or presumed victim; identity fields encrypted by the application (*_enc), never stored in plaintext'`);
    await q.query(`COMMENT ON COLUMN cases.name_dob_hash IS 'Keyed hash of normalized names and date of birth, for duplicate search'`);
    await q.query(`CREATE INDEX cases_unit_idx ON cases (identifying_unit, created_at)`);
    await q.query(`CREATE INDEX cases_reviewed_idx ON cases (created_at) WHERE sent_to_review_at IS NOT NULL`);
    await q.query(`CREATE INDEX cases_lead_idx ON cases (lead_agency) WHERE lead_agency IS NOT NULL`);
    await q.query(`CREATE INDEX cases_name_dob_idx ON cases (name_dob_hash) WHERE name_dob_hash IS NOT NULL`);
    await q.query(`CREATE INDEX cases_status_idx ON cases (status, created_at)`);

    await q.query(`
      CREATE TABLE case_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        type text NOT NULL CHECK (type IN ('passport', 'national_id', 'other')),
        number_enc text NOT NULL,
        number_hash text NOT NULL,
        issuing_country char(3) NOT NULL CHECK (issuing_country ~ '^[A-Z]{3}$'),
        position smallint NOT NULL
      )`);
    await q.query(`COMMENT ON TABLE case_documents IS 'Identity documents of the victim; numbers encrypted, searched by keyed hash of the normalized number'`);
    await q.query(`CREATE INDEX case_documents_hash_idx ON case_documents (number_hash)`);
    await q.query(`CREATE INDEX case_documents_case_idx ON case_documents (case_id)`);

    await q.query(`
      CREATE TABLE case_consents (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        data_processing boolean NOT NULL,
        referral boolean NOT NULL,
        share_with text[] NOT NULL DEFAULT '{}',
        withdrawn boolean NOT NULL DEFAULT false,
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON TABLE case_consents IS 'Consent history: each change (and every withdrawal) is a new row, never erased; the newest row is in force'`);
    await q.query(`CREATE INDEX case_consents_case_idx ON case_consents (case_id, id DESC)`);

    await q.query(`
      CREATE TABLE case_screenings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        catalog_version text NOT NULL REFERENCES indicator_catalogs(version),
        is_minor boolean NOT NULL,
        answers_enc text NOT NULL,
        result jsonb NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('presumed_victim', 'possible_victim', 'no_indicators')),
        performed_by uuid REFERENCES users(id),
        performed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON TABLE case_screenings IS 'Every screening with the catalog version it used and its stored result (explanation); answers encrypted (notes may hold personal data)'`);
    await q.query(`CREATE INDEX case_screenings_case_idx ON case_screenings (case_id, performed_at DESC)`);

    await q.query(`
      CREATE TABLE case_history (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        action text NOT NULL,
        from_status text,
        to_status text,
        actor_id uuid,
        actor_roles text[] NOT NULL DEFAULT '{}',
        actor_agency text,
        occurred_at timestamptz NOT NULL,
        client_tx_id text,
        details jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT case_history_tx_unique UNIQUE (case_id, client_tx_id)
      )`);
    await q.query(`COMMENT ON TABLE case_history IS 'Append-only history of every action on a case (who, role, agency, when, what); no personal data values'`);
    await q.query(`CREATE INDEX case_history_case_idx ON case_history (case_id, id)`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON case_history FROM ${role}`);

    await q.query(`
      CREATE TABLE case_stakes (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        agency_code text REFERENCES agencies(code),
        shelter_id uuid REFERENCES shelters(id),
        role text NOT NULL CHECK (role IN ('service_focal_point', 'shelter_staff', 'visa_officer', 'committee_member', 'immigration_officer')),
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_stakes_target CHECK ((role = 'shelter_staff') = (shelter_id IS NOT NULL))
      )`);
    await q.query(`COMMENT ON TABLE case_stakes IS 'Who has a reason to see a case: written by the protocol steps when they address work to an agency or shelter'`);
    await q.query(`CREATE UNIQUE INDEX case_stakes_unique ON case_stakes (case_id, role, coalesce(agency_code, ''), coalesce(shelter_id::text, ''), reason)`);
    await q.query(`CREATE INDEX case_stakes_agency_idx ON case_stakes (agency_code, role, case_id)`);
    await q.query(`CREATE INDEX case_stakes_shelter_idx ON case_stakes (shelter_id, case_id) WHERE shelter_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE case_links (
        case_id uuid NOT NULL REFERENCES cases(id),
        other_case_id uuid NOT NULL REFERENCES cases(id),
        relation text NOT NULL CHECK (relation IN ('duplicate')),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, other_case_id, relation),
        CHECK (case_id <> other_case_id)
      )`);
    await q.query(`COMMENT ON TABLE case_links IS 'Confirmed links between cases (duplicates), stored once in each direction'`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users(id),
        route text NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_progress', 'done')),
        response_status integer,
        response_enc text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, route, key)
      )`);
    await q.query(`COMMENT ON TABLE idempotency_keys IS 'Idempotency-Key replay: same key and body give the stored answer; other body 422; still running 409'`);

    await q.query(`ALTER TABLE tasks ADD CONSTRAINT tasks_case_fk FOREIGN KEY (case_id) REFERENCES cases(id)`);
    await q.query(`ALTER TABLE tasks ADD COLUMN addressee_unit text REFERENCES border_points(code)`);
    await q.query(`COMMENT ON COLUMN tasks.addressee_unit IS 'For immigration officers: the unit (border point) the task is for'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks DROP COLUMN addressee_unit`);
    await q.query(`ALTER TABLE tasks DROP CONSTRAINT tasks_case_fk`);
    for (const t of ['idempotency_keys', 'case_links', 'case_stakes', 'case_history', 'case_screenings', 'case_consents', 'case_documents', 'cases', 'indicator_catalogs']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP SEQUENCE case_number_seq`);
  }
}
