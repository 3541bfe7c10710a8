import { Locale, LocalizedText } from './locale';

/**
 * The countries Ruta names (the one table; the web app reads it from GET /catalog/countries): ISO 3166-1
 * alpha-3, as Ruta stores nationalities and documents' issuing countries, with the alpha-2 code Intl names
 * a region by. Ecuador's borders and routes first.
 */
export const COUNTRIES: readonly (readonly [alpha3: string, alpha2: string])[] = [
  ['ECU', 'EC'], ['VEN', 'VE'], ['COL', 'CO'], ['PER', 'PE'], ['CUB', 'CU'], ['HTI', 'HT'], ['DOM', 'DO'], ['BOL', 'BO'],
  ['CHL', 'CL'], ['ARG', 'AR'], ['BRA', 'BR'], ['PRY', 'PY'], ['URY', 'UY'], ['PAN', 'PA'], ['CRI', 'CR'], ['NIC', 'NI'],
  ['HND', 'HN'], ['SLV', 'SV'], ['GTM', 'GT'], ['MEX', 'MX'], ['USA', 'US'], ['CAN', 'CA'], ['ESP', 'ES'], ['ITA', 'IT'],
  ['CHN', 'CN'], ['IND', 'IN'], ['NPL', 'NP'], ['BGD', 'BD'], ['PAK', 'PK'], ['AFG', 'AF'], ['SYR', 'SY'], ['NGA', 'NG'],
  ['GHA', 'GH'], ['CMR', 'CM'], ['SEN', 'SN'], ['ERI', 'ER'], ['SOM', 'SO'], ['RUS', 'RU'], ['UKR', 'UA'], ['PHL', 'PH'],
  ['VNM', 'VN'],
];

const ALPHA2 = new Map(COUNTRIES);
const names = new Map<Locale, Intl.DisplayNames>();

/** The country's name in the locale, or the code itself when it is not known. */
export function countryName(alpha3: string, locale: Locale): string {
  const alpha2 = ALPHA2.get(alpha3);
  if (!alpha2) return alpha3;
  let dn = names.get(locale);
  if (!dn) {
    dn = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    names.set(locale, dn);
  }
  return dn.of(alpha2) ?? alpha3;
}

/** Every country of the table with its name in both languages, in the table's order. */
export function countryNames(): { code: string; name: LocalizedText }[] {
  return COUNTRIES.map(([code]) => ({ code, name: { es: countryName(code, 'es'), en: countryName(code, 'en') } }));
}
