/**
 * Names, in the user's language, of the language codes the API holds (ISO 639-3). Names come from the
 * browser's Intl.DisplayNames; a code it cannot name is shown as the code itself. Countries are named by
 * the API (lib/api/countries.ts, GET /catalog/countries).
 */

/** ISO 639-3 → the BCP 47 tag Intl names it by. */
export const LANGUAGES: readonly (readonly [iso6393: string, bcp47: string])[] = [
  ['spa', 'es'], ['eng', 'en'], ['por', 'pt'], ['fra', 'fr'], ['hat', 'ht'], ['que', 'qu'], ['qvi', 'qu'], ['ita', 'it'],
  ['zho', 'zh'], ['ara', 'ar'], ['hin', 'hi'], ['nep', 'ne'], ['ben', 'bn'], ['urd', 'ur'], ['rus', 'ru'], ['ukr', 'uk'],
  ['tgl', 'tl'], ['vie', 'vi'], ['wol', 'wo'], ['som', 'so'], ['tir', 'ti'],
];

const BCP47 = new Map(LANGUAGES);
const cache = new Map<string, Intl.DisplayNames | null>();

function displayNames(type: 'language', lang: string): Intl.DisplayNames | null {
  const key = `${type}:${lang}`;
  if (!cache.has(key)) {
    try {
      cache.set(key, new Intl.DisplayNames([lang], { type, fallback: 'code' }));
    } catch {
      cache.set(key, null);
    }
  }
  return cache.get(key) ?? null;
}

function of(dn: Intl.DisplayNames | null, code: string): string | undefined {
  try {
    return dn?.of(code);
  } catch {
    return undefined;
  }
}

/** "spa" → "Español" / "Spanish"; a code Intl cannot name → the code itself. */
export function languageName(code: string, lang: string): string {
  const name = of(displayNames('language', lang), BCP47.get(code.toLowerCase()) ?? code);
  if (!name || name.toLowerCase() === code.toLowerCase()) return code;
  return `${name.charAt(0).toLocaleUpperCase(lang)}${name.slice(1)}`;
}
