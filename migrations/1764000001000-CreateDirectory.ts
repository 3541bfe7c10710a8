import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDirectory1764000001000 implements MigrationInterface {
  name = 'CreateDirectory1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agencies (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]{1,11}$'),
        name_es text NOT NULL CHECK (length(name_es) BETWEEN 1 AND 200),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('ministry', 'secretariat', 'ngo', 'judicial', 'oversight', 'other')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON TABLE agencies IS 'Member institutions; stable codes, editable names (agencies get renamed)'`);

    await q.query(`
      CREATE TABLE provinces (
        code char(2) PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
        name text NOT NULL
      )`);
    await q.query(`COMMENT ON TABLE provinces IS 'The 24 provinces of Ecuador with their INEC codes'`);

    await q.query(`
      CREATE TABLE border_points (
        code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,40}$'),
        name_es text NOT NULL,
        name_en text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('land', 'airport', 'seaport')),
        province_code char(2) NOT NULL REFERENCES provinces(code),
        agency_code text NOT NULL REFERENCES agencies(code),
        active boolean NOT NULL DEFAULT true
      )`);
    await q.query(`COMMENT ON TABLE border_points IS 'Border points and airports; also the units of immigration officers'`);

    await q.query(`
      CREATE TABLE shelters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_-]{1,40}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        operator_code text NOT NULL REFERENCES agencies(code),
        capacity integer NOT NULL CHECK (capacity >= 0),
        occupied integer NOT NULL DEFAULT 0,
        eligible_sexes text[] NOT NULL DEFAULT '{}',
        min_age integer CHECK (min_age IS NULL OR min_age >= 0),
        max_age integer CHECK (max_age IS NULL OR max_age >= 0),
        exploitation_forms text[] NOT NULL DEFAULT '{}',
        accompanying_children boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT shelters_occupancy_within_capacity CHECK (occupied >= 0 AND occupied <= capacity),
        CONSTRAINT shelters_age_range CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age),
        CONSTRAINT shelters_sexes CHECK (eligible_sexes <@ ARRAY['female', 'male', 'intersex', 'unknown']::text[]),
        CONSTRAINT shelters_forms CHECK (exploitation_forms <@ ARRAY['organ_removal', 'sexual_exploitation',
          'labour_exploitation', 'servile_marriage', 'illegal_adoption', 'begging', 'forced_recruitment', 'other']::text[])
      )`);
    await q.query(`COMMENT ON TABLE shelters IS 'Shelters; eligibility and capacity are data. occupied is kept by placements and can never exceed capacity'`);
    await q.query(`COMMENT ON COLUMN shelters.max_age IS 'Highest eligible age in whole years (17 = under 18)'`);

    await q.query(`
      CREATE TABLE service_types (
        code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]{1,40}$'),
        name_es text NOT NULL,
        name_en text NOT NULL,
        default_agency_code text NOT NULL REFERENCES agencies(code),
        response_hours integer NOT NULL CHECK (response_hours BETWEEN 1 AND 8760)
      )`);
    await q.query(`COMMENT ON TABLE service_types IS 'Service catalog: default provider and response deadline'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE service_types`);
    await q.query(`DROP TABLE shelters`);
    await q.query(`DROP TABLE border_points`);
    await q.query(`DROP TABLE provinces`);
    await q.query(`DROP TABLE agencies`);
  }
}
