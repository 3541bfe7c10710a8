import { DataSource } from 'typeorm';
import { bootApp, TestApp } from '../support/app';
import { intake } from '../identification/fixtures';
import { Protocol } from './protocol';

describe('Case analysis and referral (issue 4)', () => {
  let t: TestApp;
  let p: Protocol;
  let ds: DataSource;

  beforeAll(async () => {
    t = await bootApp();
    ds = t.app.get(DataSource);
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'committee.mremh', 'staff.casalinda',
      'staff.colibri', 'focal.msp', 'focal.mies', 'focal.mdi', 'visa.mremh', 'focal.fge', 'auditor', 'admin');
  });
  afterAll(() => t.close());

  it('takes a Venezuelan girl from intake to a Casa Linda placement, medical care and a visa request', async () => {
    const casaLinda = await p.shelter('casa_linda');
    const { caseId, reviewId } = await p.underReview('girl');
    const decision = await p.decide(reviewId, {
      decision: 'recognize', leadAgency: 'MIES',
      plan: { referrals: [{ serviceType: 'shelter', shelterId: casaLinda.id }, { serviceType: 'medical_care', agency: 'MSP' }], requestVisa: true },
    });
    expect(decision.status).toBe(200);
    expect(decision.body).toMatchObject({ status: 'decided', decision: 'recognize', caseId, members: [...p.quorum()].sort() });
    expect(decision.body.createdReferralIds).toHaveLength(2);
    expect(decision.body.visaRequestId).toEqual(expect.any(String));

    const recognized = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.sdh')).expect(200);
    expect(recognized.body).toMatchObject({ status: 'recognized', traffickingStatus: 'recognized_victim', leadAgency: { code: 'MIES' } });

    const staffTasks = await p.inbox('staff.casalinda', 'referral_response');
    const shelterTask = staffTasks.find((x) => x.caseId === caseId)!;
    expect(shelterTask).toBeDefined();
    const refs = await t.http().get(`/api/v1/cases/${caseId}/referrals`).set(p.as('staff.casalinda')).expect(200);
    expect(refs.body.items).toHaveLength(1);
    const shelterRef = refs.body.items[0];
    expect(shelterRef).toMatchObject({ serviceType: 'shelter', shelterId: casaLinda.id, status: 'pending', agency: { code: 'MIES' } });

    const before = await p.shelter('casa_linda');
    expect(before.pendingReferrals).toBe(casaLinda.pendingReferrals + 1);
    const accepted = await t.http().post(`/api/v1/referrals/${shelterRef.id}/accept`).set(p.as('staff.casalinda')).send({ accompanyingChildren: 1 }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', placementId: expect.any(String) });
    const [placement] = await ds.query(`SELECT status, accompanying_children FROM placements WHERE id = $1`, [accepted.body.placementId]);
    expect(placement).toEqual({ status: 'active', accompanying_children: 1 });
    const after = await p.shelter('casa_linda');
    expect(after.occupied).toBe(before.occupied + 1);
    expect(after.free).toBe(before.free - 1);
    expect(after.pendingReferrals).toBe(before.pendingReferrals - 1);
    expect((await p.inbox('staff.casalinda', 'referral_response')).some((x) => x.id === shelterTask.id)).toBe(false);
    const inAssistance = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('staff.casalinda')).expect(200);
    expect(inAssistance.body.status).toBe('in_assistance');
    expect(inAssistance.body.referrals.map((r: { serviceType: string }) => r.serviceType)).toEqual(['shelter']);

    const mspRefs = await t.http().get(`/api/v1/cases/${caseId}/referrals`).set(p.as('focal.msp')).expect(200);
    const medical = mspRefs.body.items.find((r: { serviceType: string }) => r.serviceType === 'medical_care');
    expect(mspRefs.body.items).toHaveLength(1);
    await t.http().post(`/api/v1/referrals/${medical.id}/complete`).set(p.as('focal.msp')).send({}).expect(409);
    await t.http().post(`/api/v1/referrals/${medical.id}/accept`).set(p.as('focal.msp')).send({}).expect(200);
    const done = await t.http().post(`/api/v1/referrals/${medical.id}/complete`).set(p.as('focal.msp')).send({ outcome: 'Valoración médica realizada' }).expect(200);
    expect(done.body.status).toBe('completed');
    // Casa Linda does not see the MSP referral at all; the lead agency sees it but is not its target.
    await t.http().post(`/api/v1/referrals/${medical.id}/accept`).set(p.as('staff.casalinda')).send({}).expect(404);
    const notTarget = await t.http().post(`/api/v1/referrals/${medical.id}/decline`).set(p.as('focal.mies')).send({ reason: 'x' });
    expect(notTarget.status).toBe(422);
    expect(notTarget.body.code).toBe('not_referral_target');

    const visaTasks = await p.inbox('visa.mremh', 'visa_decision');
    expect(visaTasks.some((x) => x.caseId === caseId && x.details.visaRequestId === decision.body.visaRequestId)).toBe(true);
    const visaView = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('visa.mremh')).expect(200);
    expect(Object.keys(visaView.body.victim).sort()).toEqual(['documents', 'familyNames', 'givenNames', 'nationality']);
    expect(visaView.body.visa).toMatchObject({ status: 'requested' });

    // Discharge to the family needs a risk assessment, then frees the place and completes the referral.
    await t.http().post(`/api/v1/placements/${accepted.body.placementId}/discharge`).set(p.as('staff.casalinda')).send({ reason: 'family_reintegration' }).expect(422);
    await t.http().post(`/api/v1/placements/${accepted.body.placementId}/discharge`).set(p.as('staff.colibri')).send({ reason: 'other' }).expect(404);
    await t.http().post(`/api/v1/placements/${accepted.body.placementId}/discharge`).set(p.as('staff.casalinda')).send({
      reason: 'family_reintegration', riskAssessment: { risks: 'Ninguno identificado', authoritiesContact: 'DINAPEN', conclusion: 'Favorable' },
    }).expect(200);
    expect((await p.shelter('casa_linda')).occupied).toBe(before.occupied);
    const [ref] = await ds.query(`SELECT status FROM referrals WHERE id = $1`, [shelterRef.id]);
    expect(ref.status).toBe('completed');
  });

  it('refuses a decision without quorum (422) and changes nothing', async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    const res = await t.http().post(`/api/v1/reviews/${reviewId}/decision`).set(p.as('committee.mdi')).send({
      decision: 'recognize', rationale: 'x', members: [p.ids['committee.mdi'], p.ids['committee.mies'], p.ids['focal.msp']], leadAgency: 'MDI',
      plan: { referrals: [{ serviceType: 'medical_care' }], requestVisa: false },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('quorum_not_met');
    const twoAgencies = await p.decide(reviewId, { decision: 'not_recognize', members: [p.ids['committee.mdi'], p.ids['committee.mies']] });
    expect(twoAgencies.status).toBe(422);
    const view = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.mdi')).expect(200);
    // Version 2: intake (1) and opening the review (2); the refused decisions left no trace.
    expect(view.body).toMatchObject({ status: 'under_review', leadAgency: null, referrals: [], version: 2 });
    const [review] = await ds.query(`SELECT status FROM reviews WHERE id = $1`, [reviewId]);
    expect(review.status).toBe('open');
  });

  it('refuses a plan with an ineligible shelter (422 naming the part) and stores nothing of the decision', async () => {
    const casaLinda = await p.shelterId('casa_linda');
    const { caseId, reviewId } = await p.underReview('adult_woman');
    const [{ count: refsBefore }] = await ds.query(`SELECT count(*)::int AS count FROM referrals`);
    const [{ count: tasksBefore }] = await ds.query(`SELECT count(*)::int AS count FROM tasks WHERE case_id = $1`, [caseId]);
    const res = await p.decide(reviewId, {
      decision: 'recognize', leadAgency: 'SDH',
      plan: { referrals: [{ serviceType: 'psychological_care' }, { serviceType: 'shelter', shelterId: casaLinda }], requestVisa: true },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('not_eligible');
    expect(res.body.errors[0].path).toBe('plan.referrals[1].shelterId');
    expect(res.body.failedRules.map((f: { rule: string }) => f.rule)).toEqual(['age']);
    const [{ count: refsAfter }] = await ds.query(`SELECT count(*)::int AS count FROM referrals`);
    expect(refsAfter).toBe(refsBefore);
    const [{ count: tasksAfter }] = await ds.query(`SELECT count(*)::int AS count FROM tasks WHERE case_id = $1`, [caseId]);
    expect(tasksAfter).toBe(tasksBefore);
    const [{ count: visas }] = await ds.query(`SELECT count(*)::int AS count FROM visa_requests WHERE case_id = $1`, [caseId]);
    expect(visas).toBe(0);
    const view = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.mdi')).expect(200);
    expect(view.body).toMatchObject({ status: 'under_review', traffickingStatus: 'presumed_victim', leadAgency: null });
    // The same review can then be decided correctly.
    const ok = await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [{ serviceType: 'psychological_care' }], requestVisa: false } });
    expect(ok.status).toBe(200);
  });

  it('refuses a visa for an Ecuadorian in the plan', async () => {
    const { reviewId } = await p.underReview('adult_woman', { nationality: ['ECU'] });
    const res = await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [], requestVisa: true } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('visa_not_applicable');
  });

  it('requires consent to refer an adult, unless a committee member records a justified override (audited)', async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman', { consentReferral: false });
    const refused = await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [{ serviceType: 'legal_advice' }], requestVisa: false } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('consent_required');
    const ok = await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [], requestVisa: false } });
    expect(ok.status).toBe(200);
    const noConsent = await t.http().post(`/api/v1/cases/${caseId}/referrals`).set(p.as('committee.mdi')).send({ serviceType: 'legal_advice', reason: 'Asesoría' });
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.code).toBe('consent_required');
    const shortJustification = await t.http().post(`/api/v1/cases/${caseId}/referrals`).set(p.as('committee.mdi')).send({ serviceType: 'legal_advice', reason: 'Asesoría', consentOverride: { justification: 'corto' } });
    expect(shortJustification.status).toBe(400);
    const overridden = await t.http().post(`/api/v1/cases/${caseId}/referrals`).set(p.as('committee.mdi'))
      .send({ serviceType: 'legal_advice', reason: 'Asesoría', consentOverride: { justification: 'Riesgo inminente para la vida de la víctima' } });
    expect(overridden.status).toBe(201);
    expect(overridden.body).toMatchObject({ serviceType: 'legal_advice', agency: { code: 'DPE' }, status: 'pending' });
    const log = await t.http().get('/api/v1/audit').query({ caseId, action: 'referral.create_with_consent_override' }).set(p.as('auditor')).expect(200);
    expect(log.body.items).toHaveLength(1);
  });

  it('refuses to refer an adult man to Casa Linda, naming the failed eligibility rules', async () => {
    const casaLinda = await p.shelterId('casa_linda');
    const { caseId, reviewId } = await p.underReview('adult_man');
    await p.decide(reviewId, { decision: 'recognize', leadAgency: 'MDI', plan: { referrals: [], requestVisa: false } }).expect(200);
    const res = await t.http().post(`/api/v1/cases/${caseId}/referrals`).set(p.as('committee.mdi')).send({ serviceType: 'shelter', shelterId: casaLinda, reason: 'Acogida' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('not_eligible');
    expect(res.body.failedRules.map((f: { rule: string }) => f.rule)).toEqual(['sex', 'age', 'exploitation_form']);
    expect(res.body.failedRules[0].message).toEqual({ es: expect.stringContaining('female'), en: expect.stringContaining('female') });
  });

  it('hides a case referred only to Alas de Colibrí from Casa Linda staff and from MIES when MIES does not lead', async () => {
    const colibri = await p.shelterId('alas_de_colibri');
    const { caseId, reviewId } = await p.underReview('girl_no_child_protection');
    await p.decide(reviewId, { decision: 'recognize', leadAgency: 'MDI', plan: { referrals: [{ serviceType: 'shelter', shelterId: colibri }], requestVisa: false } }).expect(200);
    await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('staff.colibri')).expect(200);
    await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('staff.casalinda')).expect(404);
    await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('focal.mies')).expect(404);
    await t.http().get(`/api/v1/cases/${caseId}/referrals`).set(p.as('staff.casalinda')).expect(404);
    const mdi = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('focal.mdi')).expect(200);
    expect(mdi.body.referrals).toHaveLength(1);
  });

  it('moves the lead agency\'s open tasks when the lead changes, and records the complaint to FGE', async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [{ serviceType: 'medical_care' }], requestVisa: false } }).expect(200);
    const refs = (await t.http().get(`/api/v1/cases/${caseId}/referrals`).set(p.as('committee.mdi')).expect(200)).body.items;
    await t.http().post(`/api/v1/referrals/${refs[0].id}/decline`).set(p.as('focal.msp')).send({ reason: 'Sin cupo' }).expect(200);
    const sdhLogin = await t.login('focal.sdh');
    const alternatives = await t.http().get('/api/v1/tasks').query({ type: 'find_alternative', caseId }).set({ Authorization: `Bearer ${sdhLogin}` }).expect(200);
    expect(alternatives.body.items).toHaveLength(1);
    const changed = await t.http().post(`/api/v1/cases/${caseId}/lead-agency`).set(p.as('committee.mies')).send({ agency: 'MIES', reason: 'Competencia' }).expect(200);
    expect(changed.body.leadAgency.code).toBe('MIES');
    const moved = await t.http().get('/api/v1/tasks').query({ type: 'find_alternative', caseId }).set(p.as('focal.mies')).expect(200);
    expect(moved.body.items).toHaveLength(1);
    const gone = await t.http().get('/api/v1/tasks').query({ type: 'find_alternative', caseId }).set({ Authorization: `Bearer ${sdhLogin}` }).expect(200);
    expect(gone.body.items).toHaveLength(0);

    const complaint = await t.http().post(`/api/v1/cases/${caseId}/complaint`).set(p.as('focal.mies')).send({ notifiedOn: '2026-11-21', complaintNumber: 'FGE-0099' }).expect(200);
    expect(complaint.headers.etag).toBeDefined();
    const fge = await p.inbox('focal.fge', 'complaint_acknowledgement');
    expect(fge.some((x) => x.caseId === caseId)).toBe(true);
    await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('focal.fge')).expect(200);
  });

  it('reopens a case not recognized to identified, with a new case review for the committee', async () => {
    const { caseId, reviewId } = await p.underReview('adult_woman');
    await p.decide(reviewId, { decision: 'not_recognize' }).expect(200);
    const closed = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.mdi')).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', traffickingStatus: 'not_a_victim' });
    const reopened = await t.http().post(`/api/v1/cases/${caseId}/reopen`).set(p.as('committee.sdh')).send({ reason: 'Nueva información de FGE' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'identified', traffickingStatus: 'presumed_victim' });
    expect((await p.inbox('committee.mies', 'case_review')).some((x) => x.caseId === caseId)).toBe(true);
    await t.http().post(`/api/v1/cases/${caseId}/reopen`).set(p.as('committee.sdh')).send({ reason: 'otra vez' }).expect(409);
  });

  it('replays a decision with the same Idempotency-Key and refuses a second decision', async () => {
    const { reviewId } = await p.underReview('adult_woman');
    const body = { decision: 'request_information', rationale: 'Falta información', members: p.quorum() };
    const first = await t.http().post(`/api/v1/reviews/${reviewId}/decision`).set(p.as('committee.mdi')).set('Idempotency-Key', `d-${reviewId}`).send(body).expect(200);
    const again = await t.http().post(`/api/v1/reviews/${reviewId}/decision`).set(p.as('committee.mdi')).set('Idempotency-Key', `d-${reviewId}`).send(body).expect(200);
    expect(again.body).toEqual(first.body);
    await t.http().post(`/api/v1/reviews/${reviewId}/decision`).set(p.as('committee.mdi')).send(body).expect(409);
    const tasks = await p.inbox('officer.rumichaca', 'complete_screening');
    expect(tasks.some((x) => x.caseId === first.body.caseId)).toBe(true);
  });
});

