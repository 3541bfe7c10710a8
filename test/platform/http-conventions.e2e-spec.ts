import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootApp, TestApp } from '../support/app';

describe('HTTP conventions (PRODUCT.md section 13)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    // No web build here, whatever dist/web holds: / is the home page (test/platform/web-app.e2e-spec.ts serves a build).
    t = await bootApp({ WEB_DIST_DIR: mkdtempSync(join(tmpdir(), 'ruta-noweb-')) });
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('reports database and Redis up on /api/v1/health', async () => {
    const res = await t.http().get('/api/v1/health').expect(200);
    expect(res.body.info.database.status).toBe('up');
    expect(res.body.info.redis.status).toBe('up');
  });

  it('serves the OpenAPI UI and a document equal to the committed openapi.json', async () => {
    await t.http().get('/api/docs/').expect(200).expect('Content-Type', /html/);
    const served = (await t.http().get('/api/docs-json').expect(200)).body;
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'));
    expect(served).toEqual(committed);
  });

  it('answers the address printed at start-up with a page in the caller\'s language', async () => {
    const es = await t.http().get('/').expect(200).expect('Content-Type', /html/);
    expect(es.text).toContain('víctimas de trata');
    const en = await t.http().get('/').set('Accept-Language', 'en').expect(200);
    expect(en.text).toContain('human trafficking');
  });

  it('sends Cache-Control: no-store and security headers on API responses', async () => {
    const res = await t.http().get('/api/v1/agencies').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeDefined();
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await t.http().post('/api/v1/auth/refresh').set('Content-Type', 'application/json').send('{"refreshToken": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'urn:ruta:problem:malformed_json', status: 400, code: 'malformed_json' });
    expect(typeof res.body.title).toBe('string');
    expect(typeof res.body.detail).toBe('string');
  });

  it('refuses unknown fields (no mass assignment) with the offending path', async () => {
    const res = await t.http().post('/api/v1/agencies').set('Authorization', `Bearer ${admin}`)
      .send({ code: 'XYZ', name: { es: 'X', en: 'X' }, kind: 'ministry', isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'isAdmin' })]));
    const after = await t.http().get('/api/v1/agencies').set('Authorization', `Bearer ${admin}`);
    expect(after.body.items.map((a: { code: string }) => a.code)).not.toContain('XYZ');
  });

  it('refuses wrong types with 400 and every failing path', async () => {
    const res = await t.http().post('/api/v1/shelters').set('Authorization', `Bearer ${admin}`)
      .send({ code: 'x_shelter', name: 42, operator: 'MIES', capacity: 'thirty', eligibility: { sexes: 'female' } });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'capacity', 'eligibility.sexes']));
  });

  it('answers a rule refusal with 422 and a database constraint with a problem, never 500', async () => {
    const shelters = (await t.http().get('/api/v1/shelters').set('Authorization', `Bearer ${admin}`)).body.items;
    const casaLinda = shelters.find((s: { code: string }) => s.code === 'casa_linda');
    const bad = await t.http().patch(`/api/v1/shelters/${casaLinda.id}`).set('Authorization', `Bearer ${admin}`)
      .send({ eligibility: { minAge: 20, maxAge: 10 } });
    expect(bad.status).toBe(422);
    const unknownOperator = await t.http().post('/api/v1/shelters').set('Authorization', `Bearer ${admin}`)
      .send({ code: 'nowhere', name: 'Nowhere', operator: 'NOPE', capacity: 3, eligibility: {} });
    expect(unknownOperator.status).toBe(422);
    expect(unknownOperator.body.code).toBe('reference_not_found');
    const duplicate = await t.http().post('/api/v1/agencies').set('Authorization', `Bearer ${admin}`)
      .send({ code: 'MDI', name: { es: 'Otra', en: 'Other' }, kind: 'ministry' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('already_exists');
  });

  it('follows Accept-Language for problem titles (Spanish by default)', async () => {
    const es = await t.http().get('/api/v1/auth/me');
    const en = await t.http().get('/api/v1/auth/me').set('Accept-Language', 'en-US,en;q=0.9');
    expect(es.status).toBe(401);
    expect(es.body.title).toBe('Se requiere iniciar sesión');
    expect(en.body.title).toBe('Authentication is required');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await t.http().get('/api/v1/nothing-here').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('route_not_found');
  });

  it('refuses a role that may never use a route with 403 and audits it', async () => {
    const officer = await t.login('officer.quito');
    const res = await t.http().post('/api/v1/agencies').set('Authorization', `Bearer ${officer}`)
      .send({ code: 'ABC', name: { es: 'A', en: 'A' }, kind: 'ministry' });
    expect(res.status).toBe(403);
    const auditor = await t.login('auditor');
    const log = await t.http().get('/api/v1/audit').query({ action: 'access.refused', actor: 'officer.quito' })
      .set('Authorization', `Bearer ${auditor}`).expect(200);
    expect(log.body.items.length).toBeGreaterThanOrEqual(1);
    expect(log.body.items[0]).toMatchObject({ outcome: 'denied', subject: { type: 'route' } });
  });

  it('lets an admin move the test clock forward and refuses others', async () => {
    const officer = await t.login('officer.quito');
    await t.http().post('/api/v1/_test/clock').set('Authorization', `Bearer ${officer}`).send({ advanceBy: 'PT1S' }).expect(403);
    const before = Date.now();
    const res = await t.http().post('/api/v1/_test/clock').set('Authorization', `Bearer ${admin}`).send({ advanceBy: 'PT1M' }).expect(200);
    expect(new Date(res.body.now).getTime()).toBeGreaterThanOrEqual(before + 60_000);
    await t.http().post('/api/v1/_test/clock').set('Authorization', `Bearer ${admin}`).send({ advanceBy: 'tomorrow' }).expect(400);
  });

  it('lists reference data for any signed-in user', async () => {
    const officer = await t.login('officer.rumichaca');
    const provinces = await t.http().get('/api/v1/catalog/provinces').set('Authorization', `Bearer ${officer}`).expect(200);
    expect(provinces.body.items).toHaveLength(24);
    expect(provinces.body.items[16]).toEqual({ code: '17', name: 'Pichincha' });
    const services = await t.http().get('/api/v1/catalog/services').set('Authorization', `Bearer ${officer}`).expect(200);
    expect(services.body.items.find((s: { code: string }) => s.code === 'shelter').responseHours).toBe(24);
    expect(services.body.items.find((s: { code: string }) => s.code === 'medical_care')).toMatchObject({ responseHours: 72, defaultAgency: { code: 'MSP' } });
    const shelters = await t.http().get('/api/v1/shelters').set('Authorization', `Bearer ${officer}`).expect(200);
    const casaLinda = shelters.body.items.find((s: { code: string }) => s.code === 'casa_linda');
    // Other suites share this run's database and may have placed someone: free is always capacity - occupied.
    expect(casaLinda.free).toBe(casaLinda.capacity - casaLinda.occupied);
    expect(casaLinda).toMatchObject({
      capacity: 30, operator: { code: 'MIES' },
      eligibility: { sexes: ['female'], minAge: 0, maxAge: 17, exploitationForms: ['sexual_exploitation'], accompanyingChildren: true },
    });
    const firstPage = await t.http().get('/api/v1/catalog/provinces').query({ limit: 20 }).set('Authorization', `Bearer ${officer}`).expect(200);
    const lastPage = await t.http().get('/api/v1/catalog/provinces').query({ limit: 20, cursor: firstPage.body.nextCursor }).set('Authorization', `Bearer ${officer}`).expect(200);
    expect([...firstPage.body.items, ...lastPage.body.items].map((x: { code: string }) => x.code)).toEqual(provinces.body.items.map((x: { code: string }) => x.code));
    expect(lastPage.body.nextCursor).toBeNull();
    await t.http().get('/api/v1/catalog/provinces').query({ limit: 500 }).set('Authorization', `Bearer ${officer}`).expect(400);
    const points = await t.http().get('/api/v1/catalog/border-points').set('Authorization', `Bearer ${officer}`).expect(200);
    expect(points.body.items.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['rumichaca', 'huaquillas', 'quito_airport']));
  });

  it('names the countries in both languages from the one table the reports use too (GET /catalog/countries)', async () => {
    const officer = await t.login('officer.rumichaca');
    const countries = await t.http().get('/api/v1/catalog/countries').query({ limit: 200 }).set('Authorization', `Bearer ${officer}`).expect(200);
    expect(countries.body.nextCursor).toBeNull();
    // Ecuador's borders and routes first.
    expect(countries.body.items.slice(0, 3)).toEqual([
      { code: 'ECU', name: { es: 'Ecuador', en: 'Ecuador' }, issuesDocuments: true },
      { code: 'VEN', name: { es: 'Venezuela', en: 'Venezuela' }, issuesDocuments: true },
      { code: 'COL', name: { es: 'Colombia', en: 'Colombia' }, issuesDocuments: true },
    ]);
    expect(countries.body.items.find((c: { code: string }) => c.code === 'USA').name).toEqual({ es: 'Estados Unidos', en: 'United States' });
    expect(countries.body.items.length).toBeGreaterThan(40);
    const codes = countries.body.items.map((c: { code: string }) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of countries.body.items) expect(c.code).toMatch(/^[A-Z]{3}$/);
    await t.http().get('/api/v1/catalog/countries').expect(401);
  });
});
