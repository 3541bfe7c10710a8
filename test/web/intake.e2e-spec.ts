/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { intake } from '../identification/fixtures';
import { LAPTOP, screenshot, seriousA11yViolations, startWebApp, TABLET, type WebApp, type WebUser } from '../support/browser';

// Intake in the browser (issue 10, PRODUCT.md section 15): the guided form, the live screening result
// with its explanation before saving, the minor flag, the duplicate check, the draft kept in the
// browser, one case per submission whatever the clicks and retries, the API's field errors on their
// fields, and the whole intake with the keyboard alone.
jest.setTimeout(180_000);

/** Four `yes` answers that make a 15-year-old a presumed victim by the child rule (catalog v1). */
const CHILD_YES = ['dr_deceived_nature_of_job', 'dr_deceived_about_wages', 'ex_forced_sexual_services', 'ex_low_or_no_pay'];

/** Errors a test provokes on purpose (a dropped answer, a refused request) are the browser's resource notices. */
const unexpected = (errors: string[], allowed: RegExp) => errors.filter((e) => !allowed.test(e));

describe('web app: intake for immigration officers', () => {
  let web: WebApp;
  let officerToken: string;
  let labels: Map<string, { es: string; en: string }>;

  beforeAll(async () => {
    web = await startWebApp();
    officerToken = await web.login('officer.rumichaca');
    const catalog = await web.http().get('/api/v1/catalog/indicators').set('Authorization', `Bearer ${officerToken}`);
    expect(catalog.status).toBe(200);
    labels = new Map(catalog.body.indicators.map((i: { code: string; label: { es: string; en: string } }) => [i.code, i.label]));
  });
  afterAll(() => web.stop());

  const matchesByDocument = async (number: string) => {
    const res = await web.http().post('/api/v1/cases/duplicates-check').set('Authorization', `Bearer ${officerToken}`)
      .send({ victim: { documents: [{ type: 'passport', number, issuingCountry: 'COL' }] } });
    expect(res.status).toBe(200);
    return res.body.matches as { caseId?: string; caseNumber?: string }[];
  };

  const axeClean = async (page: Page) => {
    const found = await seriousA11yViolations(page);
    if (found.length > 0) {
      const detail = await new AxeBuilder({ page }).analyze();
      const nodes = detail.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html} ${n.failureSummary}`));
      expect(nodes).toEqual([]);
    }
  };

  it('a 15-year-old girl: minor flag, live result turning to presumed victim with its explanation, duplicate check, one case despite a double click and a lost answer', async () => {
    // A case already holds the girl's passport, so that the duplicate check has something to show.
    const document = `P-${randomUUID().slice(0, 8).toUpperCase()}`;
    const earlier = await web.http().post('/api/v1/cases').set('Authorization', `Bearer ${officerToken}`).set('Idempotency-Key', randomUUID())
      .send(intake({ document, nationality: ['COL'], sex: 'female', estimatedAge: 15 }));
    expect(earlier.status).toBe(201);
    // The fixture's document is issued by VEN; the check matches on the normalized number.
    expect((await matchesByDocument(document)).length).toBe(1);

    const u = await web.user({ lang: 'es', viewport: LAPTOP });
    await u.signIn('officer.rumichaca');
    const page = u.page;
    await page.getByRole('link', { name: 'Nuevo caso' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuevo caso: identificación' }).waitFor();

    // Person
    await page.getByLabel(/^Nombres/).fill('Daniela Sofía');
    await page.getByLabel(/^Apellidos/).fill(`Quispe ${randomUUID().slice(0, 6)}`);
    await page.getByLabel(/^Sexo/).selectOption('female');
    await page.getByRole('radio', { name: 'Solo edad estimada' }).check();
    await page.getByLabel('Edad estimada (años)').fill('15');
    await page.getByText('Menor de edad').first().waitFor();
    await page.getByRole('combobox', { name: 'Nacionalidad' }).fill('Colom');
    await page.getByRole('option', { name: /Colombia/ }).click();
    await page.getByRole('button', { name: 'Añadir documento' }).click();
    await page.getByLabel('Número del documento 1').fill(document);
    await page.getByLabel('País emisor del documento 1').selectOption('COL');
    await axeClean(page);
    await page.getByRole('button', { name: 'Siguiente', exact: true }).click();

    // Identification: today and the officer's border point (Rumichaca, Carchi) are the defaults.
    await page.getByRole('heading', { name: 'Identificación', level: 2 }).waitFor();
    expect(await page.getByLabel(/^Punto de control fronterizo/).inputValue()).toBe('rumichaca');
    expect(await page.getByLabel(/^Provincia/).inputValue()).toBe('04');
    await page.getByLabel(/^Circunstancias/).fill('Viajaba con un adulto que no es familiar y retenía sus documentos; le ofrecieron trabajo en un restaurante.');
    await page.getByRole('checkbox', { name: 'Explotación sexual' }).check();
    await axeClean(page);
    await page.getByRole('button', { name: 'Siguiente', exact: true }).click();

    // Consent: the minor's mandate is shown.
    await page.getByRole('heading', { name: 'Consentimiento', level: 2 }).waitFor();
    await page.getByText(/rige el mandato de protección del Estado/).waitFor();
    await page.getByRole('checkbox', { name: 'Consiente el tratamiento de sus datos' }).check();
    await page.getByRole('checkbox', { name: 'Consiente la derivación a servicios de protección' }).check();
    await page.getByRole('checkbox', { name: /\(MIES\)$/ }).check();
    await page.getByLabel('Opinión de la niña, niño o adolescente').fill('Quiere estar a salvo y hablar con su madre.');
    await axeClean(page);
    await page.getByRole('button', { name: 'Siguiente: indicadores' }).click();

    // Indicators: the live result starts with no indicators and turns to presumed victim as answers come.
    await page.getByRole('heading', { name: 'Indicadores', level: 2 }).waitFor();
    const outcome = page.getByTestId('screening-outcome');
    await outcome.filter({ hasText: 'Sin indicadores suficientes' }).waitFor();
    for (const [n, code] of CHILD_YES.entries()) {
      await page.getByRole('radiogroup', { name: labels.get(code)!.es, exact: true }).getByRole('radio', { name: 'Sí' }).check();
      if (n === 1) await outcome.filter({ hasNotText: 'Presunta víctima' }).waitFor();
    }
    await outcome.filter({ hasText: 'Presunta víctima' }).waitFor();
    // ... with its explanation: the child rule, immediate child protection, each dimension and why.
    await page.getByText('Regla de niñez aplicada').waitFor();
    await page.getByText('Protección inmediata de la niñez', { exact: true }).waitFor();
    const explanation = page.getByRole('region', { name: 'Resultado de la evaluación' });
    await explanation.getByText('Captación mediante engaño:').waitFor();
    await explanation.getByText(labels.get('ex_forced_sexual_services')!.es, { exact: false }).waitFor();
    expect(await explanation.getByText('positiva', { exact: true }).count()).toBe(2);
    await axeClean(page);
    // The checklist beside its explanation, as the officer sees it while answering (not the full page).
    await page.getByRole('heading', { name: 'Explotación', level: 3 }).scrollIntoViewIfNeeded();
    await page.getByRole('heading', { name: 'Explotación', level: 3 }).evaluate((h) => window.scrollBy(0, h.getBoundingClientRect().top - 80));
    await screenshot(page, 'intake-result-es', { fullPage: false });
    await page.getByRole('button', { name: 'Siguiente: revisar y enviar' }).click();

    // Review: the duplicate check shows the earlier case, with a link to it; the officer may still send.
    await page.getByRole('heading', { name: 'Revisar y enviar', level: 2 }).waitFor();
    await page.getByRole('link', { name: earlier.body.caseNumber }).waitFor();
    expect(await page.getByRole('link', { name: earlier.body.caseNumber }).getAttribute('href')).toBe(`/cases/${earlier.body.id}`);
    await outcome.filter({ hasText: 'Presunta víctima' }).waitFor();
    await axeClean(page);
    await screenshot(page, 'intake-es');

    // Send: the first answer is lost on the way back (the server did create the case), and the button
    // is double-clicked; the officer then retries. The form's Idempotency-Key makes it one case.
    let lost = 0;
    const posted: string[] = [];
    await page.route('**/api/v1/cases', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posted.push(route.request().headers()['idempotency-key'] ?? '(none)');
      if (lost === 0) {
        lost += 1;
        await route.fetch();
        return route.abort('failed');
      }
      return route.continue();
    });
    await page.getByRole('button', { name: 'Registrar el caso' }).dblclick();
    const retry = page.getByRole('button', { name: 'Reintentar el envío' });
    await retry.or(page.getByText(/Número de caso: RUTA-/)).first().waitFor();
    if (await retry.isVisible()) await retry.click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const notice = await page.getByText(/Número de caso: RUTA-\d{4}-\d+/).textContent();
    // The notice is checked while it shows (issue 20): its close button is named, its text readable (axe).
    const shown = page.getByRole('alert').filter({ hasText: 'Caso registrado' });
    await shown.getByRole('button', { name: 'Cerrar' }).waitFor();
    // Once it has faded in (while it fades, its text is partly transparent, as anything that fades in is).
    await shown.evaluate((el) => new Promise<void>((resolve) => {
      const opaque = () => { for (let e: Element | null = el; e; e = e.parentElement) if (getComputedStyle(e).opacity !== '1') return false; return true; };
      const check = () => (opaque() ? resolve() : requestAnimationFrame(check));
      check();
    }));
    expect(await seriousA11yViolations(page)).toEqual([]);
    const caseNumber = /RUTA-\d{4}-\d+/.exec(notice ?? '')![0];
    const caseId = new URL(page.url()).pathname.split('/').pop();
    // Every POST carried the header, all with the same key (without the header, all would read "(none)").
    expect(posted.length).toBeGreaterThanOrEqual(2);
    expect(posted).not.toContain('(none)');
    expect(new Set(posted).size).toBe(1);

    const found = await web.http().get('/api/v1/cases').query({ q: caseNumber }).set('Authorization', `Bearer ${officerToken}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect(found.body.items[0]).toMatchObject({ isMinor: true, traffickingStatus: 'presumed_victim', status: 'identified' });
    // Exactly one new case holds the passport: the earlier one and this one.
    const holders = (await matchesByDocument(document)).map((m) => m.caseId).sort();
    expect(holders).toEqual([earlier.body.id, caseId].sort());
    // The draft is gone once the case exists.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ruta.intake.draft.')))).toEqual([]);
    expect(unexpected(u.errors, /Failed to load resource: net::ERR_FAILED/)).toEqual([]);
  });

  /** The focused element's accessible name as the test needs it (its label, or a radio's group and label). */
  const focused = (page: Page) => page.evaluate(() => {
    const el = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
    if (!el) return '';
    const byId = (ids: string | null) => (ids ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    const own = el.getAttribute('aria-label') || byId(el.getAttribute('aria-labelledby'))
      || (el.labels && el.labels.length > 0 ? [...el.labels].map((l) => l.textContent).join(' ') : '') || el.textContent || '';
    const group = el.closest('[role="radiogroup"]');
    const groupName = group ? byId(group.getAttribute('aria-labelledby')) : '';
    return `${groupName ? `${groupName} / ` : ''}${own}`.replace(/\s+/g, ' ').trim();
  });

  async function tabTo(u: WebUser, name: RegExp, max = 150): Promise<void> {
    for (let i = 0; i < max; i++) {
      await u.page.keyboard.press('Tab');
      if (name.test(await focused(u.page))) return;
    }
    throw new Error(`no element matching ${name} within ${max} tabs (last: ${await focused(u.page)})`);
  }

  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it('fills and sends the whole intake with the keyboard alone (tablet)', async () => {
    const u = await web.user({ lang: 'es', viewport: TABLET });
    await u.signIn('officer.rumichaca');
    const page = u.page;
    await tabTo(u, /^Nuevo caso$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Nuevo caso: identificación' }).waitFor();
    const kb = page.keyboard;

    await tabTo(u, /^Nombres/);
    await kb.type('Lucía');
    await tabTo(u, /^Apellidos/);
    await kb.type(`Teclado ${randomUUID().slice(0, 6)}`);
    await tabTo(u, /^Sexo/);
    await kb.press('ArrowDown'); // «Mujer», the first choice
    await tabTo(u, /^Edad según \/ Fecha de nacimiento/);
    await kb.press('ArrowRight');
    await tabTo(u, /^Edad estimada \(años\)/);
    await kb.type('15');
    await page.getByText('Menor de edad').first().waitFor();
    await tabTo(u, /^Nacionalidad/);
    await kb.type('Colom');
    await page.getByRole('option', { name: /Colombia/ }).waitFor();
    await kb.press('ArrowDown');
    await kb.press('Enter');
    await kb.press('Escape');
    await tabTo(u, /^Siguiente$/);
    await kb.press('Enter');

    await page.getByRole('heading', { name: 'Identificación', level: 2 }).waitFor();
    await tabTo(u, /^Circunstancias/);
    await kb.type('Entrevista en el puente; relata una oferta de trabajo falsa.');
    await tabTo(u, /^Explotación sexual$/);
    await kb.press('Space');
    await tabTo(u, /^Siguiente$/);
    await kb.press('Enter');

    await page.getByRole('heading', { name: 'Consentimiento', level: 2 }).waitFor();
    await tabTo(u, /^Consiente el tratamiento de sus datos$/);
    await kb.press('Space');
    await tabTo(u, /^Consiente la derivación/);
    await kb.press('Space');
    await tabTo(u, /^Siguiente: indicadores$/);
    await kb.press('Enter');

    await page.getByRole('heading', { name: 'Indicadores', level: 2 }).waitFor();
    for (const code of CHILD_YES) {
      // Tab lands on the group's checked radio ("No se sabe", the last); the arrow wraps to "Sí".
      await tabTo(u, new RegExp(`^${escape(labels.get(code)!.es)} / `));
      await kb.press('ArrowRight');
      expect(await focused(page)).toMatch(/ \/ Sí$/);
    }
    await page.getByTestId('screening-outcome').filter({ hasText: 'Presunta víctima' }).waitFor();
    // At tablet width the explanation follows the checklist and the outcome stays in view above it.
    await page.getByRole('heading', { name: 'Explotación', level: 3 }).evaluate((h) => window.scrollBy(0, h.getBoundingClientRect().top - 140));
    await screenshot(page, 'intake-tablet-es', { fullPage: false });
    await tabTo(u, /^Siguiente: revisar y enviar$/);
    await kb.press('Enter');

    await page.getByRole('heading', { name: 'Revisar y enviar', level: 2 }).waitFor();
    await page.getByText('No hay otros casos con el mismo documento').waitFor();
    await tabTo(u, /^Registrar el caso$/);
    await kb.press('Enter');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(page.url()).pathname.split('/').pop();
    const got = await web.http().get(`/api/v1/cases/${caseId}`).set('Authorization', `Bearer ${officerToken}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ isMinor: true, traffickingStatus: 'presumed_victim' });
    expect(got.body.victim).toMatchObject({ givenNames: 'Lucía', sex: 'female', estimatedAge: 15, nationality: ['COL'] });
    expect(u.errors).toEqual([]);
  });

  it('keeps a half-filled intake across a reload, and discards it on request', async () => {
    const u = await web.user({ lang: 'en' });
    await u.signIn('officer.rumichaca');
    const page = u.page;
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByRole('heading', { level: 1, name: 'New case: identification' }).waitFor();
    await page.getByLabel(/^Given names/).fill('Rosa Elena');
    await page.getByLabel(/^Family names/).fill('Draft');
    await page.getByLabel(/^Sex/).selectOption('female');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByLabel(/^Circumstances/).fill('Half written');
    const keyBefore = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('ruta.intake.draft.'))?.[1]);
    expect(keyBefore).toBeTruthy();

    await page.reload();
    await page.getByText('Draft restored').waitFor();
    // Back on the step where the officer was, with what they wrote.
    expect(await page.getByLabel(/^Circumstances/).inputValue()).toBe('Half written');
    await page.getByRole('button', { name: 'Previous' }).click();
    expect(await page.getByLabel(/^Given names/).inputValue()).toBe('Rosa Elena');
    const draft = JSON.parse((await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('ruta.intake.draft.'))?.[1]))!);
    expect(draft.idempotencyKey).toBe(JSON.parse(keyBefore!).idempotencyKey);

    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.getByText('Draft restored').waitFor({ state: 'detached' });
    expect(await page.getByLabel(/^Given names/).inputValue()).toBe('');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ruta.intake.draft.')))).toEqual([]);
    expect(u.errors).toEqual([]);
  });

  it('shows the API\'s refusal of a date of birth in the future on that field, on its step (English)', async () => {
    const u = await web.user({ lang: 'en' });
    await u.signIn('officer.rumichaca');
    const page = u.page;
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByRole('heading', { level: 1, name: 'New case: identification' }).waitFor();
    await page.getByLabel(/^Given names/).fill('Future');
    await page.getByLabel(/^Family names/).fill(`Birth ${randomUUID().slice(0, 6)}`);
    await page.getByLabel(/^Sex/).selectOption('female');
    await page.getByLabel('Date of birth', { exact: true }).fill('2099-01-01');
    await page.getByRole('combobox', { name: 'Nationality' }).fill('Venez');
    await page.getByRole('option', { name: /Venezuela/ }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByLabel(/^Circumstances/).fill('Test of a refused date');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('button', { name: 'Next: indicators' }).click();
    await page.getByRole('radiogroup', { name: labels.get('dr_deceived_nature_of_job')!.en, exact: true }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByTestId('screening-outcome').filter({ hasText: 'Possible victim' }).waitFor();
    await axeClean(page);
    await page.getByRole('button', { name: 'Next: review and send' }).click();
    await page.getByRole('heading', { name: 'Review and send', level: 2 }).waitFor();
    await page.getByTestId('screening-outcome').filter({ hasText: 'Possible victim' }).waitFor();
    await page.getByText('Looking for cases with the same details…').waitFor({ state: 'detached' });
    await screenshot(page, 'intake-en');

    await page.getByRole('button', { name: 'Register the case' }).click();
    // Moved back to the person's step, the message on the date of birth.
    await page.getByRole('heading', { name: 'Person', level: 2 }).waitFor();
    const dob = page.getByLabel('Date of birth', { exact: true });
    await page.getByText(/in the future/).first().waitFor();
    expect(await dob.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Check the marked fields: the server did not accept some details.').waitFor();
    await axeClean(page);
    expect(unexpected(u.errors, /Failed to load resource: the server responded with a status of (400|422)/)).toEqual([]);
  });
});
