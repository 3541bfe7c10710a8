import { DataSource } from 'typeorm';
import { bootApp, TestApp, waitFor } from '../support/app';
import { backgroundSettled } from '../support/settle';
import { Protocol } from '../referral/protocol';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Guayaquil', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

describe('Article 104 exceptional visa (PRODUCT.md section 8)', () => {
  let t: TestApp;
  let p: Protocol;
  let ds: DataSource;

  beforeAll(async () => {
    t = await bootApp();
    ds = t.app.get(DataSource);
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'visa.mremh', 'focal.sdh', 'admin');
  });
  afterAll(() => t.close());

  const recognized = async (extra: Parameters<Protocol['underReview']>[1] = {}) => {
    const { caseId, reviewId } = await p.underReview('adult_woman', extra);
    await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [], requestVisa: false } }).expect(200);
    return caseId;
  };

  it('is filed by an MDI committee member for a recognized foreign victim, free of charge, and decided by a visa officer', async () => {
    const caseId = await recognized();
    await t.http().post(`/api/v1/cases/${caseId}/visa-requests`).set(p.as('committee.mies')).expect(422);
    const filed = await t.http().post(`/api/v1/cases/${caseId}/visa-requests`).set(p.as('committee.mdi')).expect(201);
    expect(filed.body).toMatchObject({ caseId, status: 'requested', visaNumber: null, fee: { amount: 0, waived: true } });
    await t.http().post(`/api/v1/cases/${caseId}/visa-requests`).set(p.as('committee.mdi')).expect(409);

    const listed = await t.http().get('/api/v1/visa-requests').query({ status: 'requested' }).set(p.as('visa.mremh')).expect(200);
    expect(listed.body.items.map((v: { id: string }) => v.id)).toContain(filed.body.id);

    const claimed = await t.http().post(`/api/v1/visa-requests/${filed.body.id}/claim`).set(p.as('visa.mremh')).expect(200);
    expect(claimed.body.status).toBe('under_review');
    await t.http().post(`/api/v1/visa-requests/${filed.body.id}/claim`).set(p.as('visa.mremh')).expect(409);
    const mine = await t.http().get('/api/v1/tasks').query({ type: 'visa_decision', caseId }).set(p.as('visa.mremh')).expect(200);
    expect(mine.body.items[0]).toMatchObject({ status: 'claimed', claimedBy: p.ids['visa.mremh'] });

    const issuedOn = today();
    await t.http().post(`/api/v1/visa-requests/${filed.body.id}/grant`).set(p.as('visa.mremh'))
      .send({ visaNumber: 'V104-1', issuedOn, fee: 50 }).expect(400);
    const granted = await t.http().post(`/api/v1/visa-requests/${filed.body.id}/grant`).set(p.as('visa.mremh'))
      .send({ visaNumber: 'V104-2026-000777', issuedOn, expiresOn: plusDays(issuedOn, 61) }).expect(200);
    expect(granted.body).toMatchObject({ status: 'granted', visaNumber: 'V104-2026-000777', issuedOn, fee: { amount: 0, waived: true } });
    const [task] = await ds.query(`SELECT status FROM tasks WHERE case_id = $1 AND type = 'visa_decision'`, [caseId]);
    expect(task.status).toBe('done');
    const [stored] = await ds.query(`SELECT visa_number_enc, fee_amount, fee_waived FROM visa_requests WHERE id = $1`, [filed.body.id]);
    expect(stored.visa_number_enc).not.toContain('V104');
    expect(stored).toMatchObject({ fee_amount: '0.00', fee_waived: true });

    // 60 days before expiry, the lead agency gets a visa_expiry task, once.
    await t.http().post('/api/v1/_test/clock').set(p.as('admin')).send({ advanceBy: 'P2D' }).expect(200);
    const expiry = await waitFor(async () => {
      const res = await t.http().get('/api/v1/tasks').query({ type: 'visa_expiry', caseId }).set(p.as('focal.sdh')).expect(200);
      return res.body.items.length > 0 ? res.body.items : undefined;
    });
    expect(expiry).toHaveLength(1);
    await t.http().post('/api/v1/_test/clock').set(p.as('admin')).send({ advanceBy: 'P1D' }).expect(200);
    await backgroundSettled(t);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM tasks WHERE case_id = $1 AND type = 'visa_expiry'`, [caseId]);
    expect(count).toBe(1);
  });

  it('defaults the expiry to two years, is denied with a reason, or withdrawn by the lead agency', async () => {
    const first = await recognized();
    const a = await t.http().post(`/api/v1/cases/${first}/visa-requests`).set(p.as('committee.mdi')).expect(201);
    await t.http().post(`/api/v1/visa-requests/${a.body.id}/deny`).set(p.as('visa.mremh')).send({ reason: 'x' }).expect(409);
    await t.http().post(`/api/v1/visa-requests/${a.body.id}/claim`).set(p.as('visa.mremh')).expect(200);
    const denied = await t.http().post(`/api/v1/visa-requests/${a.body.id}/deny`).set(p.as('visa.mremh')).send({ reason: 'Documentos incompletos' }).expect(200);
    expect(denied.body.status).toBe('denied');

    const second = await recognized();
    const b = await t.http().post(`/api/v1/cases/${second}/visa-requests`).set(p.as('committee.mdi')).expect(201);
    await t.http().post(`/api/v1/visa-requests/${b.body.id}/withdraw`).set(p.as('committee.mies')).send({ reason: 'x' }).expect(422);
    const withdrawn = await t.http().post(`/api/v1/visa-requests/${b.body.id}/withdraw`).set(p.as('focal.sdh')).send({ reason: 'Retorno voluntario' }).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const [task] = await ds.query(`SELECT status FROM tasks WHERE case_id = $1 AND type = 'visa_decision'`, [second]);
    expect(task.status).toBe('cancelled');

    const third = await recognized();
    const c = await t.http().post(`/api/v1/cases/${third}/visa-requests`).set(p.as('committee.mdi')).expect(201);
    await t.http().post(`/api/v1/visa-requests/${c.body.id}/claim`).set(p.as('visa.mremh')).expect(200);
    const granted = await t.http().post(`/api/v1/visa-requests/${c.body.id}/grant`).set(p.as('visa.mremh')).send({ visaNumber: 'V2', issuedOn: '2024-02-29' }).expect(200);
    expect(granted.body).toMatchObject({ issuedOn: '2024-02-29', expiresOn: '2026-02-28' });
  });

  it('refuses a request for an Ecuadorian or a victim not yet recognized', async () => {
    const ecuadorian = await recognized({ nationality: ['ECU'] });
    const refused = await t.http().post(`/api/v1/cases/${ecuadorian}/visa-requests`).set(p.as('committee.mdi')).expect(422);
    expect(refused.body.code).toBe('visa_not_applicable');
    const { caseId } = await p.underReview('adult_woman');
    const early = await t.http().post(`/api/v1/cases/${caseId}/visa-requests`).set(p.as('committee.mdi')).expect(422);
    expect(early.body.code).toBe('visa_case_not_recognized');
  });
});
