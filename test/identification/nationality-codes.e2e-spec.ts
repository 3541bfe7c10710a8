import { randomUUID } from 'node:crypto';
import { bootApp, TestApp } from '../support/app';
import { intake } from './fixtures';

// PRODUCT.md section 4: a nationality is an ISO 3166-1 alpha-3 code or one of ICAO's XXA (stateless person),
// XXB (refugee, 1951 Convention), XXC (other refugee) and XXX (unspecified), each named in both languages; a
// document is issued by a country, never by one of these.
describe('Nationality codes for the stateless, refugees and the unspecified', () => {
  let t: TestApp;
  let officer: string;
  const post = (body: Record<string, unknown>) => t.http().post('/api/v1/cases').set('Authorization', `Bearer ${officer}`).set('Idempotency-Key', randomUUID()).send(body);

  beforeAll(async () => {
    t = await bootApp();
    officer = await t.login('officer.rumichaca');
  });
  afterAll(() => t.close());

  it('accepts XXA, XXB, XXC and XXX beside a country on intake, and keeps them', async () => {
    const created = await post(intake({ nationality: ['XXA', 'XXB', 'XXC', 'XXX'] }));
    expect(created.status).toBe(201);
    const stored = await t.http().get(`/api/v1/cases/${created.body.id}`).set('Authorization', `Bearer ${officer}`).expect(200);
    expect(stored.body.victim.nationality).toEqual(['XXA', 'XXB', 'XXC', 'XXX']);
    expect((await post(intake({ nationality: ['VEN', 'XXA'] }))).status).toBe(201);
  });

  it('refuses any other made-up code, and these codes as a document\'s issuing country, with a 400 naming the field', async () => {
    for (const code of ['XXZ', 'XXD', 'ZZZ']) {
      const res = await post(intake({ nationality: [code] }));
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.errors)).toContain('nationality');
    }
    const body = intake({});
    (body.victim as { documents: { issuingCountry: string }[] }).documents[0].issuingCountry = 'XXA';
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('issuingCountry');
  });

  it('names them in both languages in the countries catalog, as nationalities that issue no documents', async () => {
    const countries = await t.http().get('/api/v1/catalog/countries').query({ limit: 200 }).set('Authorization', `Bearer ${officer}`).expect(200);
    const items = countries.body.items as { code: string; name: unknown; issuesDocuments: boolean }[];
    const byCode = new Map(items.map((c) => [c.code, c.name]));
    expect(items.filter((c) => !c.issuesDocuments).map((c) => c.code)).toEqual(['XXA', 'XXB', 'XXC', 'XXX']);
    expect(byCode.get('XXA')).toEqual({ es: 'Persona apátrida', en: 'Stateless person' });
    expect(byCode.get('XXB')).toEqual({ es: 'Persona refugiada (Convención de 1951)', en: 'Refugee (1951 Convention)' });
    expect(byCode.get('XXC')).toEqual({ es: 'Persona refugiada (otra)', en: 'Refugee (other)' });
    expect(byCode.get('XXX')).toEqual({ es: 'Nacionalidad no especificada', en: 'Unspecified nationality' });
  });
});
