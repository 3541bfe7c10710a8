import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

export class CreateCareAndClosure1764300000000 implements MigrationInterface {
  name = 'CreateCareAndClosure1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`
      CREATE TABLE care_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        placement_id uuid UNIQUE REFERENCES placements(id),
        shelter_id uuid REFERENCES shelters(id),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        goals_enc text NOT NULL,
        updated_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT care_plans_shelter_with_placement CHECK ((placement_id IS NULL) = (shelter_id IS NULL))
      )`);
    await q.query(`COMMENT ON TABLE care_plans IS 'Care plan per placement, or per case (lead agency) when there is no shelter; goals encrypted; optimistic concurrency on version'`);
    await q.query(`CREATE UNIQUE INDEX care_plans_one_case_level ON care_plans (case_id) WHERE placement_id IS NULL`);
    await q.query(`CREATE INDEX care_plans_case_idx ON care_plans (case_id)`);
    await q.query(`
      CREATE TABLE care_plan_versions (
        care_plan_id uuid NOT NULL REFERENCES care_plans(id),
        version integer NOT NULL,
        goals_enc text NOT NULL,
        saved_by uuid NOT NULL REFERENCES users(id),
        saved_at timestamptz NOT NULL,
        PRIMARY KEY (care_plan_id, version)
      )`);
    await q.query(`COMMENT ON TABLE care_plan_versions IS 'Every saved version of every care plan, append-only'`);
    await q.query(`
      CREATE TABLE care_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        care_plan_id uuid NOT NULL REFERENCES care_plans(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        area text NOT NULL CHECK (area IN ('social_work', 'psychology', 'legal', 'family', 'health', 'education', 'livelihood')),
        text_enc text NOT NULL,
        confidential boolean NOT NULL,
        shelter_id uuid REFERENCES shelters(id),
        author_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`COMMENT ON TABLE care_notes IS 'Progress notes, append-only, text encrypted; confidential ones only for the writing shelter and the lead agency'`);
    await q.query(`CREATE INDEX care_notes_plan_idx ON care_notes (care_plan_id, created_at)`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON care_plan_versions, care_notes FROM ${role}`);

    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        part text NOT NULL CHECK (part IN ('case', 'care_plan', 'visa_request')),
        part_id uuid,
        filename_enc text NOT NULL,
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
        sha256 text NOT NULL,
        content_enc bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON TABLE attachments IS 'PDF, JPEG or PNG up to 10 MB, type checked by content, encrypted at rest (AES-256-GCM)'`);
    await q.query(`CREATE INDEX attachments_case_idx ON attachments (case_id)`);

    await q.query(`
      CREATE TABLE closure_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        reason text NOT NULL CHECK (reason IN ('follow_up_completed', 'declined_assistance', 'returned_abroad', 'lost_contact', 'deceased', 'duplicate')),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        requested_by uuid NOT NULL REFERENCES users(id),
        requesting_agency text NOT NULL REFERENCES agencies(code),
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users(id),
        deciding_agency text REFERENCES agencies(code),
        decided_at timestamptz,
        rejection_reason_enc text,
        task_id uuid REFERENCES tasks(id),
        CONSTRAINT closure_two_agencies CHECK (deciding_agency IS NULL OR deciding_agency <> requesting_agency)
      )`);
    await q.query(`COMMENT ON TABLE closure_requests IS 'Closing a recognized case: requested by the lead agency, decided by a committee member of another agency'`);
    await q.query(`CREATE UNIQUE INDEX closure_requests_one_pending ON closure_requests (case_id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['closure_requests', 'attachments', 'care_notes', 'care_plan_versions', 'care_plans']) await q.query(`DROP TABLE ${t}`);
  }
}