describe('The timeline follows the field matrix', () => {
  let t: TestApp;
  let p: Protocol;

  beforeAll(async () => {
    t = await bootApp();
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'staff.casalinda', 'staff.colibri', 'focal.msp', 'focal.mies', 'auditor');
  });
  afterAll(() => t.close());

  it('shows each viewer only the history of the parts they may see', async () => {
    const casaLinda = await p.shelterId('casa_linda');
    const { caseId, reviewId } = await p.underReview('girl');
    await p.decide(reviewId, {
      decision: 'recognize', leadAgency: 'MIES',
      plan: { referrals: [{ serviceType: 'shelter', shelterId: casaLinda }, { serviceType: 'medical_care' }, { serviceType: 'legal_advice' }], requestVisa: true },
    }).expect(200);
    // A list item is exactly the detail the same viewer gets (the list prefetches, the detail does not), less the
    // detail's availableActions (what this user may do now: the case page's, not the list's).
    const number = (await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.mdi')).expect(200)).body.caseNumber;
    for (const user of ['committee.mdi', 'focal.mies', 'focal.msp', 'staff.casalinda', 'auditor', 'officer.rumichaca']) {
      const detail = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as(user)).expect(200);
      const list = await t.http().get('/api/v1/cases').query({ q: number }).set(p.as(user)).expect(200);
      const { availableActions, ...record } = detail.body;
      expect(availableActions).toEqual(expect.any(Array));
      expect({ user, item: list.body.items[0] }).toEqual({ user, item: record });
    }
    const actions = async (user: string) => {
      const res = await t.http().get(`/api/v1/cases/${caseId}/timeline`).set(p.as(user)).expect(200);
      return res.body.items as { action: string; details: Record<string, unknown> }[];
    };
    const officer = await actions('officer.rumichaca');
    expect(officer.map((i) => i.action)).not.toContain('referral_created');
    expect(officer.map((i) => i.action)).not.toContain('visa_requested');
    expect(officer.map((i) => i.action)).toContain('decide_recognize');
    const msp = (await actions('focal.msp')).filter((i) => i.action === 'referral_created');
    expect(msp.map((i) => i.details.agency)).toEqual(['MSP']);
    const staff = (await actions('staff.casalinda')).filter((i) => i.action === 'referral_created');
    expect(staff.map((i) => i.details.shelterId)).toEqual([casaLinda]);
    const lead = (await actions('focal.mies')).filter((i) => i.action === 'referral_created');
    expect(lead).toHaveLength(3);
    const auditor = await actions('auditor');
    expect(auditor.every((i) => (i as unknown as { actor: { id: null } }).actor.id === null)).toBe(true);
    for (const entry of auditor.filter((i) => i.action === 'referral_created')) {
      expect(Object.keys(entry.details)).toEqual(['serviceType']);
    }
    expect(JSON.stringify(auditor)).not.toContain(casaLinda);
  });
});
