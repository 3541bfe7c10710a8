import { countryName, languageName } from './code-names';

describe('naming ISO codes in the user language', () => {
  it('names countries from their alpha-3 code', () => {
    expect(countryName('VEN', 'es')).toBe('Venezuela');
    expect(countryName('COL', 'en')).toBe('Colombia');
    expect(countryName('USA', 'es')).toBe('Estados Unidos');
  });

  it('shows an alpha-3 code it has no mapping for as the code itself', () => {
    expect(countryName('XXK', 'es')).toBe('XXK');
    expect(countryName('ZZZ', 'en')).toBe('ZZZ');
  });

  it('names languages from their ISO 639-3 code, capitalised', () => {
    expect(languageName('spa', 'es')).toBe('Español');
    expect(languageName('spa', 'en')).toBe('Spanish');
    expect(languageName('hat', 'en')).toBe('Haitian Creole');
  });

  it('shows a language code it cannot name as the code itself', () => {
    expect(languageName('xyz', 'es')).toBe('xyz');
  });
});
