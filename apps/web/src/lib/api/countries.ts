import type { Schema } from './types';

export type Country = Schema<'CountryResponse'>;

/**
 * "VEN" → "Venezuela" in the language, from the API's one table (GET /catalog/countries, read with
 * useCountries in shared-queries); a code the table does not name (or before it is read) → the code.
 */
export function countryName(countries: readonly Country[] | undefined, code: string, lang: string): string {
  const name = countries?.find((c) => c.code === code.toUpperCase())?.name;
  return name ? (lang === 'en' ? name.en : name.es) : code;
}
