import { DataSource } from 'typeorm';
import { bootApp, TestApp } from '../support/app';
import { Protocol } from './protocol';

/**
 * A shelter's counters (PRODUCT.md section 7) are what its rows say: `occupied` the active placements,
 * `pendingReferrals` the referrals still pending, through every step that moves them (create, accept,
 * decline, cancel, discharge) and through the refusals that move nothing.
 */
describe('Shelter counters follow the referrals and placements (issue 12)', () => {
  let t: TestApp;
  let p: Protocol;
  let ds: DataSource;
  let shelter: { id: string; code: string };

  beforeAll(async () => {
    t = await bootApp();
    ds = t.app.get(DataSource);
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'admin');
    const stamp = Date.now();
    const created = await t.http().post('/api/v1/shelters').set(p.as('admin')).send({
      code: `counters_${stamp}`, name: 'Casa de prueba de contadores', operator: 'MIES', capacity: 3,
      eligibility: { sexes: [], minAge: null, maxAge: null, exploitationForms: [], accompanyingChildren: true },
    }).expect(201);
    shelter = created.body;
    const user = await t.http().post('/api/v1/users').set(p.as('admin')).send({
      username: `staff.counters.${stamp}`, displayName: 'Personal de prueba', password: 'Counters-Test-2026', agency: 'MIES',
      roles: ['shelter_staff'], shelterId: shelter.id,
    }).expect(201);
    p.tokens.staff = await t.login(user.body.username, 'Counters-Test-2026');
  });
  afterAll(() => t.close());

  /** The counters as the API shows them, checked against counts computed from the rows. */
  async function counters(): Promise<{ occupied: number; pendingReferrals: number }> {
    const view = await p.shelter(shelter.code);
    const [{ active }] = await ds.query(`SELECT count(*)::int AS active FROM placements WHERE shelter_id = $1 AND status = 'active'`, [shelter.id]);
    const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM referrals WHERE shelter_id = $1 AND status = 'pending'`, [shelter.id]);
    expect({ occupied: view.occupied, pendingReferrals: view.pendingReferrals }).toEqual({ occupied: active, pendingReferrals: pending });
    return { occupied: view.occupied, pendingReferrals: view.pendingReferrals };
  }

  async function referral(): Promise<string> {
    const { reviewId } = await p.underReview('adult_woman');
    const decision = await p.decide(reviewId, {
      decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [{ serviceType: 'shelter', shelterId: shelter.id }], requestVisa: false },
    }).expect(200);
    return decision.body.createdReferralIds[0];
  }

  it('create, accept, decline, cancel and discharge keep occupied and pendingReferrals equal to the rows', async () => {
    expect(await counters()).toEqual({ occupied: 0, pendingReferrals: 0 });
    const [first, second, third, fourth] = [await referral(), await referral(), await referral(), await referral()];
    expect(await counters()).toEqual({ occupied: 0, pendingReferrals: 4 });

    const admitted = await t.http().post(`/api/v1/referrals/${first}/accept`).set(p.as('staff')).send({}).expect(200);
    expect(await counters()).toEqual({ occupied: 1, pendingReferrals: 3 });

    await t.http().post(`/api/v1/referrals/${second}/decline`).set(p.as('staff')).send({ reason: 'Sin plazas adecuadas', reasonCode: 'other' }).expect(200);
    expect(await counters()).toEqual({ occupied: 1, pendingReferrals: 2 });
    // A second answer is refused and moves nothing.
    await t.http().post(`/api/v1/referrals/${second}/accept`).set(p.as('staff')).send({}).expect(409);
    expect(await counters()).toEqual({ occupied: 1, pendingReferrals: 2 });

    await t.http().post(`/api/v1/referrals/${third}/cancel`).set(p.as('committee.mdi')).send({ reason: 'Otra alternativa' }).expect(200);
    expect(await counters()).toEqual({ occupied: 1, pendingReferrals: 1 });
    // Someone placed: the referral cannot be cancelled, and nothing moves.
    await t.http().post(`/api/v1/referrals/${first}/cancel`).set(p.as('committee.mdi')).send({ reason: 'x' }).expect(409);
    expect(await counters()).toEqual({ occupied: 1, pendingReferrals: 1 });

    await t.http().post(`/api/v1/referrals/${fourth}/accept`).set(p.as('staff')).send({}).expect(200);
    expect(await counters()).toEqual({ occupied: 2, pendingReferrals: 0 });

    const placement = admitted.body.placementId;
    await t.http().post(`/api/v1/placements/${placement}/discharge`).set(p.as('staff')).send({ reason: 'other' }).expect(200);
    expect(await counters()).toEqual({ occupied: 1, pendingReferrals: 0 });
    const again = await t.http().post(`/api/v1/placements/${placement}/discharge`).set(p.as('staff')).send({ reason: 'other' }).expect(409);
    expect(again.body.code).toBe('placement_already_discharged');
    expect(await counters()).toEqual({ occupied: 1, pendingReferrals: 0 });
  });

  it('the application role cannot write the counters itself (column grants); their triggers still do, as above', async () => {
    // The app's DataSource connects as the application role (DATABASE_APP_ROLE).
    const [{ role }] = await ds.query(`SELECT current_user AS role`);
    expect(role).toBe(t.env.DATABASE_APP_ROLE ?? 'ruta_app');
    await expect(ds.query(`UPDATE shelters SET occupied = 0 WHERE id = $1`, [shelter.id])).rejects.toThrow(/permission denied/);
    await expect(ds.query(`UPDATE shelters SET pending_referrals = 0 WHERE id = $1`, [shelter.id])).rejects.toThrow(/permission denied/);
    await expect(ds.query(`INSERT INTO shelters (code, name, operator_code, capacity, occupied) VALUES ($1, 'x', 'MIES', 5, 5)`, [`counters_forged_${Date.now()}`]))
      .rejects.toThrow(/permission denied/);
    // Every other column stays the application's to write (the admin's shelter updates).
    await ds.query(`UPDATE shelters SET name = name, capacity = capacity WHERE id = $1`, [shelter.id]);
    expect(await counters()).toEqual({ occupied: 1, pendingReferrals: 0 });
  });
});
