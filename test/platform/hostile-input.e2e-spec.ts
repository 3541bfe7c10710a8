import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { bootApp, freshDatabase, TestApp } from '../support/app';
import { ownerClient } from '../support/database';
import { databaseNames, fingerprint, settledFingerprint } from '../support/db-fingerprint';
import { listRouteDeclarations } from '../support/routes';

// The demo user who passes each role's access check (PRODUCT.md section 13, demo users).
const USER_OF_ROLE: Record<string, string> = {
  admin: 'admin', auditor: 'auditor', committee_member: 'committee.mdi', immigration_officer: 'officer.rumichaca',
  service_focal_point: 'focal.mies', shelter_staff: 'staff.casalinda', visa_officer: 'visa.mremh',
};

function nested(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

interface Attack {
  name: string;
  send: (req: ReturnType<ReturnType<TestApp['http']>['post']>) => ReturnType<ReturnType<TestApp['http']>['post']>;
  query?: string;
  bodyOnly?: boolean;
}

const ATTACKS: Attack[] = [
  { name: 'NUL in a body string', send: (r) => r.send({ name: 'a\u0000b', reason: 'x\u0000', nested: { text: 'ok', deep: ['\u0000'] } }) },
  { name: 'NUL in the query string', query: '?q=a%00b&limit=1', send: (r) => r },
  { name: 'text/plain body', send: (r) => r.set('Content-Type', 'text/plain').send('name=x') },
  { name: 'form-urlencoded body', send: (r) => r.type('form').send('name=x&reason=y') },
  { name: 'empty body', bodyOnly: true, send: (r) => r },
  { name: 'a body over 1 MB', send: (r) => r.set('Content-Type', 'application/json').send(JSON.stringify({ reason: 'x'.repeat(1_100_000) })) },
  { name: '5,000-level nesting', send: (r) => r.set('Content-Type', 'application/json').send(nested(5000)) },
  { name: '33-level nesting', send: (r) => r.set('Content-Type', 'application/json').send(nested(33)) },
  { name: 'a compressed body that does not inflate', send: (r) => r.set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"not":"gzip"}') },
];

/**
 * Acceptance of issue 9: every route of the route list, signed in as a role its access check lets
 * through, answers hostile input with a 4xx problem (never 5xx), carries the server's request id,
 * names no database object, and writes nothing (PRODUCT.md section 13).
 */
describe('Hostile input on every route (PRODUCT.md section 13)', () => {
  let t: TestApp;
  let owner: Client;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const env = await freshDatabase('hostile');
    t = await bootApp(env);
    owner = await ownerClient(env.DATABASE_URL);
    for (const [role, user] of Object.entries(USER_OF_ROLE)) tokens[role] = await t.login(user);
  });
  afterAll(async () => {
    await owner?.end();
    await t?.close();
  });

  it('answers every route with a 4xx problem, never 5xx, and writes nothing', async () => {
    const routes = listRouteDeclarations(t.app);
    expect(routes.length).toBeGreaterThan(60);
    const dbNames = await databaseNames(owner);
    expect(dbNames).toContain('cases_border_point_fkey');
    const before = await settledFingerprint(owner);
    const failures: string[] = [];
    let sent = 0;
    for (const { route, access } of routes) {
      const [method, template] = route.split(' ');
      const path = template.replace(/:id\b/g, randomUUID()).replace(/:code\b/g, 'MDI');
      const role = access.startsWith('roles: ') ? access.slice(7).split(', ')[0] : access === 'public' ? null : 'admin';
      for (const attack of ATTACKS) {
        // A GET takes no body, and signing out takes an optional one: for them no body is the normal request.
        if (attack.bodyOnly && (method === 'GET' || route === 'POST /api/v1/auth/logout')) continue;
        let req = t.http()[method.toLowerCase() as 'post'](path + (attack.query ?? ''))
          .set('X-Request-Id', 'client-chosen-id-0001');
        if (role) req = req.set('Authorization', `Bearer ${tokens[role]}`);
        let res: Response;
        try {
          res = await attack.send(req);
        } catch (err) {
          failures.push(`${route} (${attack.name}): no answer: ${(err as Error).message}`);
          continue;
        }
        sent += 1;
        const label = `${route} as ${role ?? 'anyone'} (${attack.name}) -> ${res.status} ${res.text.slice(0, 160)}`;
        if (res.status < 400 || res.status >= 500) failures.push(label);
        else if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) failures.push(`${label}: not a problem`);
        else if (res.body.requestId !== res.headers['x-request-id'] || res.headers['x-request-id'] === 'client-chosen-id-0001') failures.push(`${label}: request id`);
        else if (dbNames.some((n) => res.text.includes(n)) || /stack|\bat \S+ \(/.test(res.text)) failures.push(`${label}: leaks database names or a stack`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * 6);
    expect(await fingerprint(owner)).toEqual(before);
  });
});
