import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

/**
 * No session of the application role waits forever (PRODUCT.md section 14): a statement runs at most
 * 10 s and a transaction left idle is ended after 15 s, whatever client opens it. The application sets
 * the same limits on its own connections (DATABASE_STATEMENT_TIMEOUT_MS and
 * DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS); these are the floor for anything else that signs in as it.
 * Set per database, so that two installations on one server keep their own.
 */
export class SetAppRoleTimeouts1764700000000 implements MigrationInterface {
  name = 'SetAppRoleTimeouts1764700000000';

  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`DO $$ BEGIN
      EXECUTE format('ALTER ROLE ${role} IN DATABASE %I SET statement_timeout = %L', current_database(), '10s');
      EXECUTE format('ALTER ROLE ${role} IN DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '15s');
    END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`DO $$ BEGIN
      EXECUTE format('ALTER ROLE ${role} IN DATABASE %I RESET statement_timeout', current_database());
      EXECUTE format('ALTER ROLE ${role} IN DATABASE %I RESET idle_in_transaction_session_timeout', current_database());
    END $$`);
  }
}
