import type { LocalizedText } from '../api/types';

export function localized(text: LocalizedText | null | undefined, lang: string): string {
  if (!text) return '';
  return lang === 'en' ? text.en : text.es;
}
