import { ageToday, checkEligibility, ShelterEligibility } from '../eligibility';

const casaLinda: ShelterEligibility = { active: true, sexes: ['female'], minAge: 0, maxAge: 17, exploitationForms: ['sexual_exploitation'], accompanyingChildren: true };
const girl = { sex: 'female', age: 15, exploitationForms: ['sexual_exploitation'], accompanyingChildren: 1 };

describe('shelter eligibility (PRODUCT.md section 7)', () => {
  it('admits a girl trafficked for sexual exploitation with her child', () => {
    expect(checkEligibility(casaLinda, girl)).toEqual([]);
  });
  it('names every failed rule for an adult man exploited for labour', () => {
    const failed = checkEligibility(casaLinda, { sex: 'male', age: 30, exploitationForms: ['labour_exploitation'], accompanyingChildren: 0 });
    expect(failed.map((f) => f.rule)).toEqual(['sex', 'age', 'exploitation_form']);
    expect(failed[1].message.en).toBe('Admits ages 0-17; the person is 30');
  });
  it('checks unknown age, inactive shelters and children', () => {
    expect(checkEligibility({ ...casaLinda, active: false, accompanyingChildren: false }, { ...girl, age: null }).map((f) => f.rule))
      .toEqual(['active', 'age', 'accompanying_children']);
  });
  it('treats empty lists and open age bounds as admitting anyone', () => {
    const open: ShelterEligibility = { active: true, sexes: [], minAge: null, maxAge: null, exploitationForms: [], accompanyingChildren: false };
    expect(checkEligibility(open, { sex: 'unknown', age: null, exploitationForms: [], accompanyingChildren: 0 })).toEqual([]);
    expect(checkEligibility({ ...open, minAge: 18 }, { ...girl, accompanyingChildren: 0 }).map((f) => f.rule)).toEqual(['age']);
    expect(checkEligibility({ ...open, minAge: 18 }, { ...girl, age: 40, accompanyingChildren: 0 })).toEqual([]);
  });
});

describe('the age eligibility is checked against (today, in whole years)', () => {
  it('counts a date of birth to today', () => {
    expect(ageToday({ dateOfBirth: '2011-04-03', estimatedAge: null, identificationDate: '2026-01-10' }, '2026-04-02')).toBe(14);
    expect(ageToday({ dateOfBirth: '2011-04-03', estimatedAge: null, identificationDate: '2026-01-10' }, '2026-04-03')).toBe(15);
  });
  it('ages an estimated age by the whole years since the identification date', () => {
    const estimated = { dateOfBirth: null, estimatedAge: 16, identificationDate: '2024-06-01' };
    expect(ageToday(estimated, '2024-06-01')).toBe(16);
    expect(ageToday(estimated, '2025-05-31')).toBe(16);
    expect(ageToday(estimated, '2026-06-01')).toBe(18);
    // Estimated 16 two years ago: no longer admitted where 0-17 are.
    expect(checkEligibility(casaLinda, { ...girl, age: ageToday(estimated, '2026-06-01') }).map((f) => f.rule)).toEqual(['age']);
  });
  it('knows no age without a date of birth or an estimate', () => {
    expect(ageToday({ dateOfBirth: null, estimatedAge: null, identificationDate: '2024-06-01' }, '2026-06-01')).toBeNull();
  });
});
