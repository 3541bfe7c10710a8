import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ReportsRefreshLoop } from '@ruta/reports';
import { CHILD_ANSWERS, intake } from '../identification/fixtures';
import { Protocol } from '../referral/protocol';
import { bootApp, freshDatabase, TestApp, waitFor } from '../support/app';
import { Attacker, Published } from './attacker';

/**
 * Issue 11, PRODUCT.md section 11: reports with small-cell suppression, on a database of its own that
 * holds exactly the cases built here. 40 cases in March and April 2026 with known counts: 3 identified in
 * Pichincha and 5 in El Oro, 3 exploited in begging and 5 in labour, 2 people over 60; 3 of them are
 * recognized by the committee with a medical referral (2 accepted, 1 declined for lack of capacity).
 */
interface Table { name: string; keys: string[]; labels: string[]; series: { key: string; data: Published[]; total?: Published }[] }
interface Summary { k: number; totalCases: Published; refreshedAt: string | null; reports: Table[] }

const PERIOD = { from: '2026-03', to: '2026-04' };
const K = 5;

function province(i: number): string {
  return i < 3 ? '17' : i < 8 ? '07' : i < 20 ? '21' : '04';
}
function form(i: number): string {
  return i >= 20 && i < 23 ? 'begging' : i >= 23 && i < 28 ? 'labour_exploitation' : 'sexual_exploitation';
}
function nationality(i: number): string {
  return i >= 8 && i < 18 ? 'COL' : i >= 30 && i < 35 ? 'PER' : 'VEN';
}
function birth(i: number): string {
  return i < 6 ? '2012-05-01' : i < 26 ? '1999-01-01' : i < 38 ? '1980-01-01' : '1950-01-01';
}

