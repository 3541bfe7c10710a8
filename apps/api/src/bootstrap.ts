import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { appConfig, buildOpenApiDocument, configureHttp, databaseConfig, serveOpenApi, validateRutaConfig } from '@ruta/core';
import { AppModule } from './app.module';
import { prepareDatabase } from './prepare-database';
import { auditRefusals } from './refusal-recorder';

/** Builds the API exactly as it runs, for main.ts and for the end-to-end tests. */
export async function createApiApp(): Promise<NestExpressApplication> {
  validateRutaConfig();
  const app = appConfig();
  if (databaseConfig().runMigrations) await prepareDatabase({ demo: app.demo });
  const nest = await NestFactory.create<NestExpressApplication>(AppModule.register({ inlineWorker: app.inlineWorker }), {
    bodyParser: false,
    bufferLogs: true,
    // A failed start-up (a Redis prefix claimed by another database) reaches the caller with its message.
    abortOnError: false,
  });
  configureHttp(nest, { trustProxy: app.trustProxy, onRefusal: auditRefusals(nest), webDistDir: app.webDistDir });
  serveOpenApi(nest, () => buildOpenApiDocument(nest));
  return nest;
}
