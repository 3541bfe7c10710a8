import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Test } from 'supertest';
import { pdfWith, today } from '../data-protection/full-case';
import { intake } from '../identification/fixtures';
import { Protocol } from '../referral/protocol';
import { bootApp, TestApp } from '../support/app';
import { readRun } from '../support/test-env';

/** What one audited read must leave in the log. */
interface AuditedRead {
  action: string;
  /** The demo user who reads. */
  as: string;
  request: () => Test;
  subjectType: string;
  /** The entity the entry is about (null: the read is not about one entity). */
  subjectId: () => string | null;
  /** The case the entry is filed under (null: a list or a report, not one case's). */
  caseId: () => string | null;
  /** For lists and searches: the details name the case they showed. */
  listsTheCase?: (details: Record<string, unknown>) => boolean;
}

const ROOT = join(__dirname, '..', '..');

/** Audit actions of reads named in the code: an action string ending in read, list, export, download, check or verify. */
function readActionsInCode(): string[] {
  const found = new Set<string>();
  for (const dir of ['libs', join('apps', 'api', 'src')]) {
    for (const file of readdirSync(join(ROOT, dir), { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts') || file.includes('__tests__')) continue;
      const text = readFileSync(join(ROOT, dir, file), 'utf8');
      for (const m of text.matchAll(/'([a-z_]+\.[a-z_]*(?:read|list|export|download|check|verify))'/g)) found.add(m[1]);
    }
  }
  return [...found].sort();
}

/*
 * PRODUCT.md section 11: every read of a case's content (lists and searches too), every export, every
 * attachment download and every read of the audit log and of reports leaves an audit entry. One row per
 * audited read of the API; each request must write exactly one entry of its action, by the caller, on the
 * entity it read, with the request's id.
 */
describe('Reads that reveal case content are audited, each exactly once (PRODUCT.md section 11)', () => {
  let t: TestApp;
  let p: Protocol;
  let owner: Client;
  const the = { caseId: '', caseNumber: '', document: '', planId: '', attachmentId: '' };

  const get = (path: string, query: Record<string, string | number> = {}) => () => t.http().get(`/api/v1${path}`).query(query);
  const listsIt = (key: string) => (details: Record<string, unknown>) => (details[key] as string[]).includes(the.caseId);

  const READS: AuditedRead[] = [
    { action: 'case.read', as: 'committee.mdi', request: () => get(`/cases/${the.caseId}`)(),
      subjectType: 'case', subjectId: () => the.caseId, caseId: () => the.caseId },
    { action: 'case.list_read', as: 'committee.mdi', request: () => get('/cases', { q: the.caseNumber })(),
      subjectType: 'case_list', subjectId: () => null, caseId: () => null, listsTheCase: listsIt('caseIds') },
    { action: 'case.timeline_read', as: 'committee.mdi', request: () => get(`/cases/${the.caseId}/timeline`)(),
      subjectType: 'case', subjectId: () => the.caseId, caseId: () => the.caseId },
    { action: 'case.export', as: 'committee.mdi', request: () => get(`/cases/${the.caseId}/export`)(),
      subjectType: 'case', subjectId: () => the.caseId, caseId: () => the.caseId },
    { action: 'case.duplicates_check', as: 'officer.rumichaca',
      request: () => t.http().post('/api/v1/cases/duplicates-check').send({ victim: intake({ document: the.document }).victim }),
      subjectType: 'case_search', subjectId: () => null, caseId: () => null, listsTheCase: listsIt('visibleCaseIds') },
    { action: 'care_plan.read', as: 'staff.casalinda', request: () => get(`/cases/${the.caseId}/care-plan`)(),
      subjectType: 'care_plan', subjectId: () => the.planId, caseId: () => the.caseId },
    { action: 'care_plan.versions_read', as: 'staff.casalinda', request: () => get(`/cases/${the.caseId}/care-plan/versions`)(),
      subjectType: 'care_plan', subjectId: () => the.planId, caseId: () => the.caseId },
    { action: 'attachment.download', as: 'staff.casalinda', request: () => get(`/attachments/${the.attachmentId}`)(),
      subjectType: 'attachment', subjectId: () => the.attachmentId, caseId: () => the.caseId },
    { action: 'follow_up.plan_read', as: 'focal.mies', request: () => get(`/cases/${the.caseId}/follow-up-plan`)(),
      subjectType: 'case', subjectId: () => the.caseId, caseId: () => the.caseId },
    { action: 'referral.case_list', as: 'committee.mdi', request: () => get(`/cases/${the.caseId}/referrals`)(),
      subjectType: 'case', subjectId: () => the.caseId, caseId: () => the.caseId },
    { action: 'referral.eligibility_read', as: 'committee.mdi', request: () => get(`/cases/${the.caseId}/shelters`)(),
      subjectType: 'case', subjectId: () => the.caseId, caseId: () => the.caseId },
    { action: 'review.list', as: 'committee.mdi', request: () => get(`/cases/${the.caseId}/reviews`)(),
      subjectType: 'case', subjectId: () => the.caseId, caseId: () => the.caseId },
    { action: 'referral.list', as: 'staff.casalinda', request: () => get('/referrals', { caseId: the.caseId })(),
      subjectType: 'referral_list', subjectId: () => null, caseId: () => null, listsTheCase: listsIt('caseIds') },
    { action: 'visa.list', as: 'visa.mremh', request: () => get('/visa-requests', { limit: 200 })(),
      subjectType: 'visa_request', subjectId: () => null, caseId: () => null, listsTheCase: listsIt('caseIds') },
    { action: 'audit.read', as: 'auditor', request: () => get('/audit', { caseId: the.caseId })(),
      subjectType: 'audit_log', subjectId: () => null, caseId: () => null },
    { action: 'audit.verify', as: 'auditor', request: () => get('/audit/verify')(),
      subjectType: 'audit_log', subjectId: () => null, caseId: () => null },
    { action: 'report.read', as: 'committee.mdi', request: () => get('/reports/summary', { from: '2026-01', to: '2026-06' })(),
      subjectType: 'report', subjectId: () => 'summary', caseId: () => null },
    { action: 'report.export', as: 'auditor', request: () => get('/reports/by-nationality.csv', { from: '2026-01', to: '2026-06' })(),
      subjectType: 'report', subjectId: () => 'by-nationality', caseId: () => null },
  ];

  beforeAll(async () => {
    t = await bootApp();
    owner = new Client({ connectionString: readRun().databaseUrl });
    await owner.connect();
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'officer.quito', 'committee.mdi', 'committee.mies', 'committee.sdh', 'staff.casalinda', 'focal.mies',
      'visa.mremh', 'auditor');

    // A case with every part a read can show: a shelter stay with its care plan and an attachment, a visa request, a follow-up plan.
    the.document = `AUD-${Date.now()}`;
    const { caseId, reviewId } = await p.underReview('girl', { document: the.document });
    the.caseId = caseId;
    the.caseNumber = (await owner.query(`SELECT case_number FROM cases WHERE id = $1`, [caseId])).rows[0].case_number;
    const decision = await p.decide(reviewId, {
      decision: 'recognize', leadAgency: 'MIES',
      plan: { referrals: [{ serviceType: 'shelter', shelterId: await p.shelterId('casa_linda') }], requestVisa: true },
    }).expect(200);
    await t.http().post(`/api/v1/referrals/${decision.body.createdReferralIds[0]}/accept`).set(p.as('staff.casalinda')).send({}).expect(200);
    await t.http().put(`/api/v1/cases/${caseId}/care-plan`).set(p.as('staff.casalinda')).set('If-Match', '"0"')
      .send({ goals: [{ area: 'education', description: 'Volver a clases', status: 'in_progress' }] }).expect(200);
    const upload = await t.http().post(`/api/v1/cases/${caseId}/attachments`).set(p.as('staff.casalinda')).field('part', 'care_plan')
      .attach('file', pdfWith('audit-reads'), { filename: 'informe.pdf', contentType: 'application/pdf' }).expect(201);
    the.attachmentId = upload.body.id;
    the.planId = (await owner.query(`SELECT id FROM care_plans WHERE case_id = $1 AND placement_id IS NOT NULL`, [caseId])).rows[0].id;
    await t.http().post(`/api/v1/cases/${caseId}/follow-up-plan`).set(p.as('focal.mies')).send({ startDate: today() }).expect(201);
  });
  afterAll(async () => {
    await owner?.end();
    await t?.close();
  });

  it('has a row for every audited read the code names (a new one gets a row here)', () => {
    const inCode = readActionsInCode();
    expect(inCode).toContain('case.timeline_read');
    expect(READS.map((r) => r.action).sort()).toEqual(inCode);
  });

  for (const read of READS) {
    it(`${read.action}: one entry by ${read.as}, on the ${read.subjectType} it read`, async () => {
      const [{ mark }] = (await owner.query(`SELECT coalesce(max(id), 0)::text AS mark FROM audit_entries`)).rows;
      const res = await read.request().set(p.as(read.as));
      expect(res.status).toBe(200);
      const { rows } = await owner.query(`SELECT actor_id::text, actor_username, outcome, subject_type, subject_id, case_id, request_id, details
        FROM audit_entries WHERE id > $1 AND action = $2 ORDER BY id`, [mark, read.action]);
      expect(rows.map(({ details, ...entry }) => ({ ...entry, ...(read.listsTheCase ? { listsTheCase: read.listsTheCase(details) } : {}) }))).toEqual([{
        actor_id: p.ids[read.as], actor_username: read.as, outcome: 'success', subject_type: read.subjectType, subject_id: read.subjectId(), case_id: read.caseId(),
        request_id: res.headers['x-request-id'], ...(read.listsTheCase ? { listsTheCase: true } : {}),
      }]);
    });
  }

  it('report.export: the PDF summary is one export entry too', async () => {
    const [{ mark }] = (await owner.query(`SELECT coalesce(max(id), 0)::text AS mark FROM audit_entries`)).rows;
    const res = await t.http().get('/api/v1/reports/summary.pdf').query({ from: '2026-01', to: '2026-06' }).set(p.as('auditor')).expect(200);
    const { rows } = await owner.query(`SELECT actor_username, subject_id, request_id, details->>'format' AS format FROM audit_entries
      WHERE id > $1 AND action = 'report.export'`, [mark]);
    expect(rows).toEqual([{ actor_username: 'auditor', subject_id: 'summary', request_id: res.headers['x-request-id'], format: 'pdf' }]);
  });

  it('case.duplicates_check: names the cases it showed and counts those it hid', async () => {
    const body = intake({ document: `DUP-${Date.now()}` });
    const created = await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(body).expect(201);
    const [{ mark }] = (await owner.query(`SELECT coalesce(max(id), 0)::text AS mark FROM audit_entries`)).rows;
    const own = await t.http().post('/api/v1/cases/duplicates-check').set(p.as('officer.rumichaca')).send({ victim: body.victim }).expect(200);
    expect(own.body.matches).toEqual([expect.objectContaining({ caseId: created.body.id, match: 'document' })]);
    const other = await t.http().post('/api/v1/cases/duplicates-check').set(p.as('officer.quito')).send({ victim: body.victim }).expect(200);
    expect(other.body.matches).toEqual([{ match: 'document', visible: false }]);
    const { rows } = await owner.query(`SELECT actor_username, details FROM audit_entries WHERE id > $1 AND action = 'case.duplicates_check' ORDER BY id`, [mark]);
    expect(rows).toEqual([
      { actor_username: 'officer.rumichaca', details: { visibleCaseIds: [created.body.id], hiddenMatches: 0 } },
      { actor_username: 'officer.quito', details: { visibleCaseIds: [], hiddenMatches: 1 } },
    ]);
  });
});
