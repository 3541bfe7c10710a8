import { NestFactory } from '@nestjs/core';
import { validateRutaConfig } from '@ruta/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  validateRutaConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}

main().catch((err: Error) => {
  process.stderr.write(`Ruta worker could not start: ${err.message}\n`);
  process.exit(1);
});
