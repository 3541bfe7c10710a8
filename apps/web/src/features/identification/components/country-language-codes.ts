/**
 * Nationalities (ISO 3166-1 alpha-3) and languages (ISO 639-3) offered on intake: the ones seen at
 * Ecuador's borders first. Names come from the browser's Intl.DisplayNames in the user's language, so
 * the lists hold codes only; the two-letter codes are what Intl knows them by.
 */
export const COUNTRIES: [alpha3: string, alpha2: string][] = [
  ['ECU', 'EC'], ['VEN', 'VE'], ['COL', 'CO'], ['PER', 'PE'], ['CUB', 'CU'], ['HTI', 'HT'], ['DOM', 'DO'], ['BOL', 'BO'],
  ['CHL', 'CL'], ['ARG', 'AR'], ['BRA', 'BR'], ['PRY', 'PY'], ['URY', 'UY'], ['PAN', 'PA'], ['CRI', 'CR'], ['NIC', 'NI'],
  ['HND', 'HN'], ['SLV', 'SV'], ['GTM', 'GT'], ['MEX', 'MX'], ['USA', 'US'], ['CAN', 'CA'], ['ESP', 'ES'], ['ITA', 'IT'],
  ['CHN', 'CN'], ['IND', 'IN'], ['NPL', 'NP'], ['BGD', 'BD'], ['PAK', 'PK'], ['AFG', 'AF'], ['SYR', 'SY'], ['NGA', 'NG'],
  ['GHA', 'GH'], ['CMR', 'CM'], ['SEN', 'SN'], ['ERI', 'ER'], ['SOM', 'SO'], ['RUS', 'RU'], ['UKR', 'UA'], ['PHL', 'PH'],
  ['VNM', 'VN'],
];

export const LANGUAGES: [iso6393: string, bcp47: string][] = [
  ['spa', 'es'], ['eng', 'en'], ['por', 'pt'], ['fra', 'fr'], ['hat', 'ht'], ['que', 'qu'], ['qvi', 'qu'], ['ita', 'it'],
  ['zho', 'zh'], ['ara', 'ar'], ['hin', 'hi'], ['nep', 'ne'], ['ben', 'bn'], ['urd', 'ur'], ['rus', 'ru'], ['ukr', 'uk'],
  ['tgl', 'tl'], ['vie', 'vi'], ['wol', 'wo'], ['som', 'so'], ['tir', 'ti'],
];

function names(type: 'region' | 'language', lang: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([lang], { type });
  } catch {
    return null;
  }
}

export function countryOptions(lang: string): { value: string; label: string }[] {
  const dn = names('region', lang);
  return COUNTRIES.map(([a3, a2]) => ({ value: a3, label: `${dn?.of(a2) ?? a3} (${a3})` }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

export function languageOptions(lang: string): { value: string; label: string }[] {
  const dn = names('language', lang);
  return LANGUAGES.map(([code, tag]) => {
    const base = dn?.of(tag) ?? code;
    return { value: code, label: `${base.charAt(0).toLocaleUpperCase(lang)}${base.slice(1)} (${code})` };
  }).sort((a, b) => a.label.localeCompare(b.label, lang));
}
