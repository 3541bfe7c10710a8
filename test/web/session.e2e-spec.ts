import { Client } from 'pg';
import { waitFor } from '../support/app';
import { readRun } from '../support/test-env';
import { screenshot, seriousA11yViolations, startWebApp, type WebApp } from '../support/browser';

// Sessions in the browser (issue 10, PRODUCT.md section 15): the access token only in memory, the refresh
// token in an HttpOnly cookie page scripts cannot read, silent renewal, sign-out, and an ended session
// taking the user back to sign-in and then to where they were.
jest.setTimeout(120_000);

describe('web app: signing in and staying signed in', () => {
  let web: WebApp;

  beforeAll(async () => {
    // The shortest access token the configuration allows, so that silent renewal happens within the test.
    web = await startWebApp({ ACCESS_TOKEN_TTL_SECONDS: '30' });
  });
  afterAll(() => web.stop());

  it('shows the sign-in page in Spanish by default and in English by the remembered switch, without violations', async () => {
    const es = await web.user({ lang: 'es' });
    await es.page.goto('/');
    await es.page.getByRole('heading', { name: 'Ingresar a Ruta' }).waitFor();
    expect(new URL(es.page.url()).pathname).toBe('/sign-in');
    expect(await seriousA11yViolations(es.page)).toEqual([]);
    // Every name in the user's language, the password field's eye button too (issue 20: it was English).
    await es.page.getByRole('button', { name: 'Mostrar u ocultar la contraseña' }).waitFor();
    expect(await es.page.getByRole('button', { name: /toggle/i }).count()).toBe(0);
    await screenshot(es.page, 'sign-in-es');
    await es.page.getByText('English').click();
    await es.page.getByRole('heading', { name: 'Sign in to Ruta' }).waitFor();
    await es.page.reload();
    await es.page.getByRole('heading', { name: 'Sign in to Ruta' }).waitFor();
    await es.page.getByRole('button', { name: 'Show or hide the password' }).waitFor();
    await screenshot(es.page, 'sign-in-en');
    expect(es.errors).toEqual([]);
  });

  it('answers the app with a strict Content-Security-Policy and no inline script', async () => {
    const res = await web.http().get('/cases/123e4567-e89b-12d3-a456-426614174000').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('keeps the user signed in across a reload on a deep link, with no token readable by page scripts', async () => {
    const u = await web.user();
    await u.signIn('officer.quito');
    await u.page.goto('/cases?status=screening');
    await u.page.getByRole('heading', { level: 1 }).waitFor();
    await u.page.reload();
    await u.page.getByRole('navigation', { name: 'Navegación principal' }).first().waitFor();
    expect(new URL(u.page.url()).pathname + new URL(u.page.url()).search).toBe('/cases?status=screening');
    const readable = await u.page.evaluate(() => ({
      cookie: document.cookie,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    }));
    expect(readable.cookie).not.toContain('ruta_refresh');
    expect(`${readable.local}${readable.session}`).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/); // no JWT
    const cookies = await u.context.cookies();
    const refresh = cookies.find((c) => c.name === 'ruta_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(u.errors).toEqual([]);
  });

  it('shows the wait for the session as a named status in the user\'s language, without violations', async () => {
    const u = await web.user();
    await u.signIn('officer.quito');
    // The session is restored from its cookie on a reload: held here until the screen has been checked.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await u.page.route('**/api/v1/auth/refresh', async (route) => { await held; await route.continue(); });
    await u.page.reload();
    await u.page.getByRole('status', { name: 'Cargando…' }).waitFor();
    expect(await seriousA11yViolations(u.page)).toEqual([]);
    release();
    await u.page.getByRole('navigation', { name: 'Navegación principal' }).first().waitFor();
    expect(u.errors).toEqual([]);
  });

  it('keeps the side bar readable: the current screen\'s link, under the pointer, passes axe', async () => {
    const u = await web.user();
    await u.signIn('officer.quito');
    const nav = u.page.getByRole('navigation', { name: 'Navegación principal' }).first();
    // Clicked, the link is the current screen's and the pointer still rests on it (issue 20: 4.01:1).
    await nav.getByRole('link', { name: 'Casos' }).click();
    await u.page.getByRole('heading', { level: 1, name: 'Casos' }).waitFor();
    expect(await seriousA11yViolations(u.page)).toEqual([]);
    expect(u.errors).toEqual([]);
  });

  it('renews the access token silently while the user works', async () => {
    const u = await web.user();
    const login = u.page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.status() === 200);
    await u.signIn('committee.mies');
    const first = (await (await login).json()).accessToken as string;
    const renewed = u.page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh') && r.status() === 200, { timeout: 40_000 });
    await renewed;
    // Once the first access token has expired (30 s) and the API refuses it, the user still works without
    // signing in again.
    await waitFor(async () => (await web.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${first}`)).status === 401, 40_000, 500);
    await u.page.goto('/cases');
    await u.page.getByRole('navigation', { name: 'Navegación principal' }).first().waitFor();
    expect(new URL(u.page.url()).pathname).toBe('/cases');
    expect(u.errors).toEqual([]);
  });

  it('signs out: the cookie is gone and a reload stays on sign-in', async () => {
    const u = await web.user({ lang: 'en' });
    await u.signIn('focal.msp');
    await u.page.getByRole('button', { name: /^User:/ }).click();
    await u.page.getByRole('menuitem', { name: 'Sign out' }).click();
    await u.page.getByRole('heading', { name: 'Sign in to Ruta' }).waitFor();
    expect((await u.context.cookies()).find((c) => c.name === 'ruta_refresh')).toBeUndefined();
    await u.page.goto('/referrals');
    await u.page.getByRole('heading', { name: 'Sign in to Ruta' }).waitFor();
    expect(u.errors).toEqual([]);
  });

  it('returns to sign-in when the session ends, then back to the same screen', async () => {
    const u = await web.user();
    await u.signIn('officer.rumichaca');
    await u.page.goto('/cases?status=identified');
    await u.page.getByRole('heading', { level: 1 }).waitFor();
    // The session ends on the server (as when an administrator disables the account, then enables it).
    const db = new Client({ connectionString: readRun().databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = 'logout'
        WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE username = 'officer.rumichaca')`);
    } finally {
      await db.end();
    }
    await u.page.getByRole('link', { name: 'Bandeja de tareas' }).click();
    await u.page.getByText('Su sesión terminó').waitFor();
    expect(new URL(u.page.url()).searchParams.get('next')).toBe('/');
    await u.page.getByLabel(/^Usuario/).fill('officer.rumichaca');
    await u.page.getByLabel(/^Contraseña/).fill('Ruta-Demo-2026');
    await u.page.getByRole('button', { name: 'Ingresar' }).click();
    await u.page.getByRole('navigation', { name: 'Navegación principal' }).first().waitFor();
    expect(new URL(u.page.url()).pathname).toBe('/');
    // A 401 the session fetch then recovers from is the only kind of console error allowed here.
    expect(u.errors.filter((e) => !/401/.test(e))).toEqual([]);
  });
});
