import { countryName, type Country } from '../../../lib/api/countries';
import { LANGUAGES, languageName } from '../../../lib/i18n/code-names';

/**
 * Nationalities (ISO 3166-1 alpha-3) and languages (ISO 639-3) offered on intake: the ones seen at
 * Ecuador's borders. Countries and their names come from the API (GET /catalog/countries), languages'
 * names from lib/i18n/code-names, in the user's language.
 */
export function countryOptions(countries: readonly Country[], lang: string): { value: string; label: string }[] {
  return countries.map((c) => ({ value: c.code, label: `${countryName(countries, c.code, lang)} (${c.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

export function languageOptions(lang: string): { value: string; label: string }[] {
  return LANGUAGES.map(([code]) => ({ value: code, label: `${languageName(code, lang)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}
