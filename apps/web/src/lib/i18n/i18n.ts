import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { currentLanguage, rememberLanguage, type Language } from './language';

/**
 * Every text a person reads comes from src/locales/<lang>/<namespace>.json (one namespace per feature,
 * plus `common` and `enums`); a unit test fails when a key exists in one language only.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, mod] of Object.entries(files)) {
  const [, lang, ns] = /locales\/(\w+)\/([\w-]+)\.json$/.exec(path)!;
  (resources[lang] ??= {})[ns] = mod.default;
}

export const namespaces = Object.keys(resources.es ?? {});

void i18next.use(initReactI18next).init({
  resources,
  lng: currentLanguage(),
  fallbackLng: false,
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLanguage();

export function switchLanguage(lang: Language): void {
  rememberLanguage(lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export { i18next };
