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

/**
 * The codes ICAO Doc 9303 adds for a nationality that is no country's (PRODUCT.md section 4), named in both
 * languages by Ruta (Intl knows no region for them). Accepted as a nationality only, never as a document's
 * issuing country.
 */
export const SPECIAL_NATIONALITIES: Readonly<Record<string, LocalizedText>> = {
  XXA: { es: 'Persona apátrida', en: 'Stateless person' },
  XXB: { es: 'Persona refugiada (Convención de 1951)', en: 'Refugee (1951 Convention)' },
  XXC: { es: 'Persona refugiada (otra)', en: 'Refugee (other)' },
  XXX: { es: 'Nacionalidad no especificada', en: 'Unspecified nationality' },
};

/** A nationality code Ruta accepts: a country's ISO 3166-1 alpha-3 code (`isCountry`), or an ICAO code above. */
export function isNationalityCode(code: string, isCountry: (code: string) => boolean): boolean {
  return Object.hasOwn(SPECIAL_NATIONALITIES, code) || isCountry(code);
}

const ALPHA2 = new Map(COUNTRIES);
const names = new Map<Locale, Intl.DisplayNames>();

/** The country's name in the locale, or the code itself when it is not known. */
export function countryName(alpha3: string, locale: Locale): string {
  const special = SPECIAL_NATIONALITIES[alpha3];
  if (special) return special[locale];
  const alpha2 = ALPHA2.get(alpha3);
  if (!alpha2) return alpha3;
  let dn = names.get(locale);
  if (!dn) {
    dn = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    names.set(locale, dn);
  }
  return dn.of(alpha2) ?? alpha3;
}

/** Every country of the table with its name in both languages, in the table's order, then the ICAO nationality codes. */
export function countryNames(): { code: string; name: LocalizedText; issuesDocuments: boolean }[] {
  return [...COUNTRIES.map(([code]) => code), ...Object.keys(SPECIAL_NATIONALITIES)].map((code) => ({
    code, name: { es: countryName(code, 'es'), en: countryName(code, 'en') }, issuesDocuments: !Object.hasOwn(SPECIAL_NATIONALITIES, code),
  }));
}
