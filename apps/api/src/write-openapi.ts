import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { buildOpenApiDocument, configureHttp } from '@ruta/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';

/**
 * Writes openapi.json from the application's routes without connecting to anything (preview mode).
 * The contract changes only on purpose: a test compares the served document with this file.
 */
async function main(): Promise<void> {
  const placeholders: Record<string, string> = {
    DATABASE_URL: 'postgresql://openapi@127.0.0.1:1/openapi',
    JWT_SECRET: 'openapi-generation-placeholder-secret-000',
    AUDIT_HMAC_KEY: 'openapi-generation-placeholder-secret-000',
    LOG_LEVEL: 'silent',
    DATA_ENCRYPTION_KEYS: `openapi:${Buffer.alloc(32).toString('base64')}`,
    DATA_HASH_KEY: 'openapi-generation-placeholder-secret-000',
  };
  for (const [k, v] of Object.entries(placeholders)) process.env[k] ??= v;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ inlineWorker: false }), {
    preview: true, bodyParser: false, bufferLogs: true, abortOnError: false,
  });
  configureHttp(app, { trustProxy: false });
  const document = buildOpenApiDocument(app);
  const target = join(process.cwd(), 'openapi.json');
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`wrote ${target} (${Object.keys(document.paths).length} paths)\n`);
  await app.close();
}

void main();
