import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { intake, POSSIBLE_ANSWERS } from '../identification/fixtures';
import { Protocol, protocolApp } from '../referral/protocol';
import { TestApp } from '../support/app';

/** The routes whose answers openapi.json declares with the given response header, as `METHOD /path`. */
function routesDeclaring(header: string, where: 'response' | 'request'): string[] {
  const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'));
  const out: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, {
    parameters?: { in: string; name: string }[]; responses?: Record<string, { headers?: Record<string, unknown> }>;
  }>>)) {
    for (const [method, op] of Object.entries(ops)) {
      const declared = where === 'request'
        ? (op.parameters ?? []).some((p) => p.in === 'header' && p.name === header)
        : Object.entries(op.responses ?? {}).some(([status, r]) => status.startsWith('2') && r.headers?.[header] !== undefined);
      if (declared) out.push(`${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1')}`);
    }
  }
  return out.sort();
}

/**
 * HTTP concerns every route of a kind shares (PRODUCT.md section 13), each set by one decorator: the ETag of
 * versioned records (`@ETagged()`), and `Idempotency-Key` with its `Idempotent-Replayed` answer header
 * (`@Idempotent()`).
 */
describe('ETag and Idempotent-Replayed on every route that declares them', () => {
  let t: TestApp;
  let p: Protocol;

  beforeAll(async () => ({ t, p } = await protocolApp(['officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'focal.sdh'])));
  afterAll(() => t.close());

  /** A case in screening, created by officer.rumichaca. */
  const inScreening = async () => (await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(intake({ answers: POSSIBLE_ANSWERS })).expect(201)).body.id as string;
  /** A recognized case led by SDH (no referrals, no visa). */
  const recognized = async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [], requestVisa: false } }).expect(200);
    return caseId;
  };

  /** Each route answers `ETag: "<version>"`, the version the body carries. */
  const etagged: Record<string, () => Promise<Response>> = {
    'POST /cases': () => t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(intake()).expect(201),
    'GET /cases/:id': async () => t.http().get(`/api/v1/cases/${await inScreening()}`).set(p.as('officer.rumichaca')).expect(200),
    'PATCH /cases/:id': async () => t.http().patch(`/api/v1/cases/${await inScreening()}`).set(p.as('officer.rumichaca')).set('If-Match', '"1"')
      .send({ victim: { languages: ['spa', 'eng'] } }).expect(200),
    'POST /cases/:id/consent': async () => t.http().post(`/api/v1/cases/${await inScreening()}/consent`).set(p.as('officer.rumichaca')).send({ shareWith: ['MIES', 'SDH'] }).expect(200),
    'POST /cases/:id/complaint': async () => t.http().post(`/api/v1/cases/${await inScreening()}/complaint`).set(p.as('officer.rumichaca')).send({ notifiedOn: '2026-11-21' }).expect(200),
    'POST /cases/:id/screenings': async () => t.http().post(`/api/v1/cases/${await inScreening()}/screenings`).set(p.as('officer.rumichaca'))
      .send({ catalogVersion: 'v1', answers: POSSIBLE_ANSWERS }).expect(201),
    'POST /cases/:id/submit-for-review': async () => t.http().post(`/api/v1/cases/${await inScreening()}/submit-for-review`).set(p.as('officer.rumichaca'))
      .send({ rationale: 'Indicios suficientes' }).expect(200),
    'POST /cases/:id/close': async () => t.http().post(`/api/v1/cases/${await inScreening()}/close`).set(p.as('officer.rumichaca')).send({ reason: 'no_indicators' }).expect(200),
    'POST /cases/:id/reopen': async () => {
      const id = await recognized();
      const request = await t.http().post(`/api/v1/cases/${id}/closure-requests`).set(p.as('focal.sdh')).send({ reason: 'returned_abroad' }).expect(201);
      await t.http().post(`/api/v1/closure-requests/${request.body.id}/approve`).set(p.as('committee.mdi')).expect(200);
      return t.http().post(`/api/v1/cases/${id}/reopen`).set(p.as('committee.mdi')).send({ reason: 'Nueva información' }).expect(200);
    },
    'POST /cases/:id/lead-agency': async () => t.http().post(`/api/v1/cases/${await recognized()}/lead-agency`).set(p.as('committee.mdi'))
      .send({ agency: 'MIES', reason: 'Cambio de institución' }).expect(200),
    'GET /cases/:id/care-plan': async () => t.http().get(`/api/v1/cases/${await recognized()}/care-plan`).set(p.as('focal.sdh')).expect(200),
    'PUT /cases/:id/care-plan': async () => t.http().put(`/api/v1/cases/${await recognized()}/care-plan`).set(p.as('focal.sdh')).set('If-Match', '"0"')
      .send({ goals: [{ area: 'psychology', description: 'Acompañamiento', status: 'in_progress' }] }).expect(200),
  };

  it('the table covers exactly the routes openapi.json declares with an ETag', () => {
    expect(Object.keys(etagged).sort()).toEqual(routesDeclaring('ETag', 'response'));
  });

  it.each(Object.keys(etagged))('%s answers ETag "<version>" of the record it returns', async (route) => {
    const res = await etagged[route]();
    expect(typeof res.body.version).toBe('number');
    expect({ route, etag: res.headers.etag }).toEqual({ route, etag: `"${res.body.version}"` });
  });

  /** Each route called twice with one key and body: the second answer is the first, marked as a replay. */
  const idempotent: Record<string, () => Promise<{ send: (key?: string) => Promise<Response> }>> = {
    'POST /cases': async () => {
      const body = intake();
      return { send: (key) => withKey(t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')), key).send(body) };
    },
    'POST /cases/:id/referrals': async () => {
      const caseId = await recognized();
      const body = { serviceType: 'medical_care', agency: 'MSP', reason: 'Atención médica' };
      return { send: (key) => withKey(t.http().post(`/api/v1/cases/${caseId}/referrals`).set(p.as('committee.mdi')), key).send(body) };
    },
    'POST /reviews/:id/decision': async () => {
      const { reviewId } = await p.underReview('adult_woman');
      const body = { decision: 'request_information', rationale: 'Falta información', members: p.quorum() };
      return { send: (key) => withKey(t.http().post(`/api/v1/reviews/${reviewId}/decision`).set(p.as('committee.mdi')), key).send(body) };
    },
  };
  const withKey = (req: ReturnType<ReturnType<TestApp['http']>['post']>, key?: string) => (key === undefined ? req : req.set('Idempotency-Key', key));

  it('the table covers exactly the routes openapi.json declares with Idempotency-Key, each also declaring Idempotent-Replayed', () => {
    expect(Object.keys(idempotent).sort()).toEqual(routesDeclaring('Idempotency-Key', 'request'));
    expect(routesDeclaring('Idempotent-Replayed', 'response')).toEqual(routesDeclaring('Idempotency-Key', 'request'));
  });

  it.each(Object.keys(idempotent))('%s replays the first answer with Idempotent-Replayed: true (and never on a first answer)', async (route) => {
    const { send } = await idempotent[route]();
    const key = `headers-${route.replace(/[^a-z]+/gi, "-")}-${Date.now()}`;
    const first = await send(key);
    expect({ route, status: first.status }).toEqual({ route, status: expect.any(Number) });
    expect(first.status).toBeLessThan(300);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await send(key);
    expect({ route, status: again.status, replayed: again.headers['idempotent-replayed'] }).toEqual({ route, status: first.status, replayed: 'true' });
    expect(again.body).toEqual(first.body);
    if (first.headers.etag !== undefined) expect(again.headers.etag).toBe(first.headers.etag);
  });

  it('a conflict keeps the HTTP status in status and the record\'s own status in recordStatus', async () => {
    const id = await inScreening();
    await t.http().post(`/api/v1/cases/${id}/close`).set(p.as('officer.rumichaca')).send({ reason: 'no_indicators' }).expect(200);
    const again = await t.http().post(`/api/v1/cases/${id}/close`).set(p.as('officer.rumichaca')).send({ reason: 'no_indicators' }).expect(409);
    expect(again.body).toMatchObject({ type: 'urn:ruta:problem:transition_not_allowed', status: 409, code: 'transition_not_allowed', recordStatus: 'closed', action: 'close_screening' });
  });
});
