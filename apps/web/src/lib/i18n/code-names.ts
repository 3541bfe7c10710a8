/**
 * Names, in the user's language, of the ISO codes the API holds: countries (ISO 3166-1 alpha-3, as
 * nationalities and documents' issuing countries) and languages (ISO 639-3). Names come from the
 * browser's Intl.DisplayNames; a code it cannot name is shown as the code itself.
 */

/** Alpha-3 → alpha-2 (the code Intl knows a region by); Ecuador's borders and routes first. */
export const COUNTRIES: readonly (readonly [alpha3: string, alpha2: string])[] = [
  ['ECU', 'EC'], ['VEN', 'VE'], ['COL', 'CO'], ['PER', 'PE'], ['CUB', 'CU'], ['HTI', 'HT'], ['DOM', 'DO'], ['BOL', 'BO'],
  ['CHL', 'CL'], ['ARG', 'AR'], ['BRA', 'BR'], ['PRY', 'PY'], ['URY', 'UY'], ['PAN', 'PA'], ['CRI', 'CR'], ['NIC', 'NI'],
  ['HND', 'HN'], ['SLV', 'SV'], ['GTM', 'GT'], ['MEX', 'MX'], ['USA', 'US'], ['CAN', 'CA'], ['ESP', 'ES'], ['ITA', 'IT'],
  ['CHN', 'CN'], ['IND', 'IN'], ['NPL', 'NP'], ['BGD', 'BD'], ['PAK', 'PK'], ['AFG', 'AF'], ['SYR', 'SY'], ['NGA', 'NG'],
  ['GHA', 'GH'], ['CMR', 'CM'], ['SEN', 'SN'], ['ERI', 'ER'], ['SOM', 'SO'], ['RUS', 'RU'], ['UKR', 'UA'], ['PHL', 'PH'],
  ['VNM', 'VN'],
];

/** ISO 639-3 → the BCP 47 tag Intl names it by. */
export const LANGUAGES: readonly (readonly [iso6393: string, bcp47: string])[] = [
  ['spa', 'es'], ['eng', 'en'], ['por', 'pt'], ['fra', 'fr'], ['hat', 'ht'], ['que', 'qu'], ['qvi', 'qu'], ['ita', 'it'],
  ['zho', 'zh'], ['ara', 'ar'], ['hin', 'hi'], ['nep', 'ne'], ['ben', 'bn'], ['urd', 'ur'], ['rus', 'ru'], ['ukr', 'uk'],
  ['tgl', 'tl'], ['vie', 'vi'], ['wol', 'wo'], ['som', 'so'], ['tir', 'ti'],
];

const ALPHA2 = new Map(COUNTRIES);
const BCP47 = new Map(LANGUAGES);
const cache = new Map<string, Intl.DisplayNames | null>();

function displayNames(type: 'region' | 'language', lang: string): Intl.DisplayNames | null {
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

/** "VEN" → "Venezuela"; an alpha-3 code without a mapping → the code itself. */
export function countryName(alpha3: string, lang: string): string {
  const alpha2 = ALPHA2.get(alpha3.toUpperCase());
  return (alpha2 && of(displayNames('region', lang), alpha2)) || alpha3;
}

/** "spa" → "Español" / "Spanish"; a code Intl cannot name → the code itself. */
export function languageName(code: string, lang: string): string {
  const name = of(displayNames('language', lang), BCP47.get(code.toLowerCase()) ?? code);
  if (!name || name.toLowerCase() === code.toLowerCase()) return code;
  return `${name.charAt(0).toLocaleUpperCase(lang)}${name.slice(1)}`;
}
