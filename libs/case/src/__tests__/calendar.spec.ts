import { addMonths, startOfDayInEcuador } from '../identity/normalize';

describe('calendar months (PRODUCT.md section 4)', () => {
  it('keeps the day of the month, clamped to the last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-12-05', 1)).toBe('2027-01-05');
  });
  it('starts a day at midnight in Ecuador', () => {
    expect(startOfDayInEcuador('2026-11-24').toISOString()).toBe('2026-11-24T05:00:00.000Z');
    expect(startOfDayInEcuador('2026-11-24', 60).toISOString()).toBe('2026-09-25T05:00:00.000Z');
    expect(addMonths('2024-02-29', 24)).toBe('2026-02-28');
  });
});
