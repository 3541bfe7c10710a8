import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './problem';
import type { Schema } from './types';

export type Country = Schema<'CountryResponse'>;

/**
 * The countries Ruta names, with their names in both languages (GET /catalog/countries): the API holds the
 * one table, which its reports use too. Read once per session.
 */
export function useCountries() {
  return useQuery({
    queryKey: ['catalog', 'countries'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/catalog/countries', { params: { query: { limit: 200 } } }))).items,
    staleTime: Infinity,
  });
}

/** "VEN" → "Venezuela" in the language; a code the table does not name (or before it is read) → the code. */
export function countryName(countries: readonly Country[] | undefined, code: string, lang: string): string {
  const name = countries?.find((c) => c.code === code.toUpperCase())?.name;
  return name ? (lang === 'en' ? name.en : name.es) : code;
}
