import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateRutaConfig } from '@ruta/core';
import { bootApp, TestApp } from '../support/app';

/** The web app served at / by the API (PRODUCT.md sections 14 and 15), from a small fake build. */
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/x.js"></script></head><body><div id="root"></div></body></html>';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
  + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

function parseCsp(header: string): Record<string, string> {
  return Object.fromEntries(header.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values.join(' ')];
  }));
}

describe('Serving the web app (PRODUCT.md section 15)', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ruta-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'x.js'), 'console.log("ruta");\n');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await bootApp({ WEB_DIST_DIR: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/cases/123e4567-e89b-12d3-a456-426614174000', '/inbox?x=1'])('answers %s with index.html, revalidated, under the strict CSP', async (path) => {
    const res = await t.http().get(path).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(parseCsp(res.headers['content-security-policy'])).toEqual(parseCsp(CSP));
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers HEAD like GET, and answers a request that does not accept HTML with a 404 problem', async () => {
    await t.http().head('/cases/123e4567-e89b-12d3-a456-426614174000').expect(200).expect('Content-Type', /html/);
    const json = await t.http().get('/cases/123e4567-e89b-12d3-a456-426614174000').set('Accept', 'application/json');
    expect(json.status).toBe(404);
    expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves assets as immutable files, and a missing asset is a 404, never the page', async () => {
    const js = await t.http().get('/assets/x.js').expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.headers['content-security-policy']).toBeDefined();
    const missing = await t.http().get('/assets/missing.js').set('Accept', 'text/html,*/*');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('id="root"');
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    const favicon = await t.http().get('/favicon.svg').expect(200);
    expect(favicon.headers['cache-control']).toBe('no-cache');
  });

  it('leaves /api alone: unknown API paths keep their JSON problem, the API its own headers, and the docs work', async () => {
    const nope = await t.http().get('/api/v1/nope').set('Accept', 'text/html');
    expect(nope.status).toBe(404);
    expect(nope.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(nope.headers['cache-control']).toBe('no-store');
    const health = await t.http().get('/api/v1/health').expect(200);
    expect(health.headers['cache-control']).toBe('no-store');
    expect(parseCsp(health.headers['content-security-policy'])['connect-src']).toBeUndefined(); // helmet's default, not the page's
    const docs = await t.http().get('/api/docs/').set('Accept', 'text/html').expect(200).expect('Content-Type', /html/);
    expect(docs.text).toContain('swagger');
    await t.http().get('/api/docs-json').expect(200);
  });
});

describe('Served from any folder', () => {
  it('answers / and a deep link from a build under a hidden folder (a checkout in ~/.local/src/ruta), and its assets', async () => {
    const hidden = mkdtempSync(join(tmpdir(), '.ruta-hidden-'));
    const dist = join(hidden, 'src', 'ruta', 'dist', 'web');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'x.js'), 'console.log("ruta");\n');
    const t = await bootApp({ WEB_DIST_DIR: dist });
    try {
      for (const path of ['/', '/cases/123e4567-e89b-12d3-a456-426614174000']) {
        const res = await t.http().get(path).set('Accept', 'text/html');
        expect({ path, status: res.status, text: res.text }).toEqual({ path, status: 200, text: INDEX });
      }
      await t.http().get('/assets/x.js').expect(200);
    } finally {
      await t.close();
      rmSync(hidden, { recursive: true, force: true });
    }
  });

  it('answers a 404 problem, never a 500, when the page is gone after start-up (a build being replaced)', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ruta-web-gone-'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    const t = await bootApp({ WEB_DIST_DIR: dist });
    try {
      rmSync(join(dist, 'index.html'));
      const res = await t.http().get('/').set('Accept', 'text/html');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await t.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('Without a web build', () => {
  it('answers / with the home page pointing to the API', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ruta-noweb-'));
    const t = await bootApp({ WEB_DIST_DIR: empty });
    try {
      const res = await t.http().get('/').expect(200).expect('Content-Type', /html/);
      expect(res.text).toContain('/api/docs');
      await t.http().get('/assets/x.js').expect(404);
      const deep = await t.http().get('/cases/123e4567-e89b-12d3-a456-426614174000').set('Accept', 'text/html');
      expect(deep.status).toBe(404);
      expect(deep.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await t.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('stops start-up (validateRutaConfig, the first step of createApiApp) when WEB_DIST_DIR names no directory', () => {
    const before = process.env.WEB_DIST_DIR;
    process.env.WEB_DIST_DIR = join(tmpdir(), 'ruta-web-does-not-exist');
    try {
      expect(() => validateRutaConfig()).toThrow(/WEB_DIST_DIR must name an existing directory/);
    } finally {
      if (before === undefined) delete process.env.WEB_DIST_DIR;
      else process.env.WEB_DIST_DIR = before;
    }
  });
});
