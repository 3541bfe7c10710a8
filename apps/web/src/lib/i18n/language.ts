export type Language = 'es' | 'en';

const KEY = 'ruta.language';

/** Spanish by default; the switch is remembered in this browser (PRODUCT.md section 15). */
export function storedLanguage(): Language {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'es';
  } catch {
    return 'es';
  }
}

let current: Language = storedLanguage();

export function currentLanguage(): Language {
  return current;
}

export function rememberLanguage(lang: Language): void {
  current = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // a browser that refuses storage keeps the choice for this page only
  }
}
