import { appConfig, validateRutaConfig } from '@ruta/core';
import { prepareDatabase } from './prepare-database';

/** Migrations and reference data as the schema owner, then exit (docker compose's `migrate` service). */
async function main(): Promise<void> {
  validateRutaConfig();
  await prepareDatabase({ demo: appConfig().demo });
  process.stdout.write('Ruta database is up to date\n');
}

main().catch((err: Error) => {
  process.stderr.write(`Ruta migration failed: ${err.message}\n`);
  process.exit(1);
});
