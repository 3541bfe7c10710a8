import { countryName } from '../api/countries';
import { languageName } from './code-names';

describe('naming ISO codes in the user language', () => {
  const countries = [{ code: 'VEN', name: { es: 'Venezuela', en: 'Venezuela' } }, { code: 'USA', name: { es: 'Estados Unidos', en: 'United States' } }];

  it('names countries from the API\'s table, in the language', () => {
    expect(countryName(countries, 'VEN', 'es')).toBe('Venezuela');
    expect(countryName(countries, 'USA', 'es')).toBe('Estados Unidos');
    expect(countryName(countries, 'usa', 'en')).toBe('United States');
  });

  it('shows a country code the table does not name, or before it is read, as the code itself', () => {
    expect(countryName(countries, 'XXK', 'es')).toBe('XXK');
    expect(countryName(undefined, 'VEN', 'en')).toBe('VEN');
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
