import { authConfig, databaseConfig } from '@ruta/core';
import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations';
import { seedDemoUsers, seedReferenceData } from '../../../seeds';

/**
 * Runs the migrations and the reference seed as the schema owner, and the demo users in demo mode.
 * The application itself then connects as the least-privileged role.
 */
export async function prepareDatabase(options: { demo: boolean }): Promise<void> {
  const db = databaseConfig();
  const owner = new DataSource({ type: 'postgres', url: db.ownerUrl, migrations, migrationsTransactionMode: 'each', applicationName: 'ruta-migrate' });
  await owner.initialize();
  try {
    await owner.runMigrations();
    await seedReferenceData(owner);
    if (options.demo) {
      const auth = authConfig();
      await seedDemoUsers(owner, auth.demoPassword, auth.argon2);
    }
  } finally {
    await owner.destroy();
  }
}
