import { MigrationInterface, QueryRunner } from 'typeorm';

const TASK_TYPES = ['complete_screening', 'child_protection_immediate', 'case_review', 'possible_duplicate',
  'referral_response', 'find_alternative', 'complaint_acknowledgement', 'care_plan_review', 'visa_decision',
  'visa_expiry', 'follow_up_checkin', 'follow_up_close', 'closure_approval', 'escalation'];

export class CreateTasksTimersOutbox1764000004000 implements MigrationInterface {
  name = 'CreateTasksTimersOutbox1764000004000';

  async up(q: QueryRunner): Promise<void> {
    const types = TASK_TYPES.map((t) => `'${t}'`).join(', ');
    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN (${types})),
        case_id uuid,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'claimed', 'done', 'cancelled')),
        priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent', 'high', 'normal')),
        due_at timestamptz NOT NULL,
        escalated boolean NOT NULL DEFAULT false,
        escalated_at timestamptz,
        addressee_role text NOT NULL CHECK (addressee_role IN ('immigration_officer', 'committee_member',
          'shelter_staff', 'service_focal_point', 'visa_officer', 'auditor', 'admin')),
        addressee_agency text REFERENCES agencies(code),
        addressee_shelter_id uuid REFERENCES shelters(id),
        claimed_by uuid REFERENCES users(id),
        claimed_at timestamptz,
        completed_by uuid REFERENCES users(id),
        completed_at timestamptz,
        parent_task_id uuid REFERENCES tasks(id),
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tasks_claim_consistent CHECK ((status = 'claimed') = (claimed_by IS NOT NULL)),
        CONSTRAINT tasks_shelter_addressee CHECK ((addressee_role = 'shelter_staff') = (addressee_shelter_id IS NOT NULL))
      )`);
    await q.query(`COMMENT ON TABLE tasks IS 'The shared, role-based task queue across ministries; details holds no personal data'`);
    await q.query(`COMMENT ON COLUMN tasks.case_id IS 'The case the task is about (foreign key added with the case table)'`);
    await q.query(`CREATE INDEX tasks_inbox_idx ON tasks (addressee_role, addressee_agency, due_at) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_claimed_idx ON tasks (claimed_by) WHERE status = 'claimed'`);
    await q.query(`CREATE INDEX tasks_case_idx ON tasks (case_id) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX tasks_one_escalation_idx ON tasks (parent_task_id) WHERE type = 'escalation'`);

    await q.query(`
      CREATE TABLE timers (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{1,60}$'),
        subject_id text NOT NULL,
        fire_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'fired', 'cancelled')),
        fired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON TABLE timers IS 'Source of truth for every timer; BullMQ delayed jobs mirror the scheduled rows and a reconciler restores them'`);
    await q.query(`CREATE INDEX timers_scheduled_idx ON timers (fire_at) WHERE status = 'scheduled'`);

    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`COMMENT ON TABLE outbox IS 'Transactional outbox: messages written with the change, relayed to BullMQ by the worker'`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE relayed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE timers`);
    await q.query(`DROP TABLE tasks`);
  }
}
