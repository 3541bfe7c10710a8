import type { Request, Response } from 'express';
import { pickLocale } from '../i18n/locale';

const TEXT = {
  es: {
    title: 'Ruta',
    lead: 'Sistema de gestión de casos para la identificación, protección y seguimiento de víctimas de trata de personas.',
    api: 'API', docs: 'Documentación de la API', health: 'Estado del servicio',
    note: 'La aplicación web no está compilada en este servidor (npm run build o npm start la compilan); mientras tanto, use la API.',
  },
  en: {
    title: 'Ruta',
    lead: 'Case management for the identification, protection and follow-up of victims of human trafficking.',
    api: 'API', docs: 'API documentation', health: 'Service status',
    note: 'The web app is not built on this server (npm run build or npm start build it); meanwhile, use the API.',
  },
};

/** Without a web build, the address printed at start-up answers with a short page (no data) pointing to the API and its docs. */
export function homePage(req: Request, res: Response): void {
  const lang = pickLocale(req.headers['accept-language']);
  const t = TEXT[lang];
  res.setHeader('Cache-Control', 'no-store');
  res.type('html').send(`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${t.title}</title></head>
<body><h1>${t.title}</h1><p>${t.lead}</p>
<ul><li><a href="/api/docs">${t.docs}</a> (<code>/api/docs</code>)</li>
<li>${t.api}: <code>/api/v1</code></li><li><a href="/api/v1/health">${t.health}</a></li></ul>
<p>${t.note}</p></body></html>`);
}
