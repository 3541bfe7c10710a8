import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { copyTemplate, withDatabase } from './database';
import { committedContract, CONTRACT_FILE, responseContractMiddleware } from './response-contract';
import { readRun, readTemplateRun, workerId } from './test-env';

export const DEMO_PASSWORD = 'Ruta-Demo-2026';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  login: (username: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
  env: Record<string, string>;
}

/** Points process.env at this run (plus overrides); config namespaces read it when the app is built. */
export function applyEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const env = { ...readRun().env, ...overrides };
  Object.assign(process.env, env);
  return env;
}

/** A database (and Redis prefix) of its own for a suite that must not share state (tampering with the audit log). */
export async function freshDatabase(suffix: string): Promise<Record<string, string>> {
  const run = readRun();
  const name = `${run.database}_${suffix}`;
  // A copy of the run's template: the same migrations and seeds, without running them again.
  await copyTemplate(run.adminUrl, readTemplateRun().database, name);
  // Its own Redis prefix too: a prefix is claimed by one database (RedisNamespace). Under the run's prefix,
  // so that the global teardown deletes its keys.
  return { DATABASE_URL: withDatabase(run.adminUrl, name), REDIS_PREFIX: `${run.env.REDIS_PREFIX}-${suffix}` };
}

/** Boots the API exactly as main.ts does, against this run's database and Redis. */
export async function bootApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const env = applyEnv(overrides);
  const app = await createApiApp();
  installResponseContract(app);
  await app.init();
  const server = app.getHttpServer();
  const http = () => request(server);
  // A password an admin set is a one-time password (PRODUCT.md section 2): on the first sign-in the
  // helper replaces it with a derived one, which later calls with the same arguments then use.
  const replaced = new Map<string, string>();
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const key = `${username}\n${password}`;
    let res = await http().post('/api/v1/auth/login').send({ username, password: replaced.get(key) ?? password });
    if (res.status === 200 && res.body.passwordChangeRequired) {
      const chosen = `${password}.chosen`;
      res = await http().post('/api/v1/auth/password').send({ passwordChangeToken: res.body.passwordChangeToken, newPassword: chosen });
      if (res.status === 200) replaced.set(key, chosen);
    }
    if (res.status !== 200) throw new Error(`login ${username} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  return { app, http, login, env, close: () => app.close() };
}

/**
 * Every answer of every suite is checked against openapi.json (test/support/response-contract.ts). The
 * middleware goes first in Express's stack, so that refusals of the body parser are checked too.
 */
function installResponseContract(app: NestExpressApplication): void {
  const middleware = responseContractMiddleware(committedContract(), CONTRACT_FILE(readRun().id, workerId()));
  app.use(middleware);
  const stack = (app.getHttpAdapter().getInstance() as { router: { stack: { handle: unknown }[] } }).router.stack;
  const index = stack.findIndex((layer) => layer.handle === middleware);
  if (index < 0) throw new Error('response contract middleware not installed');
  stack.unshift(...stack.splice(index, 1));
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15000, stepMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
