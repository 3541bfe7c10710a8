import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ProblemException } from '../errors/problem.exception';

/**
 * The web app's pages and files (PRODUCT.md section 15): scripts and styles only from this origin, no
 * inline script (Mantine writes inline styles), nothing framed, no plugins, no <base>, and fetches only
 * to the API on this origin. The API's answers keep helmet's defaults.
 */
export const WEB_APP_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

const webAppHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: WEB_APP_CSP },
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
});

/** Vite names every file under assets/ by its content hash: it never changes, so it is cached for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const notFound = () => ProblemException.notFound('not_found', { detail: { es: 'El archivo no existe', en: 'The file does not exist' } });

export function isApiPath(urlPath: string): boolean {
  return urlPath === '/api' || urlPath.startsWith('/api/');
}

/**
 * Serves the built web app from `dir` when its index.html exists; answers false (nothing mounted) when not.
 * assets/* are immutable files (a missing one is a 404 problem, never the page); other files in the build
 * (favicon…) are revalidated; every other GET or HEAD outside /api that accepts HTML answers index.html so
 * that a deep link (/cases/<id>) survives a reload. /api is left to the API.
 */
export function serveWebApp(app: NestExpressApplication, dir: string): boolean {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const pageOnly = (req: Request, res: Response, next: NextFunction) => (isApiPath(req.path) ? next() : webAppHeaders(req, res, next));
  app.use(pageOnly);
  app.use('/assets', express.static(path.join(dir, 'assets'), {
    index: false, redirect: false,
    setHeaders: (res) => res.setHeader('Cache-Control', IMMUTABLE),
  }));
  app.use('/assets', (req: Request, _res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    next(notFound());
  });
  const files = express.static(dir, { index: false, redirect: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') });
  app.use((req: Request, res: Response, next: NextFunction) => (isApiPath(req.path) ? next() : files(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    // Relative to its root: `send` refuses an absolute path with a segment that starts with a dot, so a
    // checkout under a hidden folder (~/.local/src/ruta) would not be served. A file gone since start-up
    // (a build being replaced) is a 404 problem, never a 500.
    res.sendFile('index.html', { root: dir }, (err?: Error & { status?: number; code?: string }) => {
      if (!err || res.headersSent) return;
      if (err.status === 404 || err.code === 'ENOENT') return next(notFound());
      next(err);
    });
  });
  return true;
}
