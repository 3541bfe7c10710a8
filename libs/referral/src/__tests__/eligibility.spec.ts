import { checkEligibility, ShelterEligibility } from '../eligibility';

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
