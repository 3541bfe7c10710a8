import { TestApp } from '../support/app';
import { intake, POSSIBLE_ANSWERS } from '../identification/fixtures';
import { Protocol, protocolApp } from '../referral/protocol';

/**
 * "The actions you may take now" (PRODUCT.md section 15) and the enforcement behind them: GET /cases/:id returns
 * `availableActions` computed from the workflow maps; a listed action is accepted, an unlisted one refused.
 */
describe('Available actions on a case, from the workflow maps', () => {
  let t: TestApp;
  let p: Protocol;

  beforeAll(async () => ({ t, p } = await protocolApp(
    ['officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'staff.casalinda', 'focal.sdh', 'focal.msp', 'visa.mremh', 'auditor'])));
  afterAll(() => t.close());

  /** `workflow action recordId`, sorted: the list compared as a whole. */
  const actionsOf = async (caseId: string, user: string): Promise<string[]> => {
    const res = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as(user)).expect(200);
    return (res.body.availableActions as { workflow: string; action: string; endpoint: string; recordId: string }[])
      .map((a) => `${a.workflow} ${a.action} ${a.recordId}`).sort();
  };

  it('in screening: the officer of the unit may re-screen, send to review or close; the auditor nothing', async () => {
    const created = await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(intake({ answers: POSSIBLE_ANSWERS })).expect(201);
    const caseId = created.body.id;
    expect(created.body.status).toBe('screening');
    expect(await actionsOf(caseId, 'officer.rumichaca')).toEqual([`case close_screening ${caseId}`, `case screen ${caseId}`, `case submit_for_review ${caseId}`]);
    expect(await actionsOf(caseId, 'auditor')).toEqual([]);
    const res = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('officer.rumichaca')).expect(200);
    expect(res.body.availableActions.find((a: { action: string }) => a.action === 'submit_for_review').endpoint).toBe('POST /cases/:id/submit-for-review');
  });

  it('under review: the committee may decide on the open review; the officer and the auditor nothing', async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    expect(await actionsOf(caseId, 'committee.mies')).toEqual([
      `review decide_not_recognize ${reviewId}`, `review decide_recognize ${reviewId}`, `review decide_request_information ${reviewId}`]);
    expect(await actionsOf(caseId, 'officer.rumichaca')).toEqual([]);
    expect(await actionsOf(caseId, 'auditor')).toEqual([]);
  });

  it('recognized: each party sees its own actions; listed ones are accepted and unlisted ones refused', async () => {
    const casaLinda = await p.shelterId('casa_linda');
    const { caseId, reviewId } = await p.underReview('girl');
    const decided = await p.decide(reviewId, {
      decision: 'recognize', leadAgency: 'SDH',
      plan: { referrals: [{ serviceType: 'shelter', shelterId: casaLinda }, { serviceType: 'medical_care', agency: 'MSP' }], requestVisa: true },
    });
    expect(decided.body).toEqual(expect.objectContaining({ status: 'decided' }));
    const [shelterRef, medicalRef] = decided.body.createdReferralIds as string[];
    const visaId = decided.body.visaRequestId as string;
    expect(visaId).toEqual(expect.any(String));

    // The lead agency (its focal point and its committee member): follow-up plan, cancel referrals, withdraw the visa, request closure.
    const lead = [`case create_follow_up_plan ${caseId}`, `closure_request request ${caseId}`, `referral cancel ${medicalRef}`, `referral cancel ${shelterRef}`,
      `visa_request withdraw ${visaId}`].sort();
    expect(await actionsOf(caseId, 'focal.sdh')).toEqual(lead);
    expect(await actionsOf(caseId, 'committee.sdh')).toEqual(lead);
    // A committee member of MDI (not the lead agency): cancel referrals; withdraw the visa request (MDI files and withdraws).
    expect(await actionsOf(caseId, 'committee.mdi')).toEqual([`referral cancel ${medicalRef}`, `referral cancel ${shelterRef}`, `visa_request withdraw ${visaId}`].sort());
    // The targets: the shelter's staff and the health ministry's focal point, each on their own referral only.
    expect(await actionsOf(caseId, 'staff.casalinda')).toEqual([`referral accept ${shelterRef}`, `referral decline ${shelterRef}`]);
    expect(await actionsOf(caseId, 'focal.msp')).toEqual([`referral accept ${medicalRef}`, `referral decline ${medicalRef}`]);
    expect(await actionsOf(caseId, 'visa.mremh')).toEqual([`visa_request claim ${visaId}`]);
    expect(await actionsOf(caseId, 'auditor')).toEqual([]);

    // Not listed, refused: a focal point with a stake who is not the lead agency cannot start the follow-up plan (the roles column is enforced).
    const notLead = await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.msp')).send({ startDate: '2026-01-31' }).expect(422);
    expect(notLead.body.code).toBe('not_lead_agency');
    // Not listed, refused: the lead agency sees every referral but is not the target of the health ministry's.
    const notTarget = await t.http().post(`/api/v1/referrals/${medicalRef}/accept`).set(p.as('focal.sdh')).send({}).expect(422);
    expect(notTarget.body.code).toBe('not_referral_target');
    // Not listed, refused: the health focal point cannot accept the shelter's referral.
    await t.http().post(`/api/v1/referrals/${shelterRef}/accept`).set(p.as('focal.msp')).send({}).expect(404);
    // Listed, accepted: the shelter accepts (admits), which moves the case to in_assistance; its list changes with it.
    await t.http().post(`/api/v1/referrals/${shelterRef}/accept`).set(p.as('staff.casalinda')).send({}).expect(200);
    const placed = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.sdh')).expect(200);
    expect(placed.body.status).toBe('in_assistance');
    const placementId = placed.body.referrals.find((r: { id: string }) => r.id === shelterRef).placementId;
    // The shelter now discharges (which completes its referral), on the placement.
    expect(await actionsOf(caseId, 'staff.casalinda')).toEqual([`referral discharge ${placementId}`]);
    // With someone placed, the shelter referral cannot be cancelled: it is no longer listed.
    expect(await actionsOf(caseId, 'committee.mdi')).toEqual([`referral cancel ${medicalRef}`, `visa_request withdraw ${visaId}`].sort());
    // Nor can the case be closed (PRODUCT.md section 4: discharge first): not listed, and refused.
    expect(await actionsOf(caseId, 'focal.sdh')).not.toContain(`closure_request request ${caseId}`);
    const placedRefusal = await t.http().post(`/api/v1/cases/${caseId}/closure-requests`).set(p.as('focal.sdh')).send({ reason: 'declined_assistance' }).expect(409);
    expect(placedRefusal.body.code).toBe('active_placement');
    await t.http().post(`/api/v1/placements/${placementId}/discharge`).set(p.as('staff.casalinda')).send({ reason: 'left_voluntarily' }).expect(200);
    expect(await actionsOf(caseId, 'focal.sdh')).toContain(`closure_request request ${caseId}`);

    // Listed, accepted: the lead agency requests the closure.
    const closure = await t.http().post(`/api/v1/cases/${caseId}/closure-requests`).set(p.as('focal.sdh')).send({ reason: 'declined_assistance' }).expect(201);
    // Only a committee member of another agency may decide it (MIES's: neither MDI nor the lead agency, so no visa withdrawal).
    expect(await actionsOf(caseId, 'committee.mies')).toEqual([
      `closure_request approve ${closure.body.id}`, `closure_request reject ${closure.body.id}`, `referral cancel ${medicalRef}`].sort());
    expect(await actionsOf(caseId, 'committee.sdh')).toEqual([`case create_follow_up_plan ${caseId}`, `referral cancel ${medicalRef}`, `visa_request withdraw ${visaId}`].sort());
    // Not listed, refused: the requesting agency's own committee member.
    await t.http().post(`/api/v1/closure-requests/${closure.body.id}/approve`).set(p.as('committee.sdh')).send({}).expect(422);
    // Listed, accepted: another agency's committee member approves, and the case is closed; reopening is now the committee's.
    await t.http().post(`/api/v1/closure-requests/${closure.body.id}/approve`).set(p.as('committee.mies')).send({}).expect(200);
    // Approving the closure cancels the referral not yet accepted (section 4): nothing is left to cancel.
    expect(await actionsOf(caseId, 'committee.mies')).toEqual([`case reopen ${caseId}`]);
    // The undecided visa request goes on: the lead agency may still withdraw it.
    expect(await actionsOf(caseId, 'focal.sdh')).toEqual([`visa_request withdraw ${visaId}`]);
    await t.http().post(`/api/v1/visa-requests/${visaId}/withdraw`).set(p.as('focal.sdh')).send({ reason: 'Caso cerrado' }).expect(200);
    expect(await actionsOf(caseId, 'focal.sdh')).toEqual([]);
  });

  /** A recognized case led by SDH with a shelter referral (accepted: someone is placed) and a medical one (accepted). */
  const placedAndServed = async () => {
    const casaLinda = await p.shelterId('casa_linda');
    const { caseId, reviewId } = await p.underReview('girl');
    const decided = await p.decide(reviewId, {
      decision: 'recognize', leadAgency: 'SDH',
      plan: { referrals: [{ serviceType: 'shelter', shelterId: casaLinda }, { serviceType: 'medical_care', agency: 'MSP' }], requestVisa: false },
    }).expect(200);
    const [shelterRef, medicalRef] = decided.body.createdReferralIds as string[];
    await t.http().post(`/api/v1/referrals/${shelterRef}/accept`).set(p.as('staff.casalinda')).send({}).expect(200);
    await t.http().post(`/api/v1/referrals/${medicalRef}/accept`).set(p.as('focal.msp')).send({}).expect(200);
    const detail = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.sdh')).expect(200);
    const placementId = detail.body.referrals.find((r: { id: string }) => r.id === shelterRef).placementId as string;
    return { caseId, shelterRef, medicalRef, placementId };
  };

  it('by the referral\'s kind: a shelter referral lists discharge, not complete, and no cancel while someone is placed; a service referral lists complete', async () => {
    const { caseId, medicalRef, placementId } = await placedAndServed();
    expect(await actionsOf(caseId, 'staff.casalinda')).toEqual([`referral discharge ${placementId}`]);
    expect(await actionsOf(caseId, 'focal.msp')).toEqual([`referral complete ${medicalRef}`]);
    const referralActions = async (user: string) => (await actionsOf(caseId, user)).filter((a) => a.startsWith('referral '));
    expect(await referralActions('committee.mdi')).toEqual([`referral cancel ${medicalRef}`]);
    expect(await referralActions('focal.sdh')).toEqual([`referral cancel ${medicalRef}`]);
  });

  it('by the referral\'s kind, refused at the moment of acting: completing a shelter referral (its discharge completes it), cancelling it while someone is placed', async () => {
    const { shelterRef, medicalRef } = await placedAndServed();
    const complete = await t.http().post(`/api/v1/referrals/${shelterRef}/complete`).set(p.as('staff.casalinda')).send({}).expect(422);
    expect(complete.body.code).toBe('shelter_referral_completed_by_discharge');
    const cancel = await t.http().post(`/api/v1/referrals/${shelterRef}/cancel`).set(p.as('committee.mdi')).send({ reason: 'Otra alternativa' }).expect(409);
    expect(cancel.body.code).toBe('active_placement');
    // A service referral is completed by its target.
    await t.http().post(`/api/v1/referrals/${medicalRef}/complete`).set(p.as('focal.msp')).send({ outcome: 'Atendida' }).expect(200);
  });

  it('in follow-up: the lead agency reschedules and records every check-in, the assigned agency records its own', async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [], requestVisa: false } }).expect(200);
    const plan = await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.sdh'))
      .send({ startDate: '2030-01-31', checkins: [{ monthsAfterStart: 1, agency: 'MSP' }, { monthsAfterStart: 3, agency: 'SDH' }] }).expect(201);
    // Far ahead of the clock: no check-in falls due during the test.
    const [msp, sdh] = plan.body.checkins.map((c: { id: string }) => c.id);
    expect(await actionsOf(caseId, 'focal.msp')).toEqual([`checkin record ${msp}`]);
    expect(await actionsOf(caseId, 'focal.sdh')).toEqual([`checkin record ${msp}`, `checkin record ${sdh}`, `checkin reschedule ${msp}`,
      `checkin reschedule ${sdh}`, `closure_request request ${caseId}`].sort());
    // Not listed, refused: MSP may not reschedule. Listed, accepted: MSP records its check-in, which leaves the list.
    await t.http().patch(`/api/v1/follow-up/checkins/${msp}`).set(p.as('focal.msp')).send({ dueDate: '2030-03-15' }).expect(422);
    await t.http().post(`/api/v1/follow-up/checkins/${msp}/record`).set(p.as('focal.msp')).send({ outcome: 'stable' }).expect(200);
    expect(await actionsOf(caseId, 'focal.msp')).toEqual([]);
    expect(await actionsOf(caseId, 'focal.sdh')).toEqual([`checkin record ${sdh}`, `checkin reschedule ${sdh}`, `closure_request request ${caseId}`].sort());
  });
});
