import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddVisaDecisionTask1764500000000 implements MigrationInterface {
  name = 'AddVisaDecisionTask1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE visa_requests ADD COLUMN decision_task_id uuid REFERENCES tasks(id), ADD COLUMN withdrawn_by uuid REFERENCES users(id),
      ADD CONSTRAINT visa_requests_granted_complete CHECK (status <> 'granted' OR (visa_number_enc IS NOT NULL AND issued_on IS NOT NULL AND expires_on IS NOT NULL)),
      ADD CONSTRAINT visa_requests_dates CHECK (expires_on IS NULL OR issued_on IS NULL OR expires_on > issued_on)`);
    await q.query(`COMMENT ON COLUMN visa_requests.decision_task_id IS 'The visa_decision task in MREMH''s queue, claimed with the request and completed by the decision'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE visa_requests DROP CONSTRAINT visa_requests_dates, DROP CONSTRAINT visa_requests_granted_complete,
      DROP COLUMN withdrawn_by, DROP COLUMN decision_task_id`);
  }
}
