/// <reference lib="dom" />
// Page-side functions (page.evaluate, addInitScript) run in the browser: the DOM types describe them.
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { bootApp, DEMO_PASSWORD, type TestApp } from './app';

/**
 * Browser tests (issue 10): the API serves the built web app (dist/web, built by `npm test` before jest)
 * on a real port, and Debian's Chromium drives it as a user would. Never a downloaded browser.
 */
/**
 * Screenshots are taken only when asked (issue 19): `npm run screenshots` (RUTA_SCREENSHOTS=1) rewrites the
 * committed ones under docs/screenshots/ (the README shows them); RUTA_SCREENSHOTS=<folder> writes them there.
 * An ordinary run takes none: encoding a full page is about a second of the browser's CPU each.
 */
const SCREENSHOTS_ASKED = process.env.RUTA_SCREENSHOTS ?? '';
export const SCREENSHOTS = SCREENSHOTS_ASKED === '1' || SCREENSHOTS_ASKED === ''
  ? resolve(__dirname, '..', '..', 'docs', 'screenshots')
  : resolve(SCREENSHOTS_ASKED);
/**
 * Debian's Chromium. Its old headless shell (package chromium-headless-shell, the same engine without the
 * browser's window code) when it is installed: it renders the same pages with about 40 % less CPU.
 */
const CHROMIUM = process.env.CHROMIUM_PATH
  ?? ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p))
  ?? '/usr/bin/chromium';

export const LAPTOP = { width: 1280, height: 800 };
export const TABLET = { width: 768, height: 1024 };

export interface WebApp extends TestApp {
  baseUrl: string;
  browser: Browser;
  /** A new browser profile (its own cookies and storage) in one language, at one size. */
  user: (options?: { lang?: 'es' | 'en'; viewport?: { width: number; height: number } }) => Promise<WebUser>;
  stop: () => Promise<void>;
}

export interface WebUser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far (a screen is done when there are none). */
  errors: string[];
  signIn: (username: string, password?: string) => Promise<void>;
}

export async function startWebApp(overrides: Record<string, string> = {}): Promise<WebApp> {
  const index = resolve(__dirname, '..', '..', 'dist', 'web', 'index.html');
  if (!existsSync(index)) throw new Error('dist/web is missing: `npm test` builds the web app first (npm run build:web)');
  const t = await bootApp(overrides);
  await t.app.listen(0, '127.0.0.1');
  const baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const contexts: BrowserContext[] = [];
  const user = async ({ lang = 'es', viewport = LAPTOP }: { lang?: 'es' | 'en'; viewport?: { width: number; height: number } } = {}) => {
    const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: lang === 'es' ? 'es-EC' : 'en-US', timezoneId: 'America/Guayaquil' });
    contexts.push(context);
    // The profile's language, as if the user had chosen it once; a later switch in the page is kept.
    await context.addInitScript((l) => {
      if (!localStorage.getItem('ruta.language')) localStorage.setItem('ruta.language', l);
    }, lang);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
    const signIn = async (username: string, password = DEMO_PASSWORD) => {
      await page.goto('/sign-in');
      const es = lang === 'es';
      // Required fields' labels end with Mantine's " *".
      await page.getByLabel(es ? /^Usuario/ : /^Username/).fill(username);
      await page.getByLabel(es ? /^Contraseña/ : /^Password/).fill(password);
      await page.getByRole('button', { name: es ? 'Ingresar' : 'Sign in' }).click();
      await page.getByRole('navigation', { name: es ? 'Navegación principal' : 'Main navigation' }).first().waitFor();
    };
    return { context, page, errors, signIn };
  };
  const stop = async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser.close();
    await t.close();
  };
  return { ...t, baseUrl, browser, user, stop };
}

/** axe on the page as it is now: no serious or critical violation (the bar). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // axe.run in the page itself: the app has no frames, so the default (a partial run in each frame, then the
  // results joined in a blank page opened for it) only adds a page and a second copy of axe to every check.
  // Only the violations are asked for: axe then skips recording every passing node.
  const result = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * A screenshot `<screen>-<lang>[-tablet].png` under SCREENSHOTS, when screenshots are asked for (the full
 * page, or only what is in view); the path written, or undefined.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string | undefined> {
  if (!SCREENSHOTS_ASKED) return undefined;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
