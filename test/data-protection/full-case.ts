import { TestApp } from '../support/app';
import { CHILD_ANSWERS, intake, POSSIBLE_ANSWERS } from '../identification/fixtures';
import { Protocol } from '../referral/protocol';

export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Guayaquil', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The demo users a full case needs. */
export const FULL_CASE_USERS = ['officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'staff.casalinda', 'focal.mies',
  'focal.msp', 'visa.mremh', 'auditor', 'admin'];

/** A small but real PDF that carries a marker string in its bytes. */
export function pdfWith(marker: string): Buffer {
  return Buffer.concat([Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Title (${marker}) >> endobj\n`), Buffer.alloc(1024, 7), Buffer.from('\n%%EOF\n')]);
}

export interface FullCase {
  caseId: string;
  /** Every value a person typed about the victim, as sent (never to be found in the database in plaintext). */
  secrets: Record<string, string>;
  /** The marker string inside the uploaded PDF's bytes. */
  attachmentMarker: string;
  attachmentIds: string[];
}

/**
 * Drives one case through every step that stores something about the person (PRODUCT.md sections 4-9):
 * intake with every identity field, a minor's consent, a screening note, the complaint, a decision with a
 * protection plan, a shelter admission, a care plan with notes and an attachment, a declined referral, a
 * granted visa, a discharge with a risk assessment, a follow-up check-in, a rejected then approved closure.
 * Ends closed.
 */
export async function fullyPopulatedClosedCase(t: TestApp, p: Protocol): Promise<FullCase> {
  const tag = `${Math.random().toString(36).slice(2, 8)}${Date.now().toString(36).slice(-4)}`;
  const s = {
    givenNames: `Yésica Tamia ${tag}`,
    familyNames: `Guamán Chimbo${tag}`,
    genderIdentity: `identidad-${tag}`,
    dateOfBirth: '2009-03-14',
    document: `PX${tag.toUpperCase()}77`,
    phone: `+593 98 ${String(Date.now()).slice(-7)}`,
    address: `Calle Olmedo ${tag} y Bolívar`,
    place: `Puente internacional, garita ${tag}`,
    circumstances: `Relato ${tag}: la tía la trajo con engaños para trabajar en un bar.`,
    screeningNote: `Nota de tamizaje ${tag}`,
    childView: `Quiere volver a la escuela ${tag}`,
    guardian: `Tutora Rosa ${tag}`,
    complaintNumber: `FGE-${tag}-2026`,
    rationale: `Análisis del equipo ${tag}`,
    goals: `Meta de autonomía ${tag}`,
    confidentialNote: `Nota confidencial ${tag}: revela abuso`,
    note: `Nota escolar ${tag}`,
    attachmentName: `informe-${tag}.pdf`,
    declineReason: `Sin cupo médico ${tag}`,
    visaNumber: `V104-${tag}`,
    risks: `Riesgo familiar ${tag}`,
    checkinNotes: `Seguimiento telefónico ${tag}`,
    newNeeds: `Necesita beca ${tag}`,
    rejection: `Falta informe final ${tag}`,
  };
  const marker = `MARKER-${tag}-PDF`;
  const base = intake({ givenNames: s.givenNames, familyNames: s.familyNames, dateOfBirth: s.dateOfBirth, document: s.document,
    answers: CHILD_ANSWERS.map((a, i) => (i === 0 ? { ...a, note: s.screeningNote } : a)) });
  const body = {
    ...base,
    victim: { ...base.victim, genderIdentity: s.genderIdentity, contact: { phone: s.phone, address: s.address } },
    identification: { ...base.identification, place: s.place, circumstances: s.circumstances },
    consent: { ...base.consent, childView: s.childView, guardian: { name: s.guardian, relationship: 'tía' } },
  };
  const created = await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(body).expect(201);
  const caseId: string = created.body.id;
  await t.http().post(`/api/v1/cases/${caseId}/complaint`).set(p.as('officer.rumichaca')).send({ notifiedOn: '2026-11-21', complaintNumber: s.complaintNumber }).expect(200);
  const review = await t.http().post(`/api/v1/cases/${caseId}/reviews`).set(p.as('committee.mdi')).expect(201);
  const casaLinda = await p.shelterId('casa_linda');
  const decision = await p.decide(review.body.id, {
    rationale: s.rationale, decision: 'recognize', leadAgency: 'MIES',
    plan: { referrals: [{ serviceType: 'shelter', shelterId: casaLinda }, { serviceType: 'medical_care' }], requestVisa: true },
  }).expect(200);
  const [shelterReferral] = decision.body.createdReferralIds as string[];
  const accepted = await t.http().post(`/api/v1/referrals/${shelterReferral}/accept`).set(p.as('staff.casalinda')).send({}).expect(200);

  await t.http().put(`/api/v1/cases/${caseId}/care-plan`).set(p.as('staff.casalinda')).set('If-Match', '"0"')
    .send({ goals: [{ area: 'psychology', description: s.goals, targetDate: '2027-02-01', status: 'in_progress' }] }).expect(200);
  await t.http().post(`/api/v1/cases/${caseId}/care-plan/notes`).set(p.as('staff.casalinda')).send({ area: 'psychology', text: s.confidentialNote, confidential: true }).expect(201);
  await t.http().post(`/api/v1/cases/${caseId}/care-plan/notes`).set(p.as('staff.casalinda')).send({ area: 'education', text: s.note, confidential: false }).expect(201);
  const attachmentIds: string[] = [];
  for (const part of ['care_plan', 'case']) {
    const user = part === 'case' ? 'committee.mdi' : 'staff.casalinda';
    const up = await t.http().post(`/api/v1/cases/${caseId}/attachments`).set(p.as(user)).field('part', part)
      .attach('file', pdfWith(marker), { filename: s.attachmentName, contentType: 'application/pdf' });
    if (up.status !== 201) throw new Error(`attachment ${part} -> ${up.status} ${JSON.stringify(up.body)}`);
    attachmentIds.push(up.body.id);
  }

  const msp = await t.http().get(`/api/v1/cases/${caseId}/referrals`).set(p.as('focal.msp')).expect(200);
  const medical = msp.body.items.find((r: { serviceType: string }) => r.serviceType === 'medical_care');
  await t.http().post(`/api/v1/referrals/${medical.id}/decline`).set(p.as('focal.msp')).send({ reason: s.declineReason }).expect(200);

  await t.http().post(`/api/v1/visa-requests/${decision.body.visaRequestId}/claim`).set(p.as('visa.mremh')).expect(200);
  await t.http().post(`/api/v1/visa-requests/${decision.body.visaRequestId}/grant`).set(p.as('visa.mremh'))
    .send({ visaNumber: s.visaNumber, issuedOn: today(), expiresOn: '2030-01-01' }).expect(200);

  await t.http().post(`/api/v1/placements/${accepted.body.placementId}/discharge`).set(p.as('staff.casalinda'))
    .send({ reason: 'family_reintegration', riskAssessment: { risks: s.risks, authoritiesContact: 'DINAPEN Tulcán', conclusion: 'Retorno seguro' } }).expect(200);

  const plan = await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.mies'))
    .send({ startDate: today(), checkins: [{ monthsAfterStart: 1, agency: 'MIES' }] }).expect(201);
  await t.http().post(`/api/v1/follow-up/checkins/${plan.body.checkins[0].id}/record`).set(p.as('focal.mies'))
    .send({ outcome: 'stable', notes: s.checkinNotes, newNeeds: s.newNeeds }).expect(200);

  const first = await t.http().post(`/api/v1/cases/${caseId}/closure-requests`).set(p.as('focal.mies')).send({ reason: 'follow_up_completed' }).expect(201);
  await t.http().post(`/api/v1/closure-requests/${first.body.id}/reject`).set(p.as('committee.sdh')).send({ reason: s.rejection }).expect(200);
  const second = await t.http().post(`/api/v1/cases/${caseId}/closure-requests`).set(p.as('focal.mies')).send({ reason: 'follow_up_completed' }).expect(201);
  await t.http().post(`/api/v1/closure-requests/${second.body.id}/approve`).set(p.as('committee.sdh')).expect(200);
  return { caseId, secrets: { ...s }, attachmentMarker: marker, attachmentIds };
}

/** A case the officer closes in screening (no indicators). */
export async function closedInScreening(t: TestApp, p: Protocol): Promise<string> {
  const created = await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(intake({ answers: POSSIBLE_ANSWERS })).expect(201);
  await t.http().post(`/api/v1/cases/${created.body.id}/close`).set(p.as('officer.rumichaca')).send({ reason: 'no_indicators' }).expect(200);
  return created.body.id;
}