describe('Reports (issue 11)', () => {
  let t: TestApp;
  let p: Protocol;
  let ds: DataSource;
  let summary: Summary;
  const caseIds: string[] = [];

  const get = (path: string, user = 'auditor', lang = 'es') =>
    t.http().get(`/api/v1/reports/${path}`).query(PERIOD).set(p.as(user)).set('Accept-Language', lang);

  beforeAll(async () => {
    t = await bootApp(await freshDatabase('reports'));
    ds = t.app.get(DataSource);
    p = new Protocol(t);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'focal.msp', 'staff.casalinda', 'auditor', 'admin');
    for (let i = 0; i < 40; i += 1) {
      const body = intake({
        sex: i % 2 === 0 ? 'female' : 'male', dateOfBirth: birth(i), nationality: [nationality(i)],
        ...(i < 6 ? { answers: CHILD_ANSWERS } : {}),
      });
      const identification = body.identification as Record<string, unknown>;
      identification.date = i < 25 ? `2026-03-${String(10 + (i % 15)).padStart(2, '0')}` : `2026-04-${String(1 + (i % 15)).padStart(2, '0')}`;
      identification.province = province(i);
      identification.exploitationForms = [form(i)];
      if (province(i) !== '04') delete identification.borderPoint;
      const res = await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(body);
      expect(res.status).toBe(201);
      caseIds.push(res.body.id);
    }
    // Three cases recognized with medical care; MSP accepts two referrals and declines one for lack of capacity.
    for (const i of [30, 31, 32]) {
      const view = await t.http().get(`/api/v1/cases/${caseIds[i]}`).set(p.as('officer.rumichaca')).expect(200);
      if (view.body.status === 'screening') {
        await t.http().post(`/api/v1/cases/${caseIds[i]}/submit-for-review`).set(p.as('officer.rumichaca')).send({ rationale: 'Indicios suficientes' }).expect(200);
      }
      const review = await t.http().post(`/api/v1/cases/${caseIds[i]}/reviews`).set(p.as('committee.mdi')).expect(201);
      const decided = await p.decide(review.body.id, { decision: 'recognize', leadAgency: 'MIES', plan: { referrals: [{ serviceType: 'medical_care', agency: 'MSP' }], requestVisa: false } });
      expect(decided.status).toBe(200);
      const [referralId] = decided.body.createdReferralIds as string[];
      if (i === 32) {
        await t.http().post(`/api/v1/referrals/${referralId}/decline`).set(p.as('focal.msp')).send({ reason: 'Sin turnos este mes', reasonCode: 'no_capacity' }).expect(200);
      } else {
        await t.http().post(`/api/v1/referrals/${referralId}/accept`).set(p.as('focal.msp')).send({}).expect(200);
      }
    }
    await t.app.get(ReportsRefreshLoop).refreshNow();
    const res = await get('summary');
    expect(res.status).toBe(200);
    summary = res.body;
  });
  afterAll(() => t.close());

  const table = (name: string) => summary.reports.find((r) => r.name === name)!;
  const cell = (name: string, key: string, series = 0) => {
    const r = table(name);
    return r.series[series].data[r.keys.indexOf(key)];
  };

  /** The truth, counted from the cases themselves with plain SQL (not from the summaries). */
  async function truth(sql: string): Promise<Map<string, number>> {
    const rows: { key: string; n: number }[] = await ds.query(sql, ['2026-03-01', '2026-05-01']);
    return new Map(rows.map((r) => [r.key, Number(r.n)]));
  }
  const inPeriod = `identification_date >= $1 AND identification_date < $2`;

  it('publishes every unsuppressed count exactly and hides every count from 1 to 4', async () => {
    const truths: Record<string, Map<string, number>> = {
      'by-sex': await truth(`SELECT sex AS key, count(*) AS n FROM cases WHERE ${inPeriod} GROUP BY 1`),
      'by-age-group': await truth(`SELECT age_group AS key, count(*) AS n FROM cases WHERE ${inPeriod} GROUP BY 1`),
      'by-province': await truth(`SELECT province_code AS key, count(*) AS n FROM cases WHERE ${inPeriod} GROUP BY 1`),
      'by-nationality': await truth(`SELECT nationality[1] AS key, count(*) AS n FROM cases WHERE ${inPeriod} GROUP BY 1`),
      'by-agency': await truth(`SELECT identifying_agency AS key, count(*) AS n FROM cases WHERE ${inPeriod} GROUP BY 1`),
      'by-trafficking-status': await truth(`SELECT trafficking_status AS key, count(*) AS n FROM cases WHERE ${inPeriod} GROUP BY 1`),
      'by-exploitation-form': await truth(`SELECT f AS key, count(*) AS n FROM cases, unnest(exploitation_forms) f WHERE ${inPeriod} GROUP BY 1`),
      'by-month': await truth(`SELECT to_char(identification_date, 'YYYY-MM') AS key, count(*) AS n FROM cases WHERE ${inPeriod} GROUP BY 1`),
      'by-route': await truth(`SELECT province_code || '|' || nationality[1] AS key, count(*) AS n FROM cases WHERE ${inPeriod} GROUP BY 1`),
      reviews: await truth(`SELECT r.decision AS key, count(*) AS n FROM reviews r JOIN cases c ON c.id = r.case_id
        WHERE r.status = 'decided' AND c.identification_date >= $1 AND c.identification_date < $2 GROUP BY 1`),
      'referrals-declined': await truth(`SELECT f.service_type || '|' || f.response_reason_code AS key, count(*) AS n FROM referrals f JOIN cases c ON c.id = f.case_id
        WHERE f.status = 'declined' AND c.identification_date >= $1 AND c.identification_date < $2 GROUP BY 1`),
    };
    // The data set is what it says.
    expect(truths['by-province'].get('17')).toBe(3);
    expect(truths['by-province'].get('07')).toBe(5);
    expect(truths['by-exploitation-form'].get('begging')).toBe(3);
    expect(truths['by-exploitation-form'].get('labour_exploitation')).toBe(5);
    expect(truths['by-age-group'].get('60+')).toBe(2);
    expect(summary.totalCases).toBe(40);

    let shown = 0;
    let hidden = 0;
    for (const [name, counts] of Object.entries(truths)) {
      const r = table(name);
      r.keys.forEach((key, i) => {
        const published = r.series[0].data[i];
        const actual = counts.get(key) ?? 0;
        if (typeof published === 'number') {
          expect({ name, key, published }).toEqual({ name, key, published: actual });
          expect(actual === 0 || actual >= K).toBe(true);
          shown += 1;
        } else if (published === `<${K}`) {
          expect({ name, key, actual: actual >= 1 && actual < K }).toEqual({ name, key, actual: true });
          hidden += 1;
        } else {
          // Hidden to protect another cell: a count of at least k.
          expect({ name, key, published, actual: actual >= K }).toEqual({ name, key, published: 'x', actual: true });
          hidden += 1;
        }
      });
      for (const [key, n] of counts) if (n > 0) expect({ name, key, listed: r.keys.includes(key) }).toEqual({ name, key, listed: true });
    }
    expect(shown).toBeGreaterThan(15);
    expect(hidden).toBeGreaterThan(5);
    // The 3s are "<5"; the 5s beside them are withheld, or the 3s would be their totals minus the rest.
    expect(cell('by-province', '17')).toBe('<5');
    expect(cell('by-exploitation-form', 'begging')).toBe('<5');
    expect(cell('by-age-group', '60+')).toBe('<5');
    expect(cell('by-province', '07')).toBe('x');
    expect(cell('by-exploitation-form', 'labour_exploitation')).toBe('x');
    expect(cell('by-province', '04')).toBe(20);
    expect(cell('by-exploitation-form', 'sexual_exploitation')).toBe(32);
    expect(table('by-province').series[0].total).toBe(40);
  });

  it('suppresses statistics over fewer than 5 records and counts declines by reason', () => {
    // 3 recognitions: their median times are withheld, their count is "<5".
    expect(cell('durations', 'to_recognition', 0)).toBe('x');
    expect(cell('durations', 'to_recognition', 2)).toBe('<5');
    expect(cell('reviews', 'recognize')).toBe('<5');
    const times = table('referral-times');
    expect(times.series.find((s) => s.key === 'medianHours')!.data).toEqual(['x']);
    expect(times.series.find((s) => s.key === 'referrals')!.data).toEqual(['<5']);
    expect(cell('referrals-declined', 'medical_care|no_capacity')).toBe('<5');
  });

  it('times a referral from its making to its answer, not to its completion later', async () => {
    const [accepted] = await ds.query(`SELECT id, responded_at, responded_by FROM referrals WHERE case_id = $1`, [caseIds[30]]);
    // Later than the answer, on the database's clock, so that a completion time would differ from it.
    await waitFor(async () => (await ds.query(`SELECT clock_timestamp() > $1::timestamptz AS later`, [accepted.responded_at]))[0].later, 1000, 5);
    await t.http().post(`/api/v1/referrals/${accepted.id}/complete`).set(p.as('focal.msp')).send({ outcome: 'Atendida' }).expect(200);
    const [completed] = await ds.query(`SELECT status, responded_at, responded_by FROM referrals WHERE id = $1`, [accepted.id]);
    expect(completed).toEqual({ status: 'completed', responded_at: accepted.responded_at, responded_by: accepted.responded_by });
  });

  it('lets no one work out the 3 (or any hidden count) from totals or from the other reports of the period', () => {
    const a = new Attacker(K, 40);
    const v = (name: string, key: string) => `${name}:${key}`;
    a.know('total', summary.totalCases);
    const additive = ['by-month', 'by-sex', 'by-age-group', 'by-province', 'by-nationality', 'by-agency', 'by-trafficking-status', 'by-exploitation-form'];
    for (const name of additive) {
      const r = table(name);
      r.keys.forEach((key, i) => a.know(v(name, key), r.series[0].data[i]));
      a.know(v(name, 'total'), r.series[0].total ?? null);
      a.sum([v(name, 'total')], 'total');
      // Every case here has exactly one form, so the attacker may add them up too.
      a.sum(r.keys.map((key) => v(name, key)), v(name, 'total'));
    }
    const route = table('by-route');
    route.keys.forEach((key, i) => a.know(v('by-route', key), route.series[0].data[i]));
    for (const prov of table('by-province').keys) {
      a.sum(route.keys.filter((key) => key.startsWith(`${prov}|`)).map((key) => v('by-route', key)), v('by-province', prov));
    }
    for (const nat of table('by-nationality').keys) {
      a.sum(route.keys.filter((key) => key.endsWith(`|${nat}`)).map((key) => v('by-route', key)), v('by-nationality', nat));
    }
    const minors = table('minors');
    minors.keys.forEach((key, i) => a.know(v('minors', key), minors.series[0].data[i]));
    a.know(v('by-age-group', '0-11'), cell('by-age-group', '0-11') ?? 0);
    a.sum([v('by-age-group', '0-11'), v('by-age-group', '12-17')], v('minors', 'minors'));
    a.sum([v('by-age-group', '18-29'), v('by-age-group', '30-59'), v('by-age-group', '60+')], v('minors', 'adults'));
    a.sum([v('minors', 'minors'), v('minors', 'adults')], 'total');

    expect(a.possibleValues(v('by-province', '17')).length).toBeGreaterThan(1);
    expect(a.possibleValues(v('by-exploitation-form', 'begging')).length).toBeGreaterThan(1);
    expect(a.possibleValues(v('by-age-group', '60+')).length).toBeGreaterThan(1);
    for (const name of [...additive, 'by-route', 'minors']) {
      const r = table(name);
      r.keys.forEach((key, i) => {
        if (typeof r.series[0].data[i] === 'string') {
          expect({ cell: v(name, key), values: a.possibleValues(v(name, key)).length > 1 }).toEqual({ cell: v(name, key), values: true });
        }
      });
    }
  });

  it('writes no 3 for Pichincha in any CSV, in Spanish and English', async () => {
    for (const name of ['by-province', 'by-route', 'by-exploitation-form', 'by-age-group']) {
      for (const lang of ['es', 'en']) {
        const res = await get(`${name}.csv`, 'auditor', lang);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/csv/);
        const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
        for (const line of lines.filter((l) => /Pichincha|Mendicidad|Forced begging|60 (años|years)/.test(l))) {
          expect(line).toMatch(/,<5$/);
        }
      }
    }
    const csv = await get('by-province.csv');
    expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')).toEqual(expect.arrayContaining(['Provincia,Casos', 'Carchi,20', 'Pichincha,<5', 'El Oro,x', 'Total,40']));
  });

  it('prints the summary as a PDF whose tables and charts are there, accents included, and with no 3 for Pichincha', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ruta-report-'));
    for (const lang of ['es', 'en']) {
      const res = await get('summary.pdf', 'committee.mdi', lang).buffer(true)
        .parse((r, done) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => done(null, Buffer.concat(chunks))); });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe('attachment; filename="ruta-summary-2026-03-2026-04.pdf"');
      const pdf = join(dir, `summary-${lang}.pdf`);
      writeFileSync(pdf, res.body as Buffer);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const words = lang === 'es'
        ? ['Casos por provincia de identificación', 'Sucumbíos', 'Explotación sexual', 'Mendicidad', 'Número de casos', 'Página 1 de']
        : ['Cases by province of identification', 'Sucumbíos', 'Sexual exploitation', 'Forced begging', 'Page 1 of'];
      for (const w of words) expect({ lang, w, found: text.includes(w) }).toEqual({ lang, w, found: true });
      const lines = text.split('\n').filter((l) => /Pichincha|Mendicidad|Forced begging/.test(l));
      // Each appears in its table and beside its bar in the chart: always as the marker, never as a 3.
      expect(lines.length).toBeGreaterThanOrEqual(4);
      for (const line of lines) {
        expect(line).toContain('<5');
        expect(line).not.toMatch(/(^|\s)3(\s|$)/);
      }
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', pdf, join(dir, `page-${lang}`)]);
      expect(statSync(join(dir, `page-${lang}-1.png`)).size).toBeGreaterThan(5000);
      expect(readFileSync(join(dir, `page-${lang}-2.png`)).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('labels the summary in English with Accept-Language', async () => {
    const res = await get('summary', 'committee.mdi', 'en');
    expect(res.status).toBe(200);
    const sex = res.body.reports.find((r: Table) => r.name === 'by-sex');
    expect(sex.labels).toEqual(['Female', 'Male', 'Intersex', 'Unknown']);
    expect(res.body.reports.find((r: Table) => r.name === 'by-month').labels).toEqual(['March 2026', 'April 2026']);
    expect(table('by-month').labels).toEqual(['marzo de 2026', 'abril de 2026']);
  });

  it('refuses officers, shelter staff, focal points and the admin on every report route', async () => {
    for (const user of ['officer.rumichaca', 'staff.casalinda', 'focal.msp', 'admin']) {
      for (const path of ['summary', 'by-sex.csv', 'summary.pdf']) {
        const res = await get(path, user);
        expect({ user, path, status: res.status }).toEqual({ user, path, status: 403 });
      }
    }
  });

  it('answers bad periods and unknown reports with problem details', async () => {
    const bad = async (query: Record<string, string>, status: number, path = 'summary') => {
      const res = await t.http().get(`/api/v1/reports/${path}`).query(query).set(p.as('auditor'));
      expect({ query, status: res.status, type: res.headers['content-type'] }).toEqual({ query, status, type: expect.stringMatching(/^application\/problem\+json/) });
    };
    await bad({ from: '2026-3', to: '2026-04' }, 400);
    await bad({ from: '2026-03-01', to: '2026-04' }, 400);
    await bad({ to: '2026-04' }, 400);
    await bad({ from: '2026-05', to: '2026-04' }, 422);
    await bad({ from: '2000-01', to: '2026-04' }, 422);
    await bad(PERIOD, 404, 'by-everything.csv');
  });

  it('keeps summaries in the worker: new cases count after the next refresh, not before', async () => {
    const before = await get('summary');
    const body = intake({});
    (body.identification as Record<string, unknown>).date = '2026-04-20';
    await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(body).expect(201);
    const stale = await get('summary');
    expect(stale.body.totalCases).toBe(40);
    expect(stale.body.refreshedAt).toBe(before.body.refreshedAt);
    await t.app.get(ReportsRefreshLoop).refreshNow();
    const fresh = await get('summary');
    expect(fresh.body.totalCases).toBe(41);
    expect(new Date(fresh.body.refreshedAt).getTime()).toBeGreaterThan(new Date(before.body.refreshedAt).getTime());
  });

  it('audits every report pulled or exported: who, which report, which period, which format', async () => {
    const since = new Date();
    await get('summary', 'committee.mdi');
    await get('by-nationality.csv', 'auditor');
    const rows: { action: string; actor_id: string; subject_id: string; details: Record<string, unknown> }[] = await ds.query(
      `SELECT action, actor_id, subject_id, details FROM audit_entries WHERE action LIKE 'report.%' AND occurred_at >= $1 ORDER BY id`, [since]);
    expect(rows).toEqual([
      { action: 'report.read', actor_id: p.ids['committee.mdi'], subject_id: 'summary', details: { report: 'summary', from: '2026-03', to: '2026-04', format: 'json' } },
      { action: 'report.export', actor_id: p.ids.auditor, subject_id: 'by-nationality', details: { report: 'by-nationality', from: '2026-03', to: '2026-04', format: 'csv' } },
    ]);
  });
});
