import { randomUUID } from 'node:crypto';
import type { Locator, Page, Response } from 'playwright-core';
import { CHILD_ANSWERS, intake, POSSIBLE_ANSWERS } from '../identification/fixtures';
import { screenshot, seriousA11yViolations, startWebApp, TABLET, type WebApp, type WebUser } from '../support/browser';

// The inbox, the case list and the case page (issue 10; PRODUCT.md sections 10 and 15), as a committee
// member, an officer and a shelter worker of another shelter would use them. The database is shared with
// every other suite of the run: tasks and cases are found by their case's id, never by position.
jest.setTimeout(150_000);

/** An answer to the inbox's request for a page of tasks. */
const isTasksPage = (r: Response) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/v1/tasks';

/** Console errors, less the browser's own line for an API refusal the screen shows on purpose (404, 409). */
const unexpected = (errors: string[], ...statuses: number[]) =>
  errors.filter((e) => !statuses.some((s) => e.includes(`Failed to load resource: the server responded with a status of ${s}`)));

describe('web app: inbox, case list and case page', () => {
  let web: WebApp;
  let officer: string;
  let girl: { id: string; caseNumber: string };
  let duplicate: { id: string; caseNumber: string };

  const newCase = async (token: string, body: ReturnType<typeof intake>) => {
    const res = await web.http().post('/api/v1/cases').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', randomUUID()).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: string; caseNumber: string; status: string };
  };

  beforeAll(async () => {
    web = await startWebApp();
    officer = await web.login('officer.rumichaca');
    // A 15-year-old girl, presumed victim: a case_review task for the committee, urgent, due within 24 hours.
    const document = `V-INBOX-${randomUUID().slice(0, 8)}`;
    girl = await newCase(officer, intake({ dateOfBirth: '2011-04-03', answers: CHILD_ANSWERS, document }));
    // The same document at another unit: a match officer.quito may not see, so a possible_duplicate task
    // goes to the committee (a task with no underlying action: completed directly).
    duplicate = await newCase(await web.login('officer.quito'), intake({ dateOfBirth: '2011-04-03', answers: CHILD_ANSWERS, document }));
  });
  afterAll(() => web.stop());

  /** The inbox item of one task, found by the link to its work (loading further pages when needed). */
  async function taskItem(page: Page, href: string, loadMore: string, type?: string): Promise<Locator> {
    let item = page.getByRole('listitem').filter({ has: page.locator(`a[href="${href}"]`) });
    if (type) item = item.filter({ hasText: type });
    const more = page.getByRole('button', { name: loadMore });
    for (let i = 0; i < 40; i += 1) {
      // The item, or else the button that loads the next page, whichever the inbox shows first.
      await item.or(more).first().waitFor();
      if (await item.count()) return item.first();
      await Promise.all([page.waitForResponse(isTasksPage), more.click()]);
    }
    throw new Error(`no inbox item links to ${href}`);
  }

  it('shows the committee its queue: marks, claim and release, complete, and the link to the review', async () => {
    const u = await web.user({ lang: 'es' });
    await u.signIn('committee.mies');
    await u.page.getByRole('heading', { level: 1, name: 'Bandeja de tareas' }).waitFor();
    // The user's name, agency and roles.
    const me = u.page.getByRole('region', { name: 'Su usuario' });
    await me.getByText(/^Institución: /).waitFor();
    await me.getByText(/Roles: Equipo de análisis de casos/).waitFor();

    const review = await taskItem(u.page, `/cases/${girl.id}/review`, 'Cargar más');
    await review.getByText('Analizar el caso').waitFor();
    await review.getByText('Prioridad: Urgente').waitFor();
    await review.getByText('Vence en menos de 24 h').waitFor();
    await review.getByText('Sin tomar: en la cola compartida').waitFor();
    // Which case: its number, as the link to the case page (the list item is named by it too).
    const number = review.getByRole('link', { name: girl.caseNumber, exact: true });
    await number.waitFor();
    expect(await number.getAttribute('href')).toBe(`/cases/${girl.id}`);
    await u.page.getByRole('listitem', { name: `Analizar el caso Caso: ${girl.caseNumber}` }).waitFor();

    await review.getByRole('button', { name: 'Tomar' }).click();
    await review.getByText('Tomada por usted').waitFor();
    await review.getByRole('button', { name: 'Liberar' }).waitFor();
    // A case_review is completed by deciding the review, not from the inbox.
    expect(await review.getByRole('button', { name: 'Completar' }).count()).toBe(0);
    expect(await seriousA11yViolations(u.page)).toEqual([]);
    await screenshot(u.page, 'inbox-es');

    // Someone else holds it now: the inbox says so, and offers nothing to this user.
    const other = await web.login('committee.mdi');
    const mine = await web.login('committee.mies');
    const taskId = (await web.http().get('/api/v1/tasks').query({ caseId: girl.id, type: 'case_review' }).set('Authorization', `Bearer ${mine}`)).body.items[0].id;
    await review.getByRole('button', { name: 'Liberar' }).click();
    await review.getByText('Sin tomar: en la cola compartida').waitFor();
    expect((await web.http().post(`/api/v1/tasks/${taskId}/claim`).set('Authorization', `Bearer ${other}`)).status).toBe(200);
    // The stale "Claim" is refused by the API (409): its reason is announced, and the task, now someone
    // else's, leaves this user's inbox.
    await review.getByRole('button', { name: 'Tomar' }).click();
    await u.page.getByRole('alert').filter({ hasText: 'No se pudo: la tarea cambió' }).waitFor();
    await u.page.getByRole('listitem').filter({ has: u.page.locator(`a[href="/cases/${girl.id}/review"]`) }).waitFor({ state: 'detached' });
    expect((await web.http().post(`/api/v1/tasks/${taskId}/release`).set('Authorization', `Bearer ${other}`)).status).toBe(200);

    // A task with no underlying action is completed from the inbox and leaves it.
    const dup = await taskItem(u.page, `/cases/${duplicate.id}`, 'Cargar más', 'Posible caso duplicado');
    await dup.getByRole('link', { name: duplicate.caseNumber, exact: true }).waitFor();
    await dup.getByRole('button', { name: 'Completar' }).click();
    await u.page.getByRole('listitem').filter({ has: u.page.locator(`a[href="/cases/${duplicate.id}"]`) })
      .filter({ hasText: 'Posible caso duplicado' }).waitFor({ state: 'detached' });

    // The task links to where its work is done.
    await (await taskItem(u.page, `/cases/${girl.id}/review`, 'Cargar más')).getByRole('link', { name: 'Abrir el análisis del caso' }).click();
    await u.page.waitForURL(`**/cases/${girl.id}/review`);
    expect(unexpected(u.errors, 409)).toEqual([]);
  });

  it('refreshes the inbox by itself: a task created after the page loaded appears without a reload', async () => {
    const u = await web.user({ lang: 'en' });
    await u.signIn('committee.sdh');
    await u.page.getByRole('heading', { level: 1, name: 'Task inbox' }).waitFor();
    const item = await taskItem(u.page, `/cases/${girl.id}/review`, 'Load more');
    await item.getByText('Case:').waitFor();
    await item.getByRole('link', { name: girl.caseNumber, exact: true }).waitFor();
    while (await u.page.getByRole('button', { name: 'Load more' }).isVisible()) {
      await Promise.all([u.page.waitForResponse(isTasksPage), u.page.getByRole('button', { name: 'Load more' }).click()]);
    }
    await screenshot(u.page, 'inbox-en');
    const later = await newCase(officer, intake({ dateOfBirth: '2010-08-01', answers: CHILD_ANSWERS }));
    const started = Date.now();
    // No reload, no click: the 20-second refresh (or a return to the window) brings it.
    await u.page.locator(`a[href="/cases/${later.id}/review"]`).waitFor({ timeout: 30_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(u.errors).toEqual([]);
  });

  it('fits a tablet', async () => {
    const u = await web.user({ lang: 'es', viewport: TABLET });
    await u.signIn('committee.mremh');
    await (await taskItem(u.page, `/cases/${girl.id}/review`, 'Cargar más')).waitFor();
    expect(await seriousA11yViolations(u.page)).toEqual([]);
    const overflow = Number(await u.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(u.page, 'inbox-tablet-es');
    expect(u.errors).toEqual([]);
  });

  it('finds the case by number from the header search, keeps filters in the URL, and opens it on a deep link after a reload', async () => {
    for (const lang of ['es', 'en'] as const) {
      const es = lang === 'es';
      const u = await web.user({ lang });
      await u.signIn('committee.mdi');
      await u.page.getByRole('textbox', { name: es ? 'Buscar caso por número' : 'Search a case by number' }).fill(girl.caseNumber);
      await u.page.keyboard.press('Enter');
      await u.page.waitForURL(`**/cases?q=${girl.caseNumber}`);
      await u.page.getByRole('heading', { level: 1, name: es ? 'Casos' : 'Cases' }).waitFor();
      const link = u.page.getByRole('link', { name: girl.caseNumber });
      await link.waitFor();
      const row = u.page.getByRole('row').filter({ has: link });
      await row.getByText(es ? 'Identificado' : 'Identified').waitFor();
      await row.getByText(es ? 'Menor de edad' : 'Minor').waitFor();
      // A filter goes into the URL, and a reload keeps it.
      await u.page.getByLabel(es ? 'Estado' : 'Status', { exact: true }).first().click();
      await u.page.getByRole('option', { name: es ? 'Identificado' : 'Identified' }).click();
      await u.page.waitForURL(/status=identified/);
      await u.page.reload();
      await link.waitFor();
      expect(new URL(u.page.url()).searchParams.get('q')).toBe(girl.caseNumber);
      expect(await seriousA11yViolations(u.page)).toEqual([]);
      await screenshot(u.page, `case-list-${lang}`);

      await link.click();
      await u.page.waitForURL(`**/cases/${girl.id}`);
      const title = u.page.getByRole('heading', { level: 1, name: `${es ? 'Caso' : 'Case'} ${girl.caseNumber}` });
      await title.waitFor();
      await u.page.reload();
      await title.waitFor();
      expect(new URL(u.page.url()).pathname).toBe(`/cases/${girl.id}`);
      await u.page.getByRole('link', { name: es ? 'Abrir la pantalla de análisis' : 'Open the review screen' }).waitFor();
      await u.page.getByRole('cell', { name: es ? 'Explotación sexual' : 'Sexual exploitation' }).waitFor();
      // Codes named in the user's language: province and border point from the catalogs, country and language by Intl.
      await u.page.getByRole('cell', { name: 'Carchi (04)', exact: true }).waitFor();
      await u.page.getByRole('cell', { name: es ? 'Puente Internacional de Rumichaca' : 'Rumichaca International Bridge', exact: true }).first().waitFor();
      await u.page.getByRole('cell', { name: 'Venezuela', exact: true }).waitFor();
      await u.page.getByRole('cell', { name: es ? 'Español' : 'Spanish', exact: true }).waitFor();
      await u.page.getByRole('cell', { name: /\(Venezuela\)$/ }).waitFor();
      expect(await seriousA11yViolations(u.page)).toEqual([]);
      await screenshot(u.page, `case-page-${lang}`);

      if (es) {
        // Every tab the API gave content for, by keyboard, without violations.
        const tabs = u.page.getByRole('tab');
        const names = await tabs.allInnerTexts();
        expect(names).toEqual(expect.arrayContaining(['Resumen', 'Tamizaje', 'Análisis', 'Derivaciones', 'Historial']));
        await tabs.first().focus();
        for (let i = 1; i < names.length; i += 1) {
          await u.page.keyboard.press('ArrowRight');
          await u.page.getByRole('tab', { name: names[i], selected: true }).waitFor();
          await u.page.getByRole('tabpanel').waitFor();
          if (names[i] === 'Tamizaje') {
            await u.page.getByText('Presunta víctima').first().waitFor();
            await u.page.getByText('Regla de niñez aplicada').waitFor();
            await u.page.getByText('Explicación por dimensión').waitFor();
          }
          if (names[i] === 'Historial') {
            await u.page.getByText('Registro del caso').waitFor();
            await screenshot(u.page, 'case-timeline-es');
          }
          expect(await seriousA11yViolations(u.page)).toEqual([]);
        }
      }
      expect(u.errors).toEqual([]);
    }
  });

  it('lets the officer send a case in screening to review from its page', async () => {
    const screening = await newCase(officer, intake({ answers: POSSIBLE_ANSWERS }));
    expect(screening.status).toBe('screening');
    const u = await web.user({ lang: 'es' });
    await u.signIn('officer.rumichaca');
    await u.page.goto(`/cases/${screening.id}`);
    await u.page.getByRole('heading', { level: 1, name: `Caso ${screening.caseNumber}` }).waitFor();
    await u.page.getByRole('button', { name: 'Cerrar el caso' }).waitFor();
    await u.page.getByRole('button', { name: 'Enviar a análisis' }).click();
    const dialog = u.page.getByRole('dialog', { name: 'Enviar a análisis' });
    await dialog.getByLabel('Fundamento').fill('Relato coherente con captación engañosa; se requiere análisis del equipo.');
    expect(await seriousA11yViolations(u.page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Enviar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await u.page.getByRole('group', { name: 'Datos principales del caso' }).getByText('Identificado').waitFor();
    expect(await u.page.getByRole('button', { name: 'Enviar a análisis' }).count()).toBe(0);
    expect(u.errors).toEqual([]);
  });

  it("shows another shelter's worker nothing of the case: no match on its number, not found on its link", async () => {
    const u = await web.user({ lang: 'es' });
    await u.signIn('staff.colibri');
    await u.page.goto(`/cases?q=${girl.caseNumber}`);
    await u.page.getByText('Ningún caso coincide').waitFor();
    await u.page.getByText(`Ningún caso que usted pueda ver tiene el número «${girl.caseNumber}»`, { exact: false }).waitFor();
    expect(await u.page.getByRole('link', { name: girl.caseNumber }).count()).toBe(0);
    await u.page.goto(`/cases/${girl.id}`);
    await u.page.getByRole('heading', { level: 1, name: 'Caso no encontrado' }).waitFor();
    await u.page.getByText('Este caso no existe o no está entre los casos que usted puede ver.').waitFor();
    expect(await seriousA11yViolations(u.page)).toEqual([]);
    expect(unexpected(u.errors, 404)).toEqual([]);
  });
});
