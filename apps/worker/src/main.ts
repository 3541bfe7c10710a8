import { NestFactory } from '@nestjs/core';
import { RedisNamespace, validateRutaConfig } from '@ruta/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  validateRutaConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  process.stdout.write(`Ruta worker is running (Redis prefix "${app.get(RedisNamespace).prefix}")\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`Ruta worker could not start: ${err.message}\n`);
  process.exit(1);
});
