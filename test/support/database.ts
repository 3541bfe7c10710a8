import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { seedDemoUsers, seedReferenceData } from '../../seeds';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

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
