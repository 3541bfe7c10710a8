import { COUNTRIES, LANGUAGES, countryName, languageName } from '../../../lib/i18n/code-names';

/**
 * Nationalities (ISO 3166-1 alpha-3) and languages (ISO 639-3) offered on intake: the ones seen at
 * Ecuador's borders. Their names come from lib/i18n/code-names, in the user's language.
 */
export function countryOptions(lang: string): { value: string; label: string }[] {
  return COUNTRIES.map(([a3]) => ({ value: a3, label: `${countryName(a3, lang)} (${a3})` }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

export function languageOptions(lang: string): { value: string; label: string }[] {
  return LANGUAGES.map(([code]) => ({ value: code, label: `${languageName(code, lang)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}
