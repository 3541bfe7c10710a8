import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFollowUp1764600000000 implements MigrationInterface {
  name = 'CreateFollowUp1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE follow_up_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
        start_date date NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON TABLE follow_up_plans IS 'One-year follow-up of a victim from a start date (return, discharge or end of assistance)'`);
    await q.query(`
      CREATE TABLE follow_up_checkins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES follow_up_plans(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        sequence smallint NOT NULL,
        months_after_start smallint NOT NULL CHECK (months_after_start BETWEEN 0 AND 24),
        due_date date NOT NULL,
        agency_code text NOT NULL REFERENCES agencies(code),
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'due', 'done')),
        outcome text CHECK (outcome IN ('stable', 'needs_support', 'not_reached')),
        notes_enc text,
        new_needs_enc text,
        task_id uuid REFERENCES tasks(id),
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz,
        CONSTRAINT follow_up_checkins_recorded CHECK ((status = 'done') = (outcome IS NOT NULL)),
        UNIQUE (plan_id, sequence)
      )`);
    await q.query(`COMMENT ON TABLE follow_up_checkins IS 'Check-ins of a follow-up plan; each falls due as a follow_up_checkin task for its agency; notes encrypted'`);
    await q.query(`CREATE INDEX follow_up_checkins_case_idx ON follow_up_checkins (case_id, sequence)`);
    await q.query(`CREATE INDEX follow_up_checkins_agency_idx ON follow_up_checkins (agency_code, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE follow_up_checkins`);
    await q.query(`DROP TABLE follow_up_plans`);
  }
}
