import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Every text a person reads exists in Spanish and in English (issue 10): same namespaces, same keys,
// no empty value, and the same {{placeholders}} in both.
const dir = __dirname;
const load = (lang: string) =>
  Object.fromEntries(
    readdirSync(join(dir, lang))
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, lang, f), 'utf8'))]),
  );

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.entries(value as Record<string, unknown>).reduce(
    (acc, [k, v]) => ({ ...acc, ...flatten(v, prefix ? `${prefix}.${k}` : k) }),
    {} as Record<string, string>,
  );
}

describe('web app messages', () => {
  const es = flatten(load('es'));
  const en = flatten(load('en'));

  it('has every key in both languages', () => {
    expect(Object.keys(es).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in es))).toEqual([]);
    expect(Object.keys(es).length).toBeGreaterThan(100);
  });

  it('has no empty text and the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).map((p) => p.replace(/\s/g, '')).sort();
    for (const key of Object.keys(es)) {
      expect([key, es[key].trim().length > 0, (en[key] ?? '').trim().length > 0]).toEqual([key, true, true]);
      expect([key, placeholders(es[key])]).toEqual([key, placeholders(en[key] ?? '')]);
    }
  });
});
