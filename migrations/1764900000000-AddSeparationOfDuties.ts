import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Separation of duties (PRODUCT.md section 2): agencies carry a protection mandate (only those can lead
 * a case); admin is never combined with another role; a password an admin sets is a one-time password,
 * remembered with who set it and when so that the user's next sign-in can say so.
 */
export class AddSeparationOfDuties1764900000000 implements MigrationInterface {
  name = 'AddSeparationOfDuties1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies ADD COLUMN protection_mandate boolean NOT NULL DEFAULT false`);
    await q.query(`COMMENT ON COLUMN agencies.protection_mandate IS 'The agency has a protection mandate and may lead a case (set by an admin)'`);
    await q.query(`UPDATE agencies SET protection_mandate = true
      WHERE code IN ('MDI', 'MIES', 'SDH', 'MSP', 'MINEDUC', 'MDT', 'FGE', 'DPE', 'MREMH', 'FAC')`);

    await q.query(`ALTER TABLE users
      ADD COLUMN password_change_required boolean NOT NULL DEFAULT false,
      ADD COLUMN password_reset_by uuid REFERENCES users(id),
      ADD COLUMN password_reset_at timestamptz,
      ADD CONSTRAINT users_admin_exclusive CHECK (NOT ('admin' = ANY (roles)) OR cardinality(roles) = 1),
      ADD CONSTRAINT users_password_reset_known CHECK (NOT password_change_required
        OR (password_reset_by IS NOT NULL AND password_reset_at IS NOT NULL))`);
    await q.query(`COMMENT ON COLUMN users.password_change_required IS 'The password was set by an admin: the user must choose a new one at the next sign-in'`);
    await q.query(`COMMENT ON COLUMN users.password_reset_by IS 'The admin who last set this user''s password'`);
    await q.query(`COMMENT ON COLUMN users.password_reset_at IS 'When an admin last set this user''s password'`);

    await q.query(`ALTER TABLE sessions DROP CONSTRAINT sessions_revoked_reason_check`);
    await q.query(`ALTER TABLE sessions ADD CONSTRAINT sessions_revoked_reason_check
      CHECK (revoked_reason IN ('logout', 'user_disabled', 'refresh_reuse', 'expired', 'password_reset', 'account_changed'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE sessions SET revoked_reason = 'logout' WHERE revoked_reason IN ('password_reset', 'account_changed')`);
    await q.query(`ALTER TABLE sessions DROP CONSTRAINT sessions_revoked_reason_check`);
    await q.query(`ALTER TABLE sessions ADD CONSTRAINT sessions_revoked_reason_check
      CHECK (revoked_reason IN ('logout', 'user_disabled', 'refresh_reuse', 'expired'))`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_password_reset_known, DROP CONSTRAINT users_admin_exclusive,
      DROP COLUMN password_reset_at, DROP COLUMN password_reset_by, DROP COLUMN password_change_required`);
    await q.query(`ALTER TABLE agencies DROP COLUMN protection_mandate`);
  }
}
