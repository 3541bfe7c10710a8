import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { bootApp, TestApp, waitFor } from '../support/app';
import { backgroundSettled } from '../support/settle';
import { readRun } from '../support/test-env';
import { Protocol } from '../referral/protocol';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(2048, 7), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(512, 1)]);

describe('Care plans and closure (issue 5)', () => {
  let t: TestApp;
  let p: Protocol;
  let ds: DataSource;
  let caseId: string;

  beforeAll(async () => {
    t = await bootApp();
    ds = t.app.get(DataSource);
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'staff.casalinda', 'staff.colibri',
      'focal.mies', 'focal.msp', 'auditor', 'admin');
    const casaLinda = await p.shelter('casa_linda');
    await t.http().post('/api/v1/users').set(p.as('admin')).send({
      username: 'staff.casalinda2', displayName: 'Segunda técnica, Casa Linda', password: 'Casa-Linda-2026!', agency: 'MIES', roles: ['shelter_staff'], shelterId: casaLinda.id,
    }).expect(201);
    p.tokens['staff.casalinda2'] = await t.login('staff.casalinda2', 'Casa-Linda-2026!');
    const review = await p.underReview('girl');
    caseId = review.caseId;
    const decision = await p.decide(review.reviewId, {
      decision: 'recognize', leadAgency: 'MIES',
      plan: { referrals: [{ serviceType: 'shelter', shelterId: casaLinda.id }, { serviceType: 'medical_care' }], requestVisa: true },
    }).expect(200);
    await t.http().post(`/api/v1/referrals/${decision.body.createdReferralIds[0]}/accept`).set(p.as('staff.casalinda')).send({}).expect(200);
  });
  afterAll(() => t.close());

  const goals = (description: string) => ({ goals: [{ area: 'psychology', description, targetDate: '2027-02-01', status: 'in_progress' }] });

  it('lets exactly one of two simultaneous saves of the same version win; the other gets 409 and the plan is the winner\'s', async () => {
    const empty = await t.http().get(`/api/v1/cases/${caseId}/care-plan`).set(p.as('staff.casalinda')).expect(200);
    expect(empty.headers.etag).toBe('"0"');
    await t.http().put(`/api/v1/cases/${caseId}/care-plan`).set(p.as('staff.casalinda')).send(goals('x')).expect(428);
    for (const version of ['"0"', '"1"']) {
      const [a, b] = await Promise.all([
        t.http().put(`/api/v1/cases/${caseId}/care-plan`).set(p.as('staff.casalinda')).set('If-Match', version).send(goals(`A ${version}`)),
        t.http().put(`/api/v1/cases/${caseId}/care-plan`).set(p.as('staff.casalinda2')).set('If-Match', version).send(goals(`B ${version}`)),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a : b;
      const loser = a.status === 200 ? b : a;
      expect(loser.body.code).toBe('version_conflict');
      const stored = await t.http().get(`/api/v1/cases/${caseId}/care-plan`).set(p.as('staff.casalinda')).expect(200);
      expect(stored.body.goals).toEqual(winner.body.goals);
      expect(stored.headers.etag).toBe(`"${Number(version.replace(/"/g, '')) + 1}"`);
    }
    const versions = await t.http().get(`/api/v1/cases/${caseId}/care-plan/versions`).set(p.as('focal.mies')).expect(200);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('keeps confidential notes from officers, non-lead focal points and auditors, and encrypted in the database', async () => {
    const secret = 'Revela abuso por un familiar; no compartir';
    await t.http().post(`/api/v1/cases/${caseId}/care-plan/notes`).set(p.as('staff.casalinda')).send({ area: 'psychology', text: secret, confidential: true }).expect(201);
    await t.http().post(`/api/v1/cases/${caseId}/care-plan/notes`).set(p.as('staff.casalinda')).send({ area: 'education', text: 'Retoma clases en enero', confidential: false }).expect(201);
    const lead = await t.http().get(`/api/v1/cases/${caseId}/care-plan`).set(p.as('focal.mies')).expect(200);
    expect(lead.body.notes.map((n: { text: string }) => n.text)).toContain(secret);
    const staff = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('staff.casalinda')).expect(200);
    expect(JSON.stringify(staff.body.carePlan)).toContain(secret);

    const officer = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('officer.rumichaca')).expect(200);
    expect(officer.body.carePlan).toBeUndefined();
    const msp = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('focal.msp')).expect(200);
    expect(msp.body.carePlan).toEqual({ goals: expect.any(Array) });
    const notLead = await t.http().get(`/api/v1/cases/${caseId}/care-plan`).set(p.as('focal.msp'));
    expect(notLead.status).toBe(422);
    expect(notLead.body.code).toBe('not_care_plan_writer');
    const committee = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.sdh')).expect(200);
    expect(JSON.stringify(committee.body)).not.toContain(secret);
    await t.http().get(`/api/v1/cases/${caseId}/care-plan`).set(p.as('auditor')).expect(403);
    for (const path of [`/api/v1/cases/${caseId}`, `/api/v1/cases/${caseId}/timeline`, '/api/v1/audit?limit=200']) {
      const res = await t.http().get(path).set(p.as('auditor')).expect(200);
      expect(JSON.stringify(res.body)).not.toContain('no compartir');
      expect(JSON.stringify(res.body)).not.toContain('Retoma clases');
    }
    await t.http().get(`/api/v1/cases/${caseId}/care-plan`).set(p.as('staff.colibri')).expect(404);
    const owner = new Client({ connectionString: readRun().databaseUrl });
    await owner.connect();
    try {
      const dump = JSON.stringify((await owner.query(`SELECT * FROM care_notes WHERE case_id = $1`, [caseId])).rows)
        + JSON.stringify((await owner.query(`SELECT * FROM care_plans WHERE case_id = $1`, [caseId])).rows);
      expect(dump).not.toContain('abuso');
      expect(dump).not.toContain('Retoma');
    } finally {
      await owner.end();
    }
  });

  it('puts exactly one care_plan_review task in the shelter\'s queue when the clock moves 30 days', async () => {
    const count = async () => (await p.inbox('staff.casalinda', 'care_plan_review')).filter((x) => x.caseId === caseId).length;
    expect(await count()).toBe(0);
    await t.http().post('/api/v1/_test/clock').set(p.as('admin')).send({ advanceBy: 'P30DT1H' }).expect(200);
    await waitFor(async () => (await count()) > 0, 15000);
    await backgroundSettled(t);
    expect(await count()).toBe(1);
    // The next update completes it.
    const current = await t.http().get(`/api/v1/cases/${caseId}/care-plan`).set(p.as('staff.casalinda')).expect(200);
    await t.http().put(`/api/v1/cases/${caseId}/care-plan`).set(p.as('staff.casalinda')).set('If-Match', current.headers.etag).send(goals('Revisado')).expect(200);
    expect(await count()).toBe(0);
  });

  it('round-trips a PDF byte for byte, refuses a renamed executable, and hides the file from another shelter', async () => {
    const up = await t.http().post(`/api/v1/cases/${caseId}/attachments`).set(p.as('staff.casalinda'))
      .field('part', 'care_plan').attach('file', PDF, { filename: 'informe.pdf', contentType: 'application/pdf' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ contentType: 'application/pdf', size: PDF.length, part: 'care_plan' });
    const down = await t.http().get(`/api/v1/attachments/${up.body.id}`).set(p.as('staff.casalinda')).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(down.body as Buffer, PDF)).toBe(0);
    const fake = await t.http().post(`/api/v1/cases/${caseId}/attachments`).set(p.as('staff.casalinda'))
      .attach('file', ELF, { filename: 'informe.pdf', contentType: 'application/pdf' });
    expect(fake.status).toBe(422);
    expect(fake.body.code).toBe('unsupported_attachment_type');
    await t.http().get(`/api/v1/attachments/${up.body.id}`).set(p.as('staff.colibri')).expect(404);
    await t.http().get(`/api/v1/attachments/${up.body.id}`).set(p.as('focal.msp')).expect(404);
    const [row] = await ds.query(`SELECT content_enc FROM attachments WHERE id = $1`, [up.body.id]);
    expect((row.content_enc as Buffer).includes(Buffer.from('%PDF-1.4'))).toBe(false);
    const log = await t.http().get('/api/v1/audit').query({ caseId, action: 'attachment.download' }).set(p.as('auditor')).expect(200);
    expect(log.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps UTF-8 attachment names intact and serves a name whose extension matches the type read from the content (issue 9, finding 7)', async () => {
    const download = (id: string) => t.http().get(`/api/v1/attachments/${id}`).set(p.as('staff.casalinda')).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);

    // A browser sends the UTF-8 bytes of the name as they are (WHATWG multipart/form-data).
    const nina = await t.http().post(`/api/v1/cases/${caseId}/attachments`).set(p.as('staff.casalinda'))
      .field('part', 'care_plan').attach('file', PNG, { filename: 'niña.png', contentType: 'image/png' });
    expect(nina.status).toBe(201);
    expect(nina.body.filename).toBe('niña.png');
    const ninaDown = await download(nina.body.id);
    expect(ninaDown.headers['content-type']).toBe('image/png');
    expect(ninaDown.headers['content-disposition']).toBe(`attachment; filename="nina.png"; filename*=UTF-8''ni%C3%B1a.png`);

    // RFC 5987 filename* in the part's header is decoded too.
    const boundary = 'ruta-boundary-7';
    const raw = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="part"\r\n\r\ncare_plan\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.png"; filename*=UTF-8''informe%20de%20Mar%C3%ADa.png\r\nContent-Type: image/png\r\n\r\n`),
      PNG, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const star = await t.http().post(`/api/v1/cases/${caseId}/attachments`).set(p.as('staff.casalinda'))
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(raw);
    expect(star.status).toBe(201);
    expect(star.body.filename).toBe('informe de María.png');

    // A PNG named .html is stored and served as .png, with the detected type.
    const html = await t.http().post(`/api/v1/cases/${caseId}/attachments`).set(p.as('staff.casalinda'))
      .field('part', 'care_plan').attach('file', PNG, { filename: 'informe.html', contentType: 'text/html' });
    expect(html.status).toBe(201);
    expect(html.body).toMatchObject({ filename: 'informe.png', contentType: 'image/png' });
    const htmlDown = await download(html.body.id);
    expect(htmlDown.headers['content-type']).toBe('image/png');
    expect(htmlDown.headers['content-disposition']).toBe(`attachment; filename="informe.png"; filename*=UTF-8''informe.png`);
    expect(Buffer.compare(htmlDown.body as Buffer, PNG)).toBe(0);

    // Control characters, path separators and overlong names never reach a header or a disk.
    const nasty = await t.http().post(`/api/v1/cases/${caseId}/attachments`).set(p.as('staff.casalinda'))
      .field('part', 'care_plan').attach('file', PDF, { filename: `..\\evil\u202Egnp.${'a'.repeat(300)}.exe`, contentType: 'application/pdf' });
    expect(nasty.status).toBe(201);
    expect(nasty.body.filename).toMatch(/^[^\\/\u0000-\u001f\u202e]+\.pdf$/);
    expect(nasty.body.filename.startsWith('.')).toBe(false);
    expect([...nasty.body.filename].length).toBeLessThanOrEqual(120);
    const nastyDown = await download(nasty.body.id);
    expect(nastyDown.headers['content-type']).toBe('application/pdf');
    expect(nastyDown.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''[A-Za-z0-9%!#$&+\-.^_`|~]+\.pdf$/);
  });

  it('closes only with approval by another agency, cancels open tasks, and reopens to the previous status', async () => {
    await t.http().post(`/api/v1/cases/${caseId}/closure-requests`).set(p.as('focal.msp')).send({ reason: 'returned_abroad' }).expect(422);
    // The girl is placed at Casa Linda: the discharge comes first (PRODUCT.md section 4).
    await t.http().post(`/api/v1/cases/${caseId}/closure-requests`).set(p.as('focal.mies')).send({ reason: 'returned_abroad' }).expect(409);
    const [placement] = await ds.query(`SELECT id FROM placements WHERE case_id = $1 AND status = 'active'`, [caseId]);
    await t.http().post(`/api/v1/placements/${placement.id}/discharge`).set(p.as('staff.casalinda'))
      .send({ reason: 'transferred' }).expect(200);
    const request = await t.http().post(`/api/v1/cases/${caseId}/closure-requests`).set(p.as('focal.mies')).send({ reason: 'returned_abroad' }).expect(201);
    expect((await p.inbox('committee.sdh', 'closure_approval')).some((x) => x.caseId === caseId)).toBe(true);
    const own = await t.http().post(`/api/v1/closure-requests/${request.body.id}/approve`).set(p.as('committee.mies'));
    expect(own.status).toBe(422);
    expect(own.body.code).toBe('closure_same_agency');
    expect(own.body.detail).toMatch(/otra institución/);
    const [{ open: openBefore }] = await ds.query(`SELECT count(*)::int AS open FROM tasks WHERE case_id = $1 AND status IN ('open', 'claimed')`, [caseId]);
    expect(openBefore).toBeGreaterThan(0);
    const approved = await t.http().post(`/api/v1/closure-requests/${request.body.id}/approve`).set(p.as('committee.sdh')).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', requestingAgency: { code: 'MIES' }, decidingAgency: { code: 'SDH', name: { es: 'Secretaría de Derechos Humanos', en: 'Secretariat for Human Rights' } } });
    const closed = await t.http().get(`/api/v1/cases/${caseId}`).set(p.as('committee.mdi')).expect(200);
    expect(closed.body.status).toBe('closed');
    // Every open task ends with the case, but the decision on the article 104 request, which goes on.
    const openAfter = await ds.query(`SELECT type FROM tasks WHERE case_id = $1 AND status IN ('open', 'claimed')`, [caseId]);
    expect(openAfter.map((r: { type: string }) => r.type)).toEqual(['visa_decision']);
    await t.http().post(`/api/v1/closure-requests/${request.body.id}/approve`).set(p.as('committee.mdi')).expect(409);
    const reopened = await t.http().post(`/api/v1/cases/${caseId}/reopen`).set(p.as('committee.mdi')).send({ reason: 'La víctima regresó al país' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'in_assistance', traffickingStatus: 'recognized_victim' });
    const timeline = await t.http().get(`/api/v1/cases/${caseId}/timeline`).set(p.as('committee.mdi')).expect(200);
    // The medical referral, never accepted, was cancelled with the closure.
    expect(timeline.body.items.slice(-3).map((i: { action: string }) => i.action)).toEqual(['approve_closure', 'referral_cancel', 'reopen']);
  });
});
