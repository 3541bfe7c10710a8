import { bootApp, TestApp } from '../support/app';
import { Protocol } from './protocol';

// GET /committee-members: the review screen records the members present from this list (PRODUCT.md
// section 6); only committee members may read it.
describe('committee members', () => {
  let t: TestApp;
  let p: Protocol;

  beforeAll(async () => {
    t = await bootApp();
    p = new Protocol(t);
    await p.login('committee.mdi', 'committee.mies', 'committee.sdh', 'committee.mremh', 'focal.msp', 'staff.casalinda');
  });
  afterAll(() => t.close());

  it('lists the active committee members with their agencies to a committee member', async () => {
    const res = await t.http().get('/api/v1/committee-members').query({ limit: 200 }).set(p.as('committee.mies')).expect(200);
    const byId = new Map(res.body.items.map((m: { id: string; agency: { code: string } }) => [m.id, m]));
    for (const [user, agency] of [['committee.mdi', 'MDI'], ['committee.mies', 'MIES'], ['committee.sdh', 'SDH'], ['committee.mremh', 'MREMH']]) {
      expect(byId.get(p.ids[user])).toEqual({ id: p.ids[user], displayName: expect.any(String), agency: { code: agency, name: { es: expect.any(String), en: expect.any(String) } } });
    }
    expect(byId.has(p.ids['focal.msp'])).toBe(false);
  });

  it('is refused to other roles', async () => {
    for (const user of ['focal.msp', 'staff.casalinda']) {
      await t.http().get('/api/v1/committee-members').set(p.as(user)).expect(403);
    }
  });
});
