import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { seedDemoUsers, seedReferenceData } from '../../seeds';
import { withDatabase } from './test-env';

export { withDatabase } from './test-env';

export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * A copy of the run's migrated and seeded template (`CREATE DATABASE … TEMPLATE`, tens of milliseconds
 * instead of seconds of migrations), with an identity of its own (ruta_instance) as a new installation has.
 * Answers false when it exists already (another suite of the same worker made it).
 */
export async function copyTemplate(adminUrl: string, template: string, name: string): Promise<boolean> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    // Settings of a role in a database (the application role's time limits, set by a migration) live in a
    // catalog of the cluster, not in the database: a copy does not bring them along.
    const { rows } = await admin.query<{ role: string; setting: string }>(
      `SELECT r.rolname AS role, unnest(s.setconfig) AS setting FROM pg_db_role_setting s
         JOIN pg_roles r ON r.oid = s.setrole JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = $1`, [template]);
    for (const { role, setting } of rows) {
      const [key, ...value] = setting.split('=');
      await admin.query(`ALTER ROLE "${role}" IN DATABASE "${name}" SET ${key} = '${value.join('=').replace(/'/g, "''")}'`);
    }
  } catch (err) {
    if ((err as { code?: string }).code === '42P04') return false; // duplicate_database
    throw err;
  } finally {
    await admin.end();
  }
  const copy = new Client({ connectionString: withDatabase(adminUrl, name) });
  await copy.connect();
  try {
    await copy.query(`UPDATE ruta_instance SET identity = gen_random_uuid() WHERE id = 1`);
  } finally {
    await copy.end();
  }
  return true;
}

/** Migrations and seeds as the owner, exactly as start-up runs them (argon2 kept light for tests). */
export async function migrateAndSeed(ownerUrl: string, demoPassword = 'Ruta-Demo-2026'): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url: ownerUrl, migrations, migrationsTransactionMode: 'each' });
  await ds.initialize();
  try {
    await ds.runMigrations();
    await seedReferenceData(ds);
    await seedDemoUsers(ds, demoPassword, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  } finally {
    await ds.destroy();
  }
}

/** A connection as the owner role, for tests that play the part of someone with database access. */
export async function ownerClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}
