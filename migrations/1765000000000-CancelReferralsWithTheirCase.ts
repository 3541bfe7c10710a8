import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a referral was cancelled, as a code (PRODUCT.md section 4): `case_closed` when the case's closure cancelled
 * it before it was accepted. A cancellation by a person keeps its free text, encrypted, in response_reason_enc.
 */
export class CancelReferralsWithTheirCase1765000000000 implements MigrationInterface {
  name = 'CancelReferralsWithTheirCase1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referrals ADD COLUMN cancel_reason_code text CHECK (cancel_reason_code IN ('case_closed'))`);
    await q.query(`ALTER TABLE referrals ADD CONSTRAINT referrals_cancel_reason_when_cancelled CHECK (cancel_reason_code IS NULL OR status = 'cancelled')`);
    await q.query(`COMMENT ON COLUMN referrals.cancel_reason_code IS 'Why the referral was cancelled, as a code: case_closed when the case closed before it was accepted'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referrals DROP COLUMN cancel_reason_code`);
  }
}
