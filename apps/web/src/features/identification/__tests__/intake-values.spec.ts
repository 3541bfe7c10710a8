import { ageOn, duplicatesVictim, emptyIntake, fieldOf, intakeRequest, isMinor, type IntakeValues } from '../components/intake-values';

const withVictim = (victim: Partial<IntakeValues['victim']>, date = '2026-11-20'): IntakeValues => {
  const v = emptyIntake();
  return { ...v, victim: { ...v.victim, ...victim }, identification: { ...v.identification, date } };
};

describe('intake form values', () => {
  it('flags a minor from the date of birth on the identification date, or from the estimated age (PRODUCT.md section 4)', () => {
    expect(isMinor(withVictim({ ageKind: 'dateOfBirth', dateOfBirth: '2008-11-21' }))).toBe(true); // 17 the day before turning 18
    expect(isMinor(withVictim({ ageKind: 'dateOfBirth', dateOfBirth: '2008-11-20' }))).toBe(false);
    expect(isMinor(withVictim({ ageKind: 'estimatedAge', estimatedAge: 15 }))).toBe(true);
    expect(isMinor(withVictim({ ageKind: 'estimatedAge', estimatedAge: 18 }))).toBe(false);
    expect(isMinor(withVictim({ ageKind: 'estimatedAge', estimatedAge: '' }))).toBeNull();
    expect(isMinor(withVictim({ ageKind: 'dateOfBirth', dateOfBirth: '2099-01-01' }))).toBeNull();
    expect(ageOn('2011-02-28', '2026-02-27')).toBe(14);
  });

  it('puts each API error path on the field and step that hold it', () => {
    expect(fieldOf('victim.dateOfBirth')).toEqual({ field: 'victim.dateOfBirth', step: 0 });
    expect(fieldOf('victim.documents[1].number')).toEqual({ field: 'victim.documents.1.number', step: 0 });
    expect(fieldOf('identification.borderPoint')).toEqual({ field: 'identification.borderPoint', step: 1 });
    expect(fieldOf('consent.shareWith[0]')).toEqual({ field: 'consent.shareWith', step: 2 });
    expect(fieldOf('screening.answers[3].indicator')).toEqual({ field: 'screening', step: 3 });
    expect(fieldOf('somethingElse')).toBeNull();
  });

  it('sends the date of birth or the estimated age, never both, and every indicator (unknown by default)', () => {
    const values = withVictim({ givenNames: 'Ana', familyNames: 'B', sex: 'female', ageKind: 'estimatedAge', estimatedAge: 15, dateOfBirth: '2011-01-01', nationality: ['COL'] });
    values.answers = { a: 'yes' };
    const body = intakeRequest(values, { version: 'v1', indicators: [{ code: 'a' }, { code: 'b' }] }, true);
    expect(body.victim).toMatchObject({ estimatedAge: 15 });
    expect(body.victim).not.toHaveProperty('dateOfBirth');
    expect(body.screening).toEqual({ catalogVersion: 'v1', answers: [{ indicator: 'a', answer: 'yes' }, { indicator: 'b', answer: 'unknown' }] });
  });

  it('checks duplicates on what is filled in only', () => {
    const values = withVictim({ givenNames: 'Ana', documents: [{ type: 'passport', number: 'X1', issuingCountry: 'COL' }, { type: 'passport', number: '', issuingCountry: '' }] });
    expect(duplicatesVictim(values)).toEqual({ givenNames: 'Ana', documents: [{ type: 'passport', number: 'X1', issuingCountry: 'COL' }] });
  });
});
