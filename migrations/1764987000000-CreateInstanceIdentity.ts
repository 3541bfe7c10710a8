import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

/**
 * The identity of this Ruta database: a random UUID made once, here. Redis keys are tied to it (the
 * default prefix is derived from it and a prefix is claimed for it), so that two installations sharing a
 * Redis never take each other's timer jobs (PRODUCT.md section 14).
 */
export class CreateInstanceIdentity1764987000000 implements MigrationInterface {
  name = 'CreateInstanceIdentity1764987000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ruta_instance (
        id smallint PRIMARY KEY CHECK (id = 1),
        identity uuid NOT NULL DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON TABLE ruta_instance IS 'One row: the identity this database claims its Redis key prefix with'`);
    await q.query(`INSERT INTO ruta_instance (id) VALUES (1)`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ruta_instance FROM ${appRole()}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ruta_instance`);
  }
}
