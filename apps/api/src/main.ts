import { existsSync } from 'node:fs';
import path from 'node:path';
import { appConfig, authConfig } from '@ruta/core';
import { DEMO_USERS } from '../../../seeds';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const app = await createApiApp();
  const config = appConfig();
  await app.listen(config.port, process.env.HOST ?? '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const web = existsSync(path.join(config.webDistDir, 'index.html'));
  const lines = [
    '',
    `Ruta is running at ${url}`,
    web ? `  Web app:  ${url}/` : `  Web app:  not built (npm run build); ${url}/ points to the API`,
    `  API:      ${url}/api/v1   (health: ${url}/api/v1/health)`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.demo) {
    lines.push(`  Demo logins (password "${authConfig().demoPassword}"):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.username.padEnd(20)} ${u.roles.join(', ')} — ${u.agency}${u.unit ? ` / ${u.unit}` : ''}${u.shelter ? ` / ${u.shelter}` : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`Ruta could not start: ${err.message}\n`);
  process.exit(1);
});
