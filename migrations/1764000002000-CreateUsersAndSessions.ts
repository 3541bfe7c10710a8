import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsersAndSessions1764000002000 implements MigrationInterface {
  name = 'CreateUsersAndSessions1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        password_hash text NOT NULL,
        agency_code text NOT NULL REFERENCES agencies(code),
        unit_code text REFERENCES border_points(code),
        shelter_id uuid REFERENCES shelters(id),
        roles text[] NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        mfa_secret text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_roles_known CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['immigration_officer',
          'committee_member', 'shelter_staff', 'service_focal_point', 'visa_officer', 'auditor', 'admin']::text[]),
        CONSTRAINT users_officer_has_unit CHECK (NOT ('immigration_officer' = ANY (roles)) OR unit_code IS NOT NULL),
        CONSTRAINT users_staff_has_shelter CHECK (NOT ('shelter_staff' = ANY (roles)) OR shelter_id IS NOT NULL)
      )`);
    await q.query(`COMMENT ON TABLE users IS 'People who sign in; one agency each, several roles'`);
    await q.query(`CREATE INDEX users_agency_idx ON users (agency_code)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        refresh_hash text NOT NULL,
        previous_refresh_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        refreshed_at timestamptz,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('logout', 'user_disabled', 'refresh_reuse', 'expired'))
      )`);
    await q.query(`COMMENT ON TABLE sessions IS 'Revocable sign-in sessions; refresh tokens stored as SHA-256 hashes and rotated on use'`);
    await q.query(`CREATE INDEX sessions_user_active_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
  }
}
