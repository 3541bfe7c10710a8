import { DataSource } from 'typeorm';
import { bootApp, TestApp } from '../support/app';
import { Protocol } from './protocol';

/**
 * Capacity is enforced by PostgreSQL (the placement trigger moves `occupied` on the locked shelter row, under a CHECK), so 100
 * simultaneous acceptances for 30 free places admit exactly 30 people.
 */
describe('Shelter capacity under concurrency (issue 4)', () => {
  let t: TestApp;
  let p: Protocol;
  let ds: DataSource;

  beforeAll(async () => {
    t = await bootApp({ DATABASE_POOL_SIZE: '20' });
    ds = t.app.get(DataSource);
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'admin');
  });
  afterAll(() => t.close());

  it('100 simultaneous acceptances of 100 eligible referrals for 30 free places: 30 placements, 70 × 409, no 500', async () => {
    const shelter = await t.http().post('/api/v1/shelters').set(p.as('admin')).send({
      code: `capacity_${Date.now()}`, name: 'Casa de prueba de capacidad', operator: 'MIES', capacity: 30,
      eligibility: { sexes: [], minAge: null, maxAge: null, exploitationForms: [], accompanyingChildren: true },
    }).expect(201);
    await t.http().post('/api/v1/users').set(p.as('admin')).send({
      username: `staff.capacity.${Date.now()}`, displayName: 'Personal de prueba', password: 'Capacity-Test-2026', agency: 'MIES',
      roles: ['shelter_staff'], shelterId: shelter.body.id,
    }).expect(201).then(async (u) => {
      p.tokens.staff = await t.login(u.body.username, 'Capacity-Test-2026');
    });

    const referralIds: string[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      const made = await Promise.all(Array.from({ length: 10 }, async () => {
        const { reviewId } = await p.underReview('adult_woman');
        const decision = await p.decide(reviewId, {
          decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [{ serviceType: 'shelter', shelterId: shelter.body.id }], requestVisa: false },
        }).expect(200);
        return decision.body.createdReferralIds[0] as string;
      }));
      referralIds.push(...made);
    }
    expect(new Set(referralIds).size).toBe(100);
    expect((await p.shelter(shelter.body.code)).pendingReferrals).toBe(100);

    const answers = await Promise.all(referralIds.map((id) =>
      t.http().post(`/api/v1/referrals/${id}/accept`).set(p.as('staff')).send({})));
    const byStatus = answers.reduce<Record<number, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});
    expect(byStatus).toEqual({ 200: 30, 409: 70 });
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.code).toBe('shelter_at_capacity');

    const [{ active }] = await ds.query(`SELECT count(*)::int AS active FROM placements WHERE shelter_id = $1 AND status = 'active'`, [shelter.body.id]);
    expect(active).toBe(30);
    const [{ accepted }] = await ds.query(`SELECT count(*)::int AS accepted FROM referrals WHERE shelter_id = $1 AND status = 'accepted'`, [shelter.body.id]);
    expect(accepted).toBe(30);
    const view = await p.shelter(shelter.body.code);
    expect(view).toMatchObject({ capacity: 30, occupied: 30, free: 0, pendingReferrals: 70 });
    // The 70 refused referrals are still pending, waiting for a place or another shelter.
    const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM referrals WHERE shelter_id = $1 AND status = 'pending'`, [shelter.body.id]);
    expect(pending).toBe(70);
    // The admin cannot lower capacity below what is occupied.
    await t.http().patch(`/api/v1/shelters/${shelter.body.id}`).set(p.as('admin')).send({ capacity: 10 }).expect(422);
  });
});
