import { ageGroup, ageOn, ecuadorDate, isCalendarDate, isMinorAt, normalizeDocumentNumber, normalizeFullName } from '../identity/normalize';

describe('identity normalization (PRODUCT.md section 4)', () => {
  it('normalizes names: lower case, no accents or punctuation, single spaces', () => {
    expect(normalizeFullName('  María-José ', "O'Connor  Núñez")).toBe('maria jose o connor nunez');
    expect(normalizeFullName('ANA LUCÍA', 'peña')).toBe(normalizeFullName('Ana Lucia', 'Pena'));
  });
  it('normalizes document numbers to upper-case letters and digits', () => {
    expect(normalizeDocumentNumber(' ab-12.34 5 ')).toBe('AB12345');
    expect(normalizeDocumentNumber('ñ-1')).toBe('N1');
  });
  it('computes ages, minors and age groups on the identification date', () => {
    expect(ageOn('2008-11-21', '2026-11-20')).toBe(17);
    expect(ageOn('2008-11-20', '2026-11-20')).toBe(18);
    expect(isMinorAt(17)).toBe(true);
    expect(isMinorAt(18)).toBe(false);
    expect(isMinorAt(null)).toBe(false);
    expect([0, 11, 12, 17, 18, 29, 30, 59, 60, null].map(ageGroup)).toEqual(['0-11', '0-11', '12-17', '12-17', '18-29', '18-29', '30-59', '30-59', '60+', null]);
  });
  it('checks calendar dates and reads the date in Ecuador', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-2-1')).toBe(false);
    expect(ecuadorDate(new Date('2026-11-25T03:00:00Z'))).toBe('2026-11-24');
  });
});
