import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { Protocol } from '../referral/protocol';
import { startWebApp, type WebApp, type WebUser } from '../support/browser';

// Reads shared between screens (issue 19): the case, the catalogs and the shelters are read by the
// case page, the review screen, the referrals page and the shelter board, each from one cache entry of
// one shape. A user who goes from one screen to another keeps a working app, and after an action sees
// the other screens' data as it now is, without reloading.
jest.setTimeout(240_000);

/** React Router's own page for an error no route handles: never shown to a user of Ruta. */
const DEVELOPER_PAGE = 'Unexpected Application Error';

async function noDeveloperPage(page: Page): Promise<void> {
  // The whole text on failure: the developer page's message says what broke.
  if (await page.getByText(DEVELOPER_PAGE).count()) expect(await page.locator('body').innerText()).not.toContain(DEVELOPER_PAGE);
}

/** Waits for `wanted`, or for React Router's developer page, and fails if the latter came. */
async function shows(page: Page, wanted: ReturnType<Page['getByText']>): Promise<void> {
  await wanted.or(page.getByText(DEVELOPER_PAGE)).first().waitFor();
  await noDeveloperPage(page);
  await wanted.first().waitFor();
}

describe('web app: reads shared between screens', () => {
  let web: WebApp;
  let p: Protocol;
  /** Recognized with a plan: Casa Linda (shelter) and MSP (medical care), both pending. */
  let placed: { id: string; number: string };

  const caseNumber = async (id: string) => (await web.http().get(`/api/v1/cases/${id}`).set(p.as('committee.mdi')).expect(200)).body.caseNumber as string;

  beforeAll(async () => {
    web = await startWebApp();
    p = new Protocol(web);
    await p.login('officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'admin');
    const casaLinda = await p.shelterId('casa_linda');
    const { caseId, reviewId } = await p.underReview('girl');
    await p.decide(reviewId, {
      decision: 'recognize', leadAgency: 'MIES',
      plan: { referrals: [{ serviceType: 'shelter', shelterId: casaLinda }, { serviceType: 'medical_care', agency: 'MSP' }], requestVisa: false },
    }).expect(200);
    placed = { id: caseId, number: await caseNumber(caseId) };
  });
  afterAll(() => web?.stop());

  const signIn = async (username: string, lang: 'es' | 'en' = 'es', password?: string): Promise<WebUser> => {
    const u = await web.user({ lang });
    await u.signIn(username, password);
    return u;
  };

  /** From the case page: its Referrals tab, with the case's referral for a service in the given status. */
  async function referralsTab(page: Page, status: string, service = 'Atención médica'): Promise<void> {
    await shows(page, page.getByRole('tab', { name: 'Derivaciones' }));
    await page.getByRole('tab', { name: 'Derivaciones' }).click();
    const table = page.getByRole('table', { name: 'Derivaciones' });
    await shows(page, table);
    await table.getByRole('row').filter({ hasText: service }).filter({ hasText: status }).waitFor();
  }

  /** A Mantine Select: open it by its label and pick the option whose name matches. */
  async function choose(page: Page, label: RegExp, option: RegExp): Promise<void> {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option }).click();
  }

  it('MSP\'s focal point opens a case from their referrals, then its Referrals tab', async () => {
    const u = await signIn('focal.msp');
    await u.page.getByRole('link', { name: 'Derivaciones', exact: true }).click();
    await u.page.getByRole('heading', { level: 1, name: 'Derivaciones de mi institución' }).waitFor();
    await u.page.getByRole('row').filter({ hasText: placed.number }).getByRole('link', { name: placed.number }).click();
    await shows(u.page, u.page.getByRole('heading', { level: 1, name: `Caso ${placed.number}` }));
    await referralsTab(u.page, 'Pendiente');
    await noDeveloperPage(u.page);
    expect(u.errors).toEqual([]);
  });

  it('Casa Linda\'s staff open a case from their board, then its Referrals tab', async () => {
    const u = await signIn('staff.casalinda');
    await u.page.getByRole('link', { name: 'Casa de acogida', exact: true }).click();
    await u.page.getByRole('heading', { level: 1, name: 'Casa de acogida Casa Linda' }).waitFor();
    await u.page.getByRole('row').filter({ hasText: placed.number }).getByRole('link', { name: placed.number }).click();
    await shows(u.page, u.page.getByRole('heading', { level: 1, name: `Caso ${placed.number}` }));
    await referralsTab(u.page, 'Pendiente', 'Acogimiento');
    await noDeveloperPage(u.page);
    expect(u.errors).toEqual([]);
  });

  it('after a referral is accepted and a decision recorded, the referrals page, the case page and the review screen of one session show them without a reload', async () => {
    // One person on MSP's committee seat who is also its focal point: the review screen and the referrals page are theirs.
    const username = `msp.both.${randomUUID().slice(0, 8)}`;
    const oneTime = `Ruta-${randomUUID()}`;
    await web.http().post('/api/v1/users').set(p.as('admin')).send({
      username, displayName: 'Comité y punto focal MSP', password: oneTime, agency: 'MSP', roles: ['committee_member', 'service_focal_point'],
    }).expect(201);
    // The password an admin set is replaced at the first sign-in.
    const challenge = (await web.http().post('/api/v1/auth/login').send({ username, password: oneTime }).expect(200)).body;
    const password = `Ruta-${randomUUID()}`;
    await web.http().post('/api/v1/auth/password').send({ passwordChangeToken: challenge.passwordChangeToken, newPassword: password }).expect(200);
    const members = await Promise.all(['committee.mdi', 'committee.mies', 'committee.sdh'].map(async (m) => {
      const me = (await web.http().get('/api/v1/auth/me').set(p.as(m)).expect(200)).body;
      return `${me.displayName} — ${me.agency.name.es}`;
    }));
    const { caseId: acceptedId, reviewId: firstReview } = await p.underReview('adult_woman');
    await p.decide(firstReview, { decision: 'recognize', leadAgency: 'MIES', plan: { referrals: [{ serviceType: 'medical_care', agency: 'MSP' }], requestVisa: false } }).expect(200);
    const accepted = await caseNumber(acceptedId);
    const { caseId: decidedId } = await p.underReview('adult_woman');
    const decided = await caseNumber(decidedId);

    const u = await signIn(username, 'es', password);
    const { page } = u;
    const status = () => page.getByRole('group', { name: 'Datos principales del caso' });

    // The review screen of a recognized case, its case page (Referrals tab: pending), the referrals page.
    await page.goto(`/cases/${acceptedId}/review`);
    await shows(page, page.getByRole('heading', { level: 1, name: `Análisis del caso ${accepted}` }));
    const summary = page.getByRole('region', { name: `Caso ${accepted}` });
    await summary.getByText('Reconocido', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Ver la ficha del caso' }).click();
    await shows(page, page.getByRole('heading', { level: 1, name: `Caso ${accepted}` }));
    await status().getByText('Reconocido', { exact: true }).waitFor();
    await referralsTab(page, 'Pendiente');
    await page.getByRole('link', { name: 'Derivaciones', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: accepted });
    await row.getByText('Pendiente').waitFor();

    // MSP accepts: the referrals page shows it…
    await row.getByRole('button', { name: `Aceptar la derivación del caso ${accepted}` }).click();
    await row.getByText('Aceptada').waitFor();
    // …and, back through the browser's history (no reload), the case page and the review screen shown a
    // moment ago: the case is now in assistance, its referral accepted.
    await page.goBack();
    await shows(page, page.getByRole('heading', { level: 1, name: `Caso ${accepted}` }));
    await status().getByText('En atención', { exact: true }).waitFor();
    await page.getByRole('table', { name: 'Derivaciones' }).getByRole('row').filter({ hasText: 'Atención médica' }).filter({ hasText: 'Aceptada' }).waitFor();
    await page.goBack();
    await shows(page, page.getByRole('heading', { level: 1, name: `Análisis del caso ${accepted}` }));
    await summary.getByText('En atención', { exact: true }).waitFor();

    // Another case under review: its page, then its review screen, where the committee recognizes the
    // person with a referral to MSP's medical care.
    await page.getByRole('textbox', { name: 'Buscar caso por número' }).fill(decided);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: decided, exact: true }).click();
    await shows(page, page.getByRole('heading', { level: 1, name: `Caso ${decided}` }));
    await status().getByText('En análisis').waitFor();
    await page.getByRole('link', { name: 'Decidir en el análisis abierto' }).click();
    await shows(page, page.getByRole('heading', { level: 1, name: `Análisis del caso ${decided}` }));
    for (const member of members) await page.getByRole('checkbox', { name: member }).check();
    await page.getByLabel(/^Fundamentación/).fill('Indicadores de explotación laboral confirmados.');
    await choose(page, /^Institución líder/, /\(MIES\)/);
    await page.getByRole('button', { name: 'Agregar servicio' }).click();
    await choose(page, /^Servicio/, /^Atención médica$/);
    await page.getByRole('button', { name: 'Registrar la decisión' }).click();
    await page.getByText('Decisión registrada: Reconocer como víctima.').waitFor();

    // The case page shown before the decision: recognized now, with its new referral.
    await page.getByRole('link', { name: 'Ver la ficha del caso' }).click();
    await shows(page, page.getByRole('heading', { level: 1, name: `Caso ${decided}` }));
    await status().getByText('Reconocido', { exact: true }).waitFor();
    await referralsTab(page, 'Pendiente');
    // The referrals page lists it among those to attend to.
    await page.getByRole('link', { name: 'Derivaciones', exact: true }).click();
    await page.getByRole('row').filter({ hasText: decided }).getByText('Pendiente').waitFor();
    await noDeveloperPage(page);
    expect(u.errors).toEqual([]);
  });
});
