import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

export class CreateAuditLog1764000003000 implements MigrationInterface {
  name = 'CreateAuditLog1764000003000';

  async up(q: QueryRunner): Promise<void> {
    const role = appRole();
    await q.query(`
      CREATE TABLE audit_entries (
        id bigserial PRIMARY KEY,
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_username text,
        actor_roles text[] NOT NULL DEFAULT '{}',
        actor_agency text,
        action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]{1,80}$'),
        outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
        subject_type text,
        subject_id text,
        case_id uuid,
        request_id text,
        client_address text,
        changed_fields text[] NOT NULL DEFAULT '{}',
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`COMMENT ON TABLE audit_entries IS 'Append-only audit log, written in the transaction of what it records; never personal data values'`);
    await q.query(`COMMENT ON COLUMN audit_entries.tx_id IS 'Writing transaction: the sealer seals entries once every older transaction has finished'`);
    await q.query(`CREATE INDEX audit_entries_tx_idx ON audit_entries (tx_id)`);
    await q.query(`CREATE INDEX audit_entries_actor_idx ON audit_entries (actor_id, id)`);
    await q.query(`CREATE INDEX audit_entries_case_idx ON audit_entries (case_id, id) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_entries_agency_idx ON audit_entries (actor_agency, id)`);
    await q.query(`CREATE INDEX audit_entries_action_idx ON audit_entries (action, id)`);
    await q.query(`CREATE INDEX audit_entries_time_idx ON audit_entries (occurred_at)`);

    await q.query(`
      CREATE TABLE audit_seals (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        entry_id bigint NOT NULL UNIQUE,
        hash text NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`COMMENT ON TABLE audit_seals IS 'HMAC chain over audit entries in sealing order; the key lives outside the database'`);

    await q.query(`
      CREATE TABLE audit_seal_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        last_seq bigint NOT NULL DEFAULT 0,
        last_hash text NOT NULL DEFAULT '',
        last_xmin xid8 NOT NULL DEFAULT '0'::xid8
      )`);
    await q.query(`COMMENT ON TABLE audit_seal_state IS 'Where the single sealer stands; a cursor, not evidence (verification reads the seals)'`);
    await q.query(`INSERT INTO audit_seal_state (id) VALUES (1)`);

    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries, audit_seals FROM ${role}`);
    await q.query(`REVOKE DELETE, TRUNCATE ON audit_seal_state FROM ${role}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_seal_state`);
    await q.query(`DROP TABLE audit_seals`);
    await q.query(`DROP TABLE audit_entries`);
  }
}
