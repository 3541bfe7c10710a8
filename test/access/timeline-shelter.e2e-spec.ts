import { ACTION_PART } from '../../libs/case/src/access/timeline-policy';
import { Protocol } from '../referral/protocol';
import { bootApp, TestApp } from '../support/app';

/*
 * Finding 2 of the security review: the timeline told who houses the victim. A shelter's acceptance moved
 * the case to assistance in an entry everyone saw, with the referral's id and an actor from the shelter's
 * operator; focal points without the shelter saw care-plan entries by its staff (PRODUCT.md section 2).
 */
describe('The timeline never tells who houses the victim to someone who may not see that shelter', () => {
  let t: TestApp;
  let p: Protocol;
  let caseId: string;
  let colibri: string;
  let shelterReferral: string;

  const timeline = async (user: string) => {
    const res = await t.http().get(`/api/v1/cases/${caseId}/timeline`).query({ limit: 200 }).set(p.as(user)).expect(200);
    return res.body.items as { action: string; actor: { roles: string[]; agency: { code: string } | null }; details: Record<string, unknown> }[];
  };

  beforeAll(async () => {
    t = await bootApp();
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'staff.colibri', 'staff.casalinda',
      'focal.mies', 'focal.msp', 'focal.fge', 'visa.mremh', 'auditor');
    colibri = await p.shelterId('alas_de_colibri');
    const review = await p.underReview('girl');
    caseId = review.caseId;
    const decision = await p.decide(review.reviewId, {
      decision: 'recognize', leadAgency: 'MIES',
      plan: { referrals: [{ serviceType: 'shelter', shelterId: colibri }, { serviceType: 'medical_care', agency: 'MSP' }], requestVisa: true },
    }).expect(200);
    shelterReferral = decision.body.createdReferralIds[0];
    await t.http().post(`/api/v1/referrals/${shelterReferral}/accept`).set(p.as('staff.colibri')).send({}).expect(200);
    const plan = await t.http().get(`/api/v1/cases/${caseId}/care-plan`).set(p.as('staff.colibri')).expect(200);
    await t.http().put(`/api/v1/cases/${caseId}/care-plan`).set(p.as('staff.colibri')).set('If-Match', plan.headers.etag)
      .send({ goals: [{ area: 'psychology', description: 'Acompañamiento', targetDate: '2027-02-01', status: 'in_progress' }] }).expect(200);
    // The complaint gives FGE a stake (its acknowledgement task) without any referral.
    await t.http().post(`/api/v1/cases/${caseId}/complaint`).set(p.as('committee.mdi')).send({ notifiedOn: '2026-11-30' }).expect(200);
  });
  afterAll(() => t.close());

  const revealsNoShelter = (items: Awaited<ReturnType<typeof timeline>>) => {
    const text = JSON.stringify(items);
    expect(text).not.toContain(shelterReferral);
    expect(text).not.toContain(colibri);
    expect(text).not.toContain('"FAC"');
    for (const i of items) if (i.actor.roles.includes('shelter_staff')) expect(i.actor.agency).toBeNull();
  };

  it.each(['officer.rumichaca', 'visa.mremh', 'focal.msp', 'focal.fge'])('%s sees no shelter entry, id or operator', async (user) => {
    const items = await timeline(user);
    expect(items.length).toBeGreaterThan(0);
    const actions = items.map((i) => i.action);
    expect(actions).not.toContain('first_referral_accepted');
    expect(actions).not.toContain('referral_accept');
    expect(actions).not.toContain('care_plan_saved');
    revealsNoShelter(items);
  });

  it('the auditor sees the referrals\' types and statuses, never the shelter, its id or its operator', async () => {
    const items = await timeline('auditor');
    const accepted = items.find((i) => i.action === 'first_referral_accepted')!;
    expect(accepted).toMatchObject({ actor: { roles: ['shelter_staff'], agency: null } });
    expect(items.map((i) => i.action)).not.toContain('care_plan_saved');
    revealsNoShelter(items);
  });

  it('Casa Linda staff, on a case they have no referral for, get 404', async () => {
    await t.http().get(`/api/v1/cases/${caseId}/timeline`).set(p.as('staff.casalinda')).expect(404);
  });

  it.each(['committee.mdi', 'focal.mies', 'staff.colibri'])('%s, who may see the shelter, sees the acceptance and the care plan with their actor', async (user) => {
    const items = await timeline(user);
    const accepted = items.find((i) => i.action === 'first_referral_accepted')!;
    expect(accepted).toBeDefined();
    expect(accepted.actor.agency?.code).toBe('FAC');
    expect(items.find((i) => i.action === 'care_plan_saved')?.actor.agency?.code).toBe('FAC');
  });

  it('every action the protocol wrote is mapped to a part (an unmapped one would be hidden from everyone)', async () => {
    const committee = await timeline('committee.mdi');
    const lead = await timeline('focal.mies');
    for (const i of [...committee, ...lead]) expect(Object.keys(ACTION_PART)).toContain(i.action);
  });
});
