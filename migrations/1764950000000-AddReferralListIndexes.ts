import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /referrals (the shelter board and a focal point's referrals) reads the referrals addressed to one
 * shelter, or to one agency for a service, pending first and then newest. These indexes hold exactly that
 * order, so a page is a range scan whatever the number of referrals in the country.
 */
export class AddReferralListIndexes1764950000000 implements MigrationInterface {
  name = 'AddReferralListIndexes1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX referrals_shelter_list_idx ON referrals (shelter_id, (status <> 'pending'), created_at DESC, id DESC)
      WHERE shelter_id IS NOT NULL`);
    await q.query(`COMMENT ON INDEX referrals_shelter_list_idx IS 'GET /referrals for shelter staff: a shelter''s referrals, pending first, newest first'`);
    await q.query(`CREATE INDEX referrals_agency_list_idx ON referrals (agency_code, (status <> 'pending'), created_at DESC, id DESC)
      WHERE shelter_id IS NULL`);
    await q.query(`COMMENT ON INDEX referrals_agency_list_idx IS 'GET /referrals for focal points: an agency''s service referrals, pending first, newest first'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX referrals_agency_list_idx`);
    await q.query(`DROP INDEX referrals_shelter_list_idx`);
  }
}
