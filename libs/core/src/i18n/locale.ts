export type Locale = 'es' | 'en';

export interface LocalizedText {
  es: string;
  en: string;
}

/** Picks es or en from an Accept-Language header; Spanish is the default (PRODUCT.md section 13). */
export function pickLocale(header: string | string[] | undefined): Locale {
  const raw = Array.isArray(header) ? header.join(',') : header ?? '';
  const ranked = raw
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.split('-')[0], weight: Number.isFinite(weight) ? weight : 0 };
    })
    .filter((entry) => entry.lang === 'es' || entry.lang === 'en')
    .sort((a, b) => b.weight - a.weight);
  return ranked.length > 0 && ranked[0].weight > 0 ? (ranked[0].lang as Locale) : 'es';
}
