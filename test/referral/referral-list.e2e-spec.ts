import { bootApp, TestApp } from '../support/app';
import { Protocol } from './protocol';

interface Item {
  id: string; caseId: string; caseNumber: string; caseStatus: string; isMinor: boolean; serviceType: string; shelterId: string | null;
  agency: { code: string }; status: string; placementId: string | null; createdAt: string; admittedAt: string | null;
}

/**
 * GET /referrals: the referrals addressed to the caller, the rule written in SQL (shelter staff: their
 * shelter; focal points: their agency's service referrals; the committee: all), pending first then newest,
 * keyset-paged. The board and the referrals page read it instead of walking every case.
 */
describe('GET /referrals: the referrals addressed to the caller', () => {
  let t: TestApp;
  let p: Protocol;
  let caseId: string;
  let casaLinda: string;
  let colibri: string;
  const ids: Record<string, string> = {};

  const list = (user: string, query: Record<string, unknown>) =>
    t.http().get('/api/v1/referrals').query(query).set(p.as(user));

  beforeAll(async () => {
    t = await bootApp();
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'staff.casalinda', 'staff.colibri',
      'focal.msp', 'focal.mies', 'visa.mremh', 'auditor', 'admin');
    casaLinda = await p.shelterId('casa_linda');
    colibri = await p.shelterId('alas_de_colibri');
    // One case referred to both shelters and to two agencies, so that only the rule on the referral (not
    // the access to the case) can tell the referrals apart.
    const review = await p.underReview('girl');
    caseId = review.caseId;
    const decision = await p.decide(review.reviewId, {
      decision: 'recognize', leadAgency: 'SDH',
      plan: {
        referrals: [
          { serviceType: 'shelter', shelterId: casaLinda }, { serviceType: 'shelter', shelterId: colibri },
          { serviceType: 'medical_care' }, { serviceType: 'psychological_care', agency: 'MIES' },
        ],
        requestVisa: false,
      },
    }).expect(200);
    [ids.casaLinda, ids.colibri, ids.msp, ids.mies] = decision.body.createdReferralIds;
  });
  afterAll(() => t.close());

  it('shows Casa Linda\'s staff the referrals to Casa Linda and not those to Alas de Colibrí', async () => {
    const own = await list('staff.casalinda', { caseId }).expect(200);
    expect(own.body.items.map((r: Item) => r.id)).toEqual([ids.casaLinda]);
    const item = own.body.items[0] as Item & Record<string, unknown>;
    expect(item).toMatchObject({ caseId, shelterId: casaLinda, serviceType: 'shelter', status: 'pending', agency: { code: 'MIES' },
      caseStatus: 'recognized', isMinor: true, placementId: null, admittedAt: null, parentReferralId: null });
    expect(item.caseNumber).toMatch(/^RUTA-/);
    expect(Date.parse(item.createdAt)).not.toBeNaN();
    // Nothing about the person beyond what every viewer of the case receives.
    expect(item).not.toHaveProperty('victim');
    expect(JSON.stringify(item)).not.toContain('givenNames');

    const all = await list('staff.casalinda', { limit: 200 }).expect(200);
    expect(all.body.items.length).toBeGreaterThan(0);
    for (const r of all.body.items as Item[]) expect(r.shelterId).toBe(casaLinda);
    const theirs = await list('staff.colibri', { caseId }).expect(200);
    expect(theirs.body.items.map((r: Item) => r.id)).toEqual([ids.colibri]);
  });

  it('shows MSP\'s focal point MSP\'s referrals and not MIES\'s (nor a shelter\'s, even one MIES operates)', async () => {
    const msp = await list('focal.msp', { caseId }).expect(200);
    expect(msp.body.items.map((r: Item) => r.id)).toEqual([ids.msp]);
    for (const r of (await list('focal.msp', { limit: 200 }).expect(200)).body.items as Item[]) {
      expect(r).toMatchObject({ agency: { code: 'MSP' }, shelterId: null });
    }
    const mies = await list('focal.mies', { caseId }).expect(200);
    expect(mies.body.items.map((r: Item) => r.id)).toEqual([ids.mies]);
  });

  it('shows the case-analysis team every referral of the case', async () => {
    const res = await list('committee.mdi', { caseId }).expect(200);
    expect(res.body.items.map((r: Item) => r.id).sort()).toEqual(Object.values(ids).sort());
  });

  it('filters by one or several statuses; an accepted shelter referral carries its admission', async () => {
    await t.http().post(`/api/v1/referrals/${ids.casaLinda}/accept`).set(p.as('staff.casalinda')).send({}).expect(200);
    const accepted = await list('staff.casalinda', { caseId, status: 'accepted' }).expect(200);
    expect(accepted.body.items).toEqual([expect.objectContaining({ id: ids.casaLinda, status: 'accepted', placementId: expect.any(String),
      admittedAt: expect.any(String) })]);
    expect((await list('staff.casalinda', { caseId, status: 'pending' }).expect(200)).body.items).toEqual([]);
    const both = await t.http().get(`/api/v1/referrals?caseId=${caseId}&status=pending&status=accepted`).set(p.as('committee.mdi')).expect(200);
    expect(both.body.items.map((r: Item) => r.status).sort()).toEqual(['accepted', 'pending', 'pending', 'pending']);
    const refused = await list('staff.casalinda', { status: 'lost' }).expect(400);
    expect(refused.body.errors[0].path).toMatch(/^status/);
  });

  it('pages with a small limit across pages, pending first then newest, each referral once', async () => {
    const review = await p.underReview('girl');
    const decision = await p.decide(review.reviewId, {
      decision: 'recognize', leadAgency: 'SDH',
      plan: { referrals: [{ serviceType: 'medical_care' }, { serviceType: 'psychological_care' }, { serviceType: 'psychiatric_care' }], requestVisa: false },
    }).expect(200);
    const made: string[] = decision.body.createdReferralIds;
    await t.http().post(`/api/v1/referrals/${made[0]}/accept`).set(p.as('focal.msp')).send({}).expect(200);
    const first = await list('focal.msp', { caseId: review.caseId, limit: 2 }).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list('focal.msp', { caseId: review.caseId, limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const seen = [...first.body.items, ...second.body.items] as Item[];
    expect(seen.map((r) => r.id).sort()).toEqual([...made].sort());
    expect(seen.map((r) => r.status)).toEqual(['pending', 'pending', 'accepted']);
    expect(seen[2].id).toBe(made[0]);
    await list('focal.msp', { cursor: 'not-a-cursor' }).expect(400);
    await list('focal.msp', { limit: 201 }).expect(400);
  });

  it('refuses roles that have no referrals addressed to them (403)', async () => {
    for (const user of ['officer.rumichaca', 'visa.mremh', 'auditor', 'admin']) {
      const res = await list(user, {});
      expect({ user, status: res.status, code: res.body.code }).toEqual({ user, status: 403, code: expect.any(String) });
    }
  });

  it('audits the read with the cases it listed', async () => {
    const res = await list('staff.casalinda', { caseId }).expect(200);
    const audit = await t.http().get('/api/v1/audit').query({ action: 'referral.list', limit: 200 }).set(p.as('auditor')).expect(200);
    const entry = (audit.body.items as { requestId: string | null; details: { caseIds: string[] } }[])
      .find((e) => e.requestId === res.headers['x-request-id']);
    expect(entry?.details.caseIds).toEqual([caseId]);
  });
});
