import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { FieldCipher } from '@ruta/core';
import { bootApp, TestApp } from '../support/app';
import { readRun } from '../support/test-env';
import { CHILD_ANSWERS, intake, POSSIBLE_ANSWERS } from './fixtures';

describe('Identification: intake, screening and the first tasks (issue 3)', () => {
  let t: TestApp;
  let ds: DataSource;
  const tok: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tok[user]}` });

  beforeAll(async () => {
    t = await bootApp();
    ds = t.app.get(DataSource);
    for (const u of ['officer.rumichaca', 'officer.quito', 'committee.mdi', 'committee.sdh', 'focal.mies', 'focal.msp', 'focal.mdi',
      'staff.casalinda', 'auditor', 'admin', 'visa.mremh']) tok[u] = await t.login(u);
  });
  afterAll(() => t.close());

  const inbox = async (user: string, type: string) =>
    (await t.http().get('/api/v1/tasks').query({ type, limit: 200 }).set(as(user)).expect(200)).body.items as { caseId: string; dueAt: string; priority: string; createdAt: string }[];

  it('an adult with a positive screening is identified, and a case review reaches the committee', async () => {
    const res = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(intake());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'identified', traffickingStatus: 'presumed_victim', isMinor: false, leadAgency: null, version: 1 });
    expect(res.body.caseNumber).toMatch(/^RUTA-2026-\d{6}$/);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body.screening).toMatchObject({ outcome: 'presumed_victim', catalogVersion: 'v1', childRule: false, childProtectionImmediate: false });
    const exploitation = res.body.screening.dimensions.find((d: { dimension: string }) => d.dimension === 'exploitation');
    expect(exploitation.counted.map((c: { indicator: string }) => c.indicator).sort()).toEqual(['ex_excessive_hours', 'ex_forced_sexual_services']);
    expect(res.body.duplicates).toEqual([]);
    const reviews = await inbox('committee.sdh', 'case_review');
    const task = reviews.find((r) => r.caseId === res.body.id)!;
    expect(task).toBeDefined();
    const hours = (new Date(task.dueAt).getTime() - new Date(task.createdAt).getTime()) / 3600_000;
    expect(hours).toBeCloseTo(72, 0);
    // The committee may now read the case.
    await t.http().get(`/api/v1/cases/${res.body.id}`).set(as('committee.mdi')).expect(200);
  });

  it('a 15-year-old gives an immediate child protection task to MIES focal points, due within 24 hours', async () => {
    const body = intake({ dateOfBirth: '2011-06-01', answers: CHILD_ANSWERS }) as ReturnType<typeof intake> & { consent: Record<string, unknown> };
    body.consent.childView = 'Quiere estar con su hermana y volver a estudiar';
    body.consent.guardian = { name: 'Rosa Quiñónez', relationship: 'tía' };
    const res = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(body);
    expect(res.status).toBe(201);
    expect(res.body.consent).toMatchObject({ childView: 'Quiere estar con su hermana y volver a estudiar', guardian: { name: 'Rosa Quiñónez', relationship: 'tía' } });
    const audited = await t.http().get(`/api/v1/cases/${res.body.id}`).set(as('auditor')).expect(200);
    expect(audited.body.consent).toEqual({ dataProcessing: true, referral: true, shareWith: ['MIES'], withdrawn: false, recordedAt: expect.any(String) });
    const [stored] = await ds.query(`SELECT child_view_enc, guardian_enc FROM case_consents WHERE case_id = $1`, [res.body.id]);
    expect(JSON.stringify(stored)).not.toMatch(/hermana|Rosa/);
    expect(res.body).toMatchObject({ isMinor: true, status: 'identified', screening: { childRule: true, childProtectionImmediate: true } });
    const tasks = await inbox('focal.mies', 'child_protection_immediate');
    const task = tasks.find((x) => x.caseId === res.body.id)!;
    expect(task.priority).toBe('urgent');
    // createdAt is the database's commit-side clock, a few milliseconds before the due time was computed.
    expect(new Date(task.dueAt).getTime() - new Date(task.createdAt).getTime()).toBeLessThanOrEqual(24 * 3600_000 + 1000);
    const review = (await inbox('committee.mdi', 'case_review')).find((x) => x.caseId === res.body.id)!;
    expect(new Date(review.dueAt).getTime() - new Date(review.createdAt).getTime()).toBeLessThanOrEqual(24 * 3600_000 + 1000);
    // MIES now has a stake: its focal point may read the case, without the screening.
    const seen = await t.http().get(`/api/v1/cases/${res.body.id}`).set(as('focal.mies')).expect(200);
    expect(seen.body.victim.givenNames).toBeDefined();
    expect(seen.body.screening).toBeUndefined();
    expect((await inbox('focal.msp', 'child_protection_immediate')).some((x) => x.caseId === res.body.id)).toBe(false);
  });

  it('a possible victim stays in screening with a task for the identifying unit; submit-for-review identifies it', async () => {
    const res = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(intake({ answers: POSSIBLE_ANSWERS }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'screening', traffickingStatus: 'possible_victim', screening: { outcome: 'possible_victim' } });
    expect((await inbox('officer.rumichaca', 'complete_screening')).some((x) => x.caseId === res.body.id)).toBe(true);
    expect((await inbox('officer.quito', 'complete_screening')).some((x) => x.caseId === res.body.id)).toBe(false);
    // Not yet sent to review: the committee does not see it.
    await t.http().get(`/api/v1/cases/${res.body.id}`).set(as('committee.mdi')).expect(404);
    await t.http().post(`/api/v1/cases/${res.body.id}/submit-for-review`).set(as('officer.quito')).send({ rationale: 'x' }).expect(404);
    const submitted = await t.http().post(`/api/v1/cases/${res.body.id}/submit-for-review`).set(as('officer.rumichaca'))
      .send({ rationale: 'Relato coherente con captación engañosa; falta completar entrevista.' }).expect(200);
    expect(submitted.body).toMatchObject({ status: 'identified', traffickingStatus: 'presumed_victim', version: 2 });
    expect((await inbox('officer.rumichaca', 'complete_screening')).some((x) => x.caseId === res.body.id)).toBe(false);
    expect((await inbox('committee.mdi', 'case_review')).some((x) => x.caseId === res.body.id)).toBe(true);
    await t.http().post(`/api/v1/cases/${res.body.id}/submit-for-review`).set(as('officer.rumichaca')).send({ rationale: 'again' }).expect(409);
    const timeline = await t.http().get(`/api/v1/cases/${res.body.id}/timeline`).set(as('officer.rumichaca')).expect(200);
    expect(timeline.body.items.map((i: { action: string }) => i.action)).toEqual(['intake', 'submit_for_review']);
    // Free text in the history opens only for the committee and the lead agency.
    expect(timeline.body.items[1].details.rationale).toBeUndefined();
    expect(JSON.stringify(timeline.body)).not.toContain('rationaleEnc');
    const committeeView = await t.http().get(`/api/v1/cases/${res.body.id}/timeline`).set(as('committee.mdi')).expect(200);
    expect(committeeView.body.items[1].details.rationale).toMatch(/captación engañosa/);
    const page = await t.http().get(`/api/v1/cases/${res.body.id}/timeline`).query({ limit: 1 }).set(as('officer.rumichaca')).expect(200);
    expect(page.body.items.map((i: { action: string }) => i.action)).toEqual(['intake']);
    const next = await t.http().get(`/api/v1/cases/${res.body.id}/timeline`).query({ limit: 1, cursor: page.body.nextCursor }).set(as('officer.rumichaca')).expect(200);
    expect(next.body.items.map((i: { action: string }) => i.action)).toEqual(['submit_for_review']);
  });

  it('stores no plaintext names or document numbers, and a value sealed with one key does not open with another', async () => {
    const body = intake({ givenNames: 'Yuliana Estefanía', familyNames: 'Castañeda Rivas', document: 'P-99887766' });
    const res = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(body).expect(201);
    const owner = new Client({ connectionString: readRun().databaseUrl });
    await owner.connect();
    try {
      const dump = JSON.stringify((await owner.query(`SELECT c.*, d.* FROM cases c JOIN case_documents d ON d.case_id = c.id WHERE c.id = $1`, [res.body.id])).rows);
      for (const secret of ['Yuliana', 'Castañeda', 'P-99887766', '99887766', '+593 99', 'retenía su pasaporte']) expect(dump).not.toContain(secret);
      const screenings = JSON.stringify((await owner.query(`SELECT * FROM case_screenings WHERE case_id = $1`, [res.body.id])).rows);
      expect(screenings).not.toContain('relato de la víctima');
      const idem = JSON.stringify((await owner.query(`SELECT * FROM idempotency_keys`)).rows);
      expect(idem).not.toContain('Yuliana');
      const [{ given_names_enc: sealed }] = (await owner.query(`SELECT given_names_enc FROM cases WHERE id = $1`, [res.body.id])).rows;
      const cipher = t.app.get(FieldCipher);
      expect(cipher.decrypt(sealed)).toBe('Yuliana Estefanía');
      // Same ciphertext, relabelled with the other configured key id: authentication must fail.
      const relabelled = sealed.replace(/^enc1\.t1\./, 'enc1.t0.');
      expect(() => cipher.decrypt(relabelled)).toThrow(/authentication failed/);
    } finally {
      await owner.end();
    }
  });

  it('replays an intake with the same Idempotency-Key, and refuses the key with another body', async () => {
    const body = intake();
    const key = `intake-${Date.now()}`;
    const first = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).set('Idempotency-Key', key).send(body).expect(201);
    const [{ count: before }] = await ds.query(`SELECT count(*)::int AS count FROM cases`);
    const again = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).set('Idempotency-Key', key).send(body).expect(201);
    expect(again.body).toEqual(first.body);
    const [{ count: after }] = await ds.query(`SELECT count(*)::int AS count FROM cases`);
    expect(after).toBe(before);
    const other = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).set('Idempotency-Key', key).send(intake()).expect(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    const [{ count: end }] = await ds.query(`SELECT count(*)::int AS count FROM cases`);
    expect(end).toBe(before);
  });

  it('hides a case from an officer of another unit, shelter staff and a focal point without a stake; the auditor sees only allowed keys', async () => {
    const res = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(intake()).expect(201);
    for (const user of ['officer.quito', 'staff.casalinda', 'focal.msp']) {
      const r = await t.http().get(`/api/v1/cases/${res.body.id}`).set(as(user));
      expect({ user, status: r.status }).toEqual({ user, status: 404 });
      expect(r.body.code).toBe('case_not_found');
    }
    await t.http().get(`/api/v1/cases/${res.body.id}`).set(as('admin')).expect(403);
    const audited = await t.http().get(`/api/v1/cases/${res.body.id}`).set(as('auditor')).expect(200);
    expect(Object.keys(audited.body).sort()).toEqual(['availableActions', 'caseNumber', 'consent', 'followUp', 'id', 'identification', 'isMinor', 'leadAgency',
      'referrals', 'reviews', 'screening', 'status', 'traffickingStatus', 'version', 'victim', 'visa'].sort());
    expect(audited.body.availableActions).toEqual([]);
    expect(audited.body.victim).toEqual({ sex: 'female', ageGroup: '18-29', nationality: ['VEN'] });
    expect(audited.body.screening).toEqual({ outcome: 'presumed_victim' });
    expect(audited.body.identification.circumstances).toBeUndefined();
    expect(JSON.stringify(audited.body)).not.toMatch(/María José|Pérez|V-\d+|\+593/);
    const log = await t.http().get('/api/v1/audit').query({ caseId: res.body.id, action: 'case.read' }).set(as('auditor')).expect(200);
    expect(log.body.items.map((i: { actor: { username: string } }) => i.actor.username)).toEqual(expect.arrayContaining(['auditor']));
    const refused = await t.http().get('/api/v1/audit').query({ action: 'access.refused', actor: 'officer.quito', caseId: res.body.id }).set(as('auditor')).expect(200);
    expect(refused.body.items[0]).toMatchObject({ outcome: 'denied', subject: { type: 'case', id: res.body.id, caseId: res.body.id }, details: { code: 'case_not_found', status: 404 } });
    const staffRefused = await t.http().get('/api/v1/audit').query({ action: 'access.refused', actor: 'staff.casalinda', caseId: res.body.id }).set(as('auditor')).expect(200);
    expect(staffRefused.body.items).toHaveLength(1);
    // Officers list only their unit's cases.
    const quitoList = await t.http().get('/api/v1/cases').query({ limit: 200 }).set(as('officer.quito')).expect(200);
    expect(quitoList.body.items.some((c: { id: string }) => c.id === res.body.id)).toBe(false);
    const mine = await t.http().get('/api/v1/cases').query({ q: res.body.caseNumber }).set(as('officer.rumichaca')).expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
  });

  it('reports a duplicate document to an officer who may see the first case, and only {match, visible:false} to one who may not', async () => {
    const document = `DUP-${Date.now()}`;
    const first = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(intake({ document })).expect(201);
    const same = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(intake({ document: document.toLowerCase().replace('-', ' ') })).expect(201);
    expect(same.body.duplicates).toEqual([{ caseId: first.body.id, caseNumber: first.body.caseNumber, match: 'document' }]);
    const check = await t.http().post('/api/v1/cases/duplicates-check').set(as('officer.rumichaca')).send({ victim: { documents: [{ type: 'passport', number: document, issuingCountry: 'VEN' }] } }).expect(200);
    expect(check.body.matches).toHaveLength(2);

    const before = (await inbox('committee.mdi', 'possible_duplicate')).length;
    const other = await t.http().post('/api/v1/cases').set(as('officer.quito')).send(intake({ document })).expect(201);
    expect(other.body.duplicates).toEqual([{ match: 'document', visible: false }, { match: 'document', visible: false }]);
    expect(JSON.stringify(other.body.duplicates)).not.toContain(first.body.id);
    const tasks = await inbox('committee.mdi', 'possible_duplicate');
    expect(tasks.length).toBe(before + 1);
    expect(tasks.some((x) => x.caseId === other.body.id)).toBe(true);
  });

  it('lets the committee link confirmed duplicates, in both directions', async () => {
    const document = `LNK-${Date.now()}`;
    const a = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(intake({ document })).expect(201);
    const b = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(intake({ document })).expect(201);
    await t.http().post(`/api/v1/cases/${a.body.id}/links`).set(as('officer.rumichaca')).send({ otherCaseId: b.body.id, relation: 'duplicate' }).expect(403);
    await t.http().post(`/api/v1/cases/${a.body.id}/links`).set(as('committee.mdi')).send({ otherCaseId: a.body.id, relation: 'duplicate' }).expect(422);
    const linked = await t.http().post(`/api/v1/cases/${a.body.id}/links`).set(as('committee.mdi')).send({ otherCaseId: b.body.id, relation: 'duplicate' }).expect(200);
    expect(linked.body.links).toEqual([{ otherCaseId: b.body.id, relation: 'duplicate' }]);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM case_links WHERE case_id = $1 AND other_case_id = $2`, [b.body.id, a.body.id]);
    expect(count).toBe(1);
    const officerTimeline = await t.http().get(`/api/v1/cases/${a.body.id}/timeline`).set(as('officer.rumichaca')).expect(200);
    expect(JSON.stringify(officerTimeline.body)).not.toContain(b.body.id);
    const committeeTimeline = await t.http().get(`/api/v1/cases/${a.body.id}/timeline`).set(as('committee.mdi')).expect(200);
    expect(committeeTimeline.body.items.some((i: { action: string }) => i.action === 'link')).toBe(true);
  });

  it('exports a data subject\'s whole record for the committee, audited', async () => {
    const res = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(intake({ givenNames: 'Exportada' })).expect(201);
    await t.http().post(`/api/v1/cases/${res.body.id}/consent`).set(as('officer.rumichaca')).send({ withdrawn: true }).expect(200);
    await t.http().get(`/api/v1/cases/${res.body.id}/export`).set(as('officer.rumichaca')).expect(403);
    const exported = await t.http().get(`/api/v1/cases/${res.body.id}/export`).set(as('committee.mdi')).expect(200);
    expect(exported.headers['content-disposition']).toContain(res.body.caseNumber);
    expect(exported.body.case).toMatchObject({ id: res.body.id, victim: { givenNames: 'Exportada' } });
    expect(exported.body.consents.map((c: { withdrawn: boolean }) => c.withdrawn)).toEqual([false, true]);
    expect(exported.body.history.map((h: { action: string }) => h.action)).toEqual(['intake', 'consent_withdrawn']);
    const log = await t.http().get('/api/v1/audit').query({ caseId: res.body.id, action: 'case.export' }).set(as('auditor')).expect(200);
    expect(log.body.items).toHaveLength(1);
  });

  it('matches names and date of birth whatever the accents, case and spacing', async () => {
    await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(intake({ givenNames: 'Ana  Lucía', familyNames: 'Núñez-Peña', dateOfBirth: '2000-01-02' })).expect(201);
    const check = await t.http().post('/api/v1/cases/duplicates-check').set(as('officer.rumichaca'))
      .send({ victim: { givenNames: 'ANA lucia', familyNames: 'nunez pena', dateOfBirth: '2000-01-02' } }).expect(200);
    expect(check.body.matches).toEqual([expect.objectContaining({ match: 'name_dob' })]);
  });

  it('refuses bad intakes with problems and creates nothing', async () => {
    const [{ count: before }] = await ds.query(`SELECT count(*)::int AS count FROM cases`);
    const unknownIndicator = intake({ answers: [{ indicator: 'xx_not_real', answer: 'yes' }] });
    const r1 = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(unknownIndicator).expect(422);
    expect(r1.body.errors[0].path).toBe('screening.answers[0].indicator');
    const future = intake();
    future.identification.date = '2999-01-01';
    await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(future).expect(422);
    const noAge = intake() as { victim: Record<string, unknown> };
    delete noAge.victim.dateOfBirth;
    await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(noAge).expect(422);
    const badType = intake() as { victim: Record<string, unknown> };
    badType.victim.nationality = 'VEN';
    await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(badType).expect(400);
    const unknownBorder = intake();
    unknownBorder.identification.borderPoint = 'atlantis';
    await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(unknownBorder).expect(422);
    const extra = { ...intake(), leadAgency: 'MDI' };
    await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(extra).expect(400);
    await t.http().post('/api/v1/cases').set(as('committee.mdi')).send(intake()).expect(403);
    const [{ count: after }] = await ds.query(`SELECT count(*)::int AS count FROM cases`);
    expect(after).toBe(before);
  });

  it('updates victim fields only with the current version (If-Match), and closes a case in screening', async () => {
    const res = await t.http().post('/api/v1/cases').set(as('officer.rumichaca')).send(intake({ answers: POSSIBLE_ANSWERS })).expect(201);
    const id = res.body.id;
    await t.http().patch(`/api/v1/cases/${id}`).set(as('officer.rumichaca')).send({ victim: { languages: ['spa', 'eng'] } }).expect(428);
    const ok = await t.http().patch(`/api/v1/cases/${id}`).set(as('officer.rumichaca')).set('If-Match', '"1"').send({ victim: { languages: ['spa', 'eng'], dateOfBirth: '2010-02-02' } });
    expect({ status: ok.status, body: ok.status === 200 ? null : ok.body }).toEqual({ status: 200, body: null });
    expect(ok.body).toMatchObject({ version: 2, isMinor: true, victim: { languages: ['spa', 'eng'], dateOfBirth: '2010-02-02' } });
    expect(ok.headers.etag).toBe('"2"');
    const stale = await t.http().patch(`/api/v1/cases/${id}`).set(as('officer.rumichaca')).set('If-Match', '"1"').send({ victim: { languages: ['spa'] } }).expect(409);
    expect(stale.body.code).toBe('version_conflict');
    await t.http().patch(`/api/v1/cases/${id}`).set(as('officer.quito')).set('If-Match', '"2"').send({ victim: { languages: ['spa'] } }).expect(404);
    const consent = await t.http().post(`/api/v1/cases/${id}/consent`).set(as('officer.rumichaca')).send({ withdrawn: true }).expect(200);
    expect(consent.body.consent).toMatchObject({ withdrawn: true, referral: false });
    const [{ count: consents }] = await ds.query(`SELECT count(*)::int AS count FROM case_consents WHERE case_id = $1`, [id]);
    expect(consents).toBe(2);
    const closed = await t.http().post(`/api/v1/cases/${id}/close`).set(as('officer.rumichaca')).send({ reason: 'no_indicators' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', traffickingStatus: 'not_a_victim' });
    expect((await inbox('officer.rumichaca', 'complete_screening')).some((x) => x.caseId === id)).toBe(false);
    await t.http().post(`/api/v1/cases/${id}/close`).set(as('officer.rumichaca')).send({ reason: 'no_indicators' }).expect(409);
  });

  it('answers the catalog and the dry-run screening', async () => {
    const catalog = await t.http().get('/api/v1/catalog/indicators').set(as('officer.quito')).expect(200);
    expect(catalog.body.version).toBe('v1');
    expect(catalog.body.indicators.find((i: { code: string }) => i.code === 'dr_deceived_about_education'))
      .toMatchObject({ dimension: 'deceptive_recruitment', strength: { adult: 'weak', child: 'strong' }, label: { es: expect.any(String), en: expect.any(String) } });
    await t.http().get('/api/v1/catalog/indicators').query({ version: 'v9' }).set(as('officer.quito')).expect(404);
    const [{ count: before }] = await ds.query(`SELECT count(*)::int AS count FROM case_screenings`);
    const dry = await t.http().post('/api/v1/screenings/evaluate').set(as('officer.quito')).send({ catalogVersion: 'v1', isMinor: true, answers: CHILD_ANSWERS }).expect(200);
    expect(dry.body).toMatchObject({ outcome: 'presumed_victim', childRule: true, childProtectionImmediate: true });
    expect(typeof dry.body.dimensions[0].reason).toBe('string');
    const english = await t.http().post('/api/v1/screenings/evaluate').set(as('officer.quito')).set('Accept-Language', 'en')
      .send({ catalogVersion: 'v1', isMinor: true, answers: CHILD_ANSWERS }).expect(200);
    expect(english.body.dimensions[0].reason).not.toBe(dry.body.dimensions[0].reason);
    const [{ count: after }] = await ds.query(`SELECT count(*)::int AS count FROM case_screenings`);
    expect(after).toBe(before);
    await t.http().post('/api/v1/screenings/evaluate').set(as('staff.casalinda')).send({ catalogVersion: 'v1', isMinor: true, answers: [] }).expect(403);
  });
});

describe('Idempotency-Key under concurrency', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await bootApp();
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('creates one case for five simultaneous intakes with the same key: the others replay it or get 409 while it runs', async () => {
    const token = await t.login('officer.rumichaca');
    const body = intake();
    const key = `parallel-${Date.now()}`;
    const answers = await Promise.all(Array.from({ length: 5 }, () =>
      t.http().post('/api/v1/cases').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send(body)));
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([201, 409]).toContain(a.status);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.code).toBe('idempotency_in_progress');
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM case_history WHERE client_tx_id = $1`, [key]);
    expect(count).toBe(1);
  });
});
