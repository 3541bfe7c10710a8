import type { Page } from 'playwright-core';
import { Protocol } from '../referral/protocol';
import { screenshot, seriousA11yViolations, startWebApp, type WebApp, type WebUser } from '../support/browser';

// Ruta's own error page (issue 19): a screen that fails to render shows, in the user's language, what
// happened, the way back and the request id to give support, within the layout so that the navigation
// stays; never React Router's English developer page with its stack trace. The failure is forced by
// answering the screen's read with a malformed body (the real answer, its headers included, with one
// field broken).
jest.setTimeout(180_000);

const DEVELOPER_PAGE = 'Unexpected Application Error';

describe('web app: its own error page', () => {
  let web: WebApp;
  let p: Protocol;
  let caseId: string;

  beforeAll(async () => {
    web = await startWebApp();
    p = new Protocol(web);
    await p.login('officer.rumichaca', 'committee.mdi');
    ({ caseId } = await p.underReview('adult_woman'));
  });
  afterAll(() => web?.stop());

  /** GET /cases/:id answers the real case with a lead agency that has no name: the case page cannot render it. */
  async function breakTheCase(page: Page): Promise<() => string> {
    let requestId = '';
    await page.route(`**/api/v1/cases/${caseId}`, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      requestId = response.headers()['x-request-id'];
      return route.fulfill({ response, json: { ...(await response.json()), leadAgency: {} } });
    });
    return () => requestId;
  }

  async function noDeveloperPage(page: Page): Promise<void> {
    expect(await page.locator('body').innerText()).not.toContain(DEVELOPER_PAGE);
  }

  const signIn = async (lang: 'es' | 'en'): Promise<WebUser> => {
    const u = await web.user({ lang });
    await u.signIn('committee.mdi');
    return u;
  };

  it('shows a screen\'s render error in Spanish within the layout, with the request id and the ways back', async () => {
    const u = await signIn('es');
    const requestId = await breakTheCase(u.page);
    await u.page.goto(`/cases/${caseId}`);
    await u.page.getByRole('heading', { level: 1, name: 'No se pudo mostrar esta pantalla' }).waitFor();
    await noDeveloperPage(u.page);
    await u.page.getByText('Ocurrió un error inesperado al mostrar esta pantalla.', { exact: false }).waitFor();
    expect(requestId()).toMatch(/\S/);
    await u.page.getByText('Identificador de la última respuesta del servidor:').waitFor();
    expect(await u.page.getByTestId('error-request-id').textContent()).toBe(requestId());
    // The layout stays: its navigation and the user's menu.
    await u.page.getByRole('navigation', { name: 'Navegación principal' }).first().waitFor();
    expect(await seriousA11yViolations(u.page)).toEqual([]);
    await screenshot(u.page, 'error-page-es');

    // The navigation works from the error page…
    await u.page.getByRole('link', { name: 'Casos', exact: true }).click();
    await u.page.getByRole('heading', { level: 1, name: 'Casos' }).waitFor();
    // …and so do its own ways back: to the previous screen (the inbox, where the user signed in), and to the inbox.
    await u.page.goBack();
    await u.page.getByRole('heading', { level: 1, name: 'No se pudo mostrar esta pantalla' }).waitFor();
    await u.page.getByRole('button', { name: 'Volver a la pantalla anterior' }).click();
    await u.page.getByRole('heading', { level: 1, name: 'Bandeja de tareas' }).waitFor();
    await u.page.goForward();
    await u.page.getByRole('heading', { level: 1, name: 'No se pudo mostrar esta pantalla' }).waitFor();
    await u.page.getByRole('link', { name: 'Ir a la bandeja de tareas' }).click();
    await u.page.getByRole('heading', { level: 1, name: 'Bandeja de tareas' }).waitFor();
    await noDeveloperPage(u.page);
  });

  it('shows the same page in English', async () => {
    const u = await signIn('en');
    const requestId = await breakTheCase(u.page);
    await u.page.goto(`/cases/${caseId}`);
    await u.page.getByRole('heading', { level: 1, name: 'This screen could not be shown' }).waitFor();
    await noDeveloperPage(u.page);
    await u.page.getByText('Id of the server\'s latest answer:').waitFor();
    expect(await u.page.getByTestId('error-request-id').textContent()).toBe(requestId());
    await u.page.getByRole('navigation', { name: 'Main navigation' }).first().waitFor();
    expect(await seriousA11yViolations(u.page)).toEqual([]);
    await screenshot(u.page, 'error-page-en');
    await u.page.getByRole('link', { name: 'Go to the task inbox' }).click();
    await u.page.getByRole('heading', { level: 1, name: 'Task inbox' }).waitFor();
  });

  it('shows the page on its own when the layout itself fails, and the inbox is a full load away', async () => {
    const u = await signIn('es');
    // The session's renewal answers a user without an agency: the layout (which names it) cannot render.
    await u.page.route('**/api/v1/auth/refresh', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      return route.fulfill({ response, json: { ...body, user: { ...body.user, agency: null } } });
    });
    await u.page.reload();
    await u.page.getByRole('heading', { level: 1, name: 'No se pudo mostrar esta pantalla' }).waitFor();
    await noDeveloperPage(u.page);
    expect(await u.page.getByRole('navigation', { name: 'Navegación principal' }).count()).toBe(0);
    // No answer of the API came through its client yet: no id to give, and the page says what to give instead.
    await u.page.getByText('Si vuelve a ocurrir, comunique a soporte técnico la hora y lo que estaba haciendo.').waitFor();
    expect(await u.page.getByTestId('error-request-id').count()).toBe(0);
    expect(await seriousA11yViolations(u.page)).toEqual([]);
    await u.page.unroute('**/api/v1/auth/refresh');
    await u.page.getByRole('link', { name: 'Ir a la bandeja de tareas' }).click();
    await u.page.getByRole('heading', { level: 1, name: 'Bandeja de tareas' }).waitFor();
  });
});
