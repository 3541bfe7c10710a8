import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMinorConsentDetails1764400000000 implements MigrationInterface {
  name = 'AddMinorConsentDetails1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_consents ADD COLUMN child_view_enc text, ADD COLUMN guardian_enc text`);
    await q.query(`COMMENT ON COLUMN case_consents.child_view_enc IS 'A minor''s consent is recorded from the child''s view (encrypted)'`);
    await q.query(`COMMENT ON COLUMN case_consents.guardian_enc IS 'The guardian, if any: name and relationship (encrypted JSON)'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_consents DROP COLUMN guardian_enc, DROP COLUMN child_view_enc`);
  }
}
