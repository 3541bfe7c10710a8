import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { bootApp, freshDatabase, TestApp } from '../support/app';
import { ownerClient } from '../support/database';
import { databaseNames, fingerprint, settledFingerprint } from '../support/db-fingerprint';
import { listRouteDeclarations } from '../support/routes';
import { intake } from '../identification/fixtures';
import { Protocol } from '../referral/protocol';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** Issue 9, findings 3, 4 (request id), 5 and 6: the request contract of PRODUCT.md section 13. */
describe('Request contract (PRODUCT.md section 13)', () => {
  let t: TestApp;
  let p: Protocol;
  let owner: Client;
  let dbNames: string[];
  const as = (user: string) => p.as(user);

  beforeAll(async () => {
    const env = await freshDatabase('contract');
    t = await bootApp(env);
    owner = await ownerClient(env.DATABASE_URL);
    dbNames = await databaseNames(owner);
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'officer.quito', 'committee.mdi', 'committee.mies', 'committee.sdh', 'admin', 'auditor');
  });
  afterAll(async () => {
    await owner?.end();
    await t?.close();
  });

  /** Runs the requests and asserts that no row of any table changed (the audit log and sessions aside). */
  async function writesNothing(run: () => Promise<void>): Promise<void> {
    const before = await settledFingerprint(owner);
    await run();
    expect(await fingerprint(owner)).toEqual(before);
  }

  function expectProblem(res: { status: number; headers: Record<string, string>; body: Record<string, unknown>; text: string }, status: number, code?: string) {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code: code ?? res.body.code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(dbNames.filter((n) => res.text.includes(n))).toEqual([]);
  }

  describe('finding 3: client input never causes a 500', () => {
    it('refuses a NUL in the sign-in username with 400 before any credential check, without signing in', async () => {
      await writesNothing(async () => {
        const res = await t.http().post('/api/v1/auth/login').send({ username: 'admin\u0000', password: 'Ruta-Demo-2026' });
        expectProblem(res, 400, 'nul_character');
      });
    });

    it('refuses a NUL in identification.canton and in names on POST /shelters, /users and /agencies', async () => {
      await writesNothing(async () => {
        const body = intake();
        body.identification.canton = 'Tulc\u0000án';
        expectProblem(await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(body), 400, 'nul_character');
        expectProblem(await t.http().post('/api/v1/shelters').set(as('admin'))
          .send({ code: 'nul_shelter', name: 'Casa\u0000', operator: 'MIES', capacity: 3, eligibility: {} }), 400, 'nul_character');
        expectProblem(await t.http().post('/api/v1/users').set(as('admin'))
          .send({ username: 'nul.user', displayName: 'Ana\u0000', password: 'Una-Clave-Larga-2026', agency: 'MIES', roles: ['service_focal_point'] }), 400, 'nul_character');
        expectProblem(await t.http().post('/api/v1/agencies').set(as('admin'))
          .send({ code: 'NUL', name: { es: 'Nul\u0000', en: 'Nul' }, kind: 'ministry' }), 400, 'nul_character');
      });
    });

    it('refuses a NUL in a query string or a path parameter', async () => {
      await writesNothing(async () => {
        expectProblem(await t.http().get('/api/v1/cases?q=RUTA%00').set(as('committee.mdi')), 400, 'nul_character');
        expectProblem(await t.http().get('/api/v1/audit?actor=admin%00').set(as('auditor')), 400, 'nul_character');
        expectProblem(await t.http().patch('/api/v1/agencies/MD%00I').set(as('admin')).send({ name: { es: 'X' } }), 400, 'nul_character');
      });
    });

    it('answers POST /cases in text/plain, form-urlencoded or XML with 415, and an empty one with 400', async () => {
      await writesNothing(async () => {
        const officer = as('officer.rumichaca');
        expectProblem(await t.http().post('/api/v1/cases').set(officer).set('Content-Type', 'text/plain').send(JSON.stringify(intake())), 415, 'unsupported_media_type');
        expectProblem(await t.http().post('/api/v1/cases').set(officer).type('form').send('victim=x'), 415, 'unsupported_media_type');
        expectProblem(await t.http().post('/api/v1/cases').set(officer).set('Content-Type', 'application/xml').send('<victim/>'), 415, 'unsupported_media_type');
        expectProblem(await t.http().post('/api/v1/cases').set(officer), 400, 'body_required');
        const empty = await t.http().post('/api/v1/cases').set(officer).send({});
        expectProblem(empty, 400, 'validation_failed');
        expect(empty.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['victim', 'identification', 'consent', 'screening']));
        expectProblem(await t.http().post('/api/v1/cases/duplicates-check').set(officer).set('Content-Type', 'text/plain').send('{"victim":{}}'), 415, 'unsupported_media_type');
        expectProblem(await t.http().post('/api/v1/cases').set(officer).attach('file', Buffer.from('%PDF-1.4'), 'a.pdf'), 415, 'unsupported_media_type');
      });
    });

    it('refuses a compressed body (Content-Encoding gzip, br, deflate) with 415, even a broken one and without signing in', async () => {
      await writesNothing(async () => {
        const gzipped = gzipSync(JSON.stringify(intake()));
        expectProblem(await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).set('Content-Type', 'application/json')
          .set('Content-Encoding', 'gzip').send(gzipped), 415, 'unsupported_media_type');
        for (const encoding of ['gzip', 'br', 'deflate']) {
          expectProblem(await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').set('Content-Encoding', encoding).send('{}'),
            415, 'unsupported_media_type');
        }
      });
    });

    it('refuses JSON nested deeper than 32 levels (5,000 included) with 400, and a body over 1 MB with 413', async () => {
      await writesNothing(async () => {
        const officer = as('officer.rumichaca');
        expectProblem(await t.http().post('/api/v1/cases').set(officer).set('Content-Type', 'application/json').send(nested(5000)), 400, 'nesting_too_deep');
        expectProblem(await t.http().post('/api/v1/cases').set(officer).set('Content-Type', 'application/json').send(nested(33)), 400, 'nesting_too_deep');
        // 32 levels is within the limit: the body is then refused by the intake's own rules, not by its depth.
        expectProblem(await t.http().post('/api/v1/cases').set(officer).set('Content-Type', 'application/json').send(nested(32)), 400, 'validation_failed');
        expectProblem(await t.http().post('/api/v1/cases').set(officer).send({ ...intake(), pad: 'x'.repeat(1_100_000) }), 413, 'payload_too_large');
      });
    });
  });

  describe('finding 5: a route that takes no body refuses one with fields', () => {
    it('POST /cases/:id/reviews refuses {decision, status} and opens nothing; without a body it opens the review', async () => {
      const created = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(intake()).expect(201);
      expect(created.body.status).toBe('identified');
      await writesNothing(async () => {
        const res = await t.http().post(`/api/v1/cases/${created.body.id}/reviews`).set(as('committee.mdi')).send({ decision: 'recognize', status: 'decided' });
        expectProblem(res, 400, 'body_not_allowed');
        expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['decision', 'status']);
      });
      const opened = await t.http().post(`/api/v1/cases/${created.body.id}/reviews`).set(as('committee.mdi')).send({}).expect(201);
      expect(opened.body).toMatchObject({ status: 'open', decision: null });
    });

    it('POST /cases/:id/visa-requests refuses a fee (section 8: free of charge) and files nothing', async () => {
      const { caseId, reviewId } = await p.underReview('adult_woman');
      await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [], requestVisa: false } }).expect(200);
      await writesNothing(async () => {
        const res = await t.http().post(`/api/v1/cases/${caseId}/visa-requests`).set(as('committee.mdi')).send({ fee: { amount: 250, waived: false } });
        expectProblem(res, 400, 'body_not_allowed');
      });
      const filed = await t.http().post(`/api/v1/cases/${caseId}/visa-requests`).set(as('committee.mdi')).expect(201);
      expect(filed.body.fee).toEqual({ amount: 0, waived: true });
    });

    it('no POST, PATCH or PUT route accepts an unknown field', async () => {
      const roleUser: Record<string, string> = { admin: 'admin', auditor: 'auditor', committee_member: 'committee.mdi', immigration_officer: 'officer.rumichaca' };
      const shelterId = await p.shelterId('casa_linda');
      const failures: string[] = [];
      await writesNothing(async () => {
        for (const { route, access } of listRouteDeclarations(t.app)) {
          const [method, template] = route.split(' ');
          if (method === 'GET') continue;
          const roles = access.startsWith('roles: ') ? access.slice(7).split(', ') : [];
          const role = roles.find((r) => roleUser[r]) ?? (access === 'public' ? null : 'admin');
          if (roles.length > 0 && !roles.some((r) => roleUser[r])) continue; // roles without a signed-in user here are walked in hostile-input
          const path = template.replace(/:id\b/g, shelterId).replace(/:code\b/g, 'MDI');
          // The sign-in route reads its credentials through passport: give it some, so that only the field is wrong.
          const body = route.endsWith('/auth/login') ? { username: 'admin', password: 'x', unexpectedField: 1 } : { unexpectedField: 1 };
          let req = t.http()[method.toLowerCase() as 'post'](path);
          if (role) req = req.set(as(roleUser[role]));
          const res = await req.send(body);
          if (res.status !== 400) failures.push(`${route} -> ${res.status} ${res.text.slice(0, 120)}`);
        }
      });
      expect(failures).toEqual([]);
    });
  });

  describe('finding 6: error bodies never name database objects', () => {
    it('answers an unknown border point with 422 naming identification.borderPoint, not the constraint', async () => {
      await writesNothing(async () => {
        const body = intake();
        body.identification.borderPoint = 'nowhere_point';
        const res = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(body);
        expectProblem(res, 422, 'reference_not_found');
        expect(res.body.errors).toEqual([{ path: 'identification.borderPoint', message: expect.any(String) }]);
        expect(res.body).not.toHaveProperty('constraint');
        expect(res.text).not.toMatch(/_fkey|_pkey|_key\b|border_point/);
      });
    });

    it('names the request field of a duplicate or a missing reference on the directory routes', async () => {
      const duplicate = await t.http().post('/api/v1/agencies').set(as('admin')).send({ code: 'MDI', name: { es: 'Otra', en: 'Other' }, kind: 'ministry' });
      expectProblem(duplicate, 409, 'already_exists');
      expect(duplicate.body.errors).toEqual([{ path: 'code', message: expect.any(String) }]);
      const operator = await t.http().post('/api/v1/shelters').set(as('admin')).send({ code: 'nowhere', name: 'Nowhere', operator: 'NOPE', capacity: 3, eligibility: {} });
      expectProblem(operator, 422, 'reference_not_found');
      expect(operator.body.errors).toEqual([{ path: 'operator', message: expect.any(String) }]);
      expect(`${duplicate.text}${operator.text}`).not.toMatch(/constraint|column|_fkey|_pkey|agencies|operator_code/);
    });
  });

  describe('finding 4: the request id is the server\'s', () => {
    it('answers with a server-generated X-Request-Id, also in problem details, whatever the client sent', async () => {
      const res = await t.http().get('/api/v1/auth/me').set('X-Request-Id', 'client-given-id-1234');
      expectProblem(res, 401, 'unauthenticated');
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(res.headers['x-request-id']).not.toBe('client-given-id-1234');
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
      const malformed = await t.http().post('/api/v1/auth/refresh').set('Content-Type', 'application/json').send('{"refreshToken": ');
      expectProblem(malformed, 400, 'malformed_json');
      expect(malformed.headers['x-request-id']).toMatch(UUID);
      expect(malformed.body.requestId).toBe(malformed.headers['x-request-id']);
      const ok = await t.http().get('/api/v1/agencies').set(as('admin')).set('X-Request-Id', 'client-given-id-1234').expect(200);
      expect(ok.headers['x-request-id']).toMatch(UUID);
    });

    it('stores the server id in the audit log and the client\'s only as clientRequestId', async () => {
      const created = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).set('X-Request-Id', 'intake-from-tablet-77').send(intake()).expect(201);
      const refused = await t.http().post('/api/v1/agencies').set(as('officer.quito')).set('X-Request-Id', 'refused-from-tablet-78')
        .send({ code: 'ABC', name: { es: 'A', en: 'A' }, kind: 'ministry' }).expect(403);
      const byCase = await t.http().get('/api/v1/audit').query({ caseId: created.body.id }).set(as('auditor')).expect(200);
      const intakeEntry = byCase.body.items.find((e: { requestId: string }) => e.requestId === created.headers['x-request-id']);
      expect(intakeEntry).toBeDefined();
      expect(intakeEntry.details.clientRequestId).toBe('intake-from-tablet-77');
      expect(byCase.body.items.some((e: { requestId: string }) => e.requestId === 'intake-from-tablet-77')).toBe(false);
      const refusals = await t.http().get('/api/v1/audit').query({ action: 'access.refused', actor: 'officer.quito' }).set(as('auditor')).expect(200);
      const refusal = refusals.body.items.find((e: { requestId: string }) => e.requestId === refused.headers['x-request-id']);
      expect(refusal.details.clientRequestId).toBe('refused-from-tablet-78');
      await t.http().get('/api/v1/audit/verify').set(as('auditor')).expect(200).expect((r) => expect(r.body.valid).toBe(true));
    });
  });
});
