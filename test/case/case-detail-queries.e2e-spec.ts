import { DataSource, QueryRunner } from 'typeorm';
import { Protocol, protocolApp } from '../referral/protocol';
import { TestApp } from '../support/app';

/**
 * GET /cases/:id shows the case's records (reviews, referrals, visa request, check-ins) and lists the actions
 * the caller may take on them (PRODUCT.md section 15): each record table is read once for both, in the one
 * transaction of the request.
 */
describe('The case page reads each record once', () => {
  let t: TestApp;
  let p: Protocol;
  let ds: DataSource;

  beforeAll(async () => ({ t, p, ds } = await protocolApp(['officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'focal.sdh'])));
  afterAll(() => t.close());

  /** The statements the request runs in its transaction, as the app's DataSource logs them. */
  async function statementsOf(request: () => Promise<unknown>): Promise<string[]> {
    const byRunner = new Map<QueryRunner | undefined, string[]>();
    const original = ds.logger.logQuery.bind(ds.logger);
    ds.logger.logQuery = (query, parameters, runner) => {
      byRunner.set(runner, [...(byRunner.get(runner) ?? []), query.replace(/\s+/g, ' ').trim()]);
      return original(query, parameters, runner);
    };
    try {
      await request();
    } finally {
      ds.logger.logQuery = original;
    }
    const inTransaction = [...byRunner.values()].filter((qs) => qs.includes('START TRANSACTION') && qs.some((q) => q.includes('FROM case_documents')));
    expect(inTransaction).toHaveLength(1);
    return inTransaction[0];
  }

  it('a recognized case with referrals, a visa request, a follow-up plan and a pending closure: no statement twice', async () => {
    const casaLinda = await p.shelterId('casa_linda');
    const { caseId, reviewId } = await p.underReview('girl');
    await p.decide(reviewId, {
      decision: 'recognize', leadAgency: 'SDH',
      plan: { referrals: [{ serviceType: 'shelter', shelterId: casaLinda }, { serviceType: 'medical_care', agency: 'MSP' }], requestVisa: true },
    }).expect(200);
    await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh')).send({ startDate: '2030-01-31' }).expect(201);
    await t.http().post(`/api/v1/cases/${caseId}/closure-requests`).set(p.as('focal.sdh')).send({ reason: 'declined_assistance' }).expect(201);

    for (const user of ['committee.sdh', 'committee.mies', 'focal.sdh']) {
      let body: { availableActions: unknown[]; referrals: unknown[]; visa: unknown } | undefined;
      const statements = await statementsOf(async () => {
        body = (await t.http().get(`/api/v1/cases/${caseId}`).set(p.as(user)).expect(200)).body;
      });
      expect(body!.availableActions.length).toBeGreaterThan(0);
      const repeated = statements.filter((q, i) => statements.indexOf(q) !== i);
      expect({ user, repeated }).toEqual({ user, repeated: [] });
      for (const table of ['reviews', 'referrals', 'visa_requests', 'follow_up_checkins', 'closure_requests']) {
        const reads = statements.filter((q) => new RegExp(`^SELECT .* FROM ${table} \\w+ (JOIN|WHERE)|^SELECT .* FROM ${table} WHERE`).test(q)).length;
        expect({ user, table, reads }).toEqual({ user, table, reads: expect.any(Number) });
        expect({ user, table, atMostOnce: reads <= 1 }).toEqual({ user, table, atMostOnce: true });
      }
      // eslint-disable-next-line no-console
      if (process.env.RUTA_SHOW_QUERIES) console.log(`${user}: ${statements.length} statements\n${statements.join('\n')}`);
    }
  });
});
