import { ageOn } from '@ruta/case';
import { LocalizedText } from '@ruta/core';

export interface ShelterEligibility {
  active: boolean;
  sexes: string[];
  minAge: number | null;
  maxAge: number | null;
  exploitationForms: string[];
  accompanyingChildren: boolean;
}

export interface PersonFacts {
  sex: string;
  age: number | null;
  exploitationForms: string[];
  accompanyingChildren: number;
}

export type EligibilityRule = 'active' | 'sex' | 'age' | 'exploitation_form' | 'accompanying_children';

/**
 * A rule the person does not meet, with a message in both languages and the shelter's values it compared
 * with (and, for the age, the person's age as it was checked), so that a client can word it its own way.
 */
export interface FailedRule {
  rule: EligibilityRule;
  message: LocalizedText;
  sexes?: string[];
  minAge?: number | null;
  maxAge?: number | null;
  age?: number | null;
  exploitationForms?: string[];
}

/**
 * The person's age today in whole years. A date of birth counts to today; an estimated age is the age
 * estimated on the identification date, so it grows by the whole years since then, as a date of birth's
 * age does (a girl estimated 16 two years ago is 18 now). No date of birth nor estimate: unknown (null).
 */
export function ageToday(person: { dateOfBirth: string | null; estimatedAge: number | null; identificationDate: string }, today: string): number | null {
  if (person.dateOfBirth) return ageOn(person.dateOfBirth, today);
  if (person.estimatedAge === null) return null;
  return person.estimatedAge + Math.max(0, ageOn(person.identificationDate, today));
}

/**
 * Shelter eligibility (PRODUCT.md section 7): sex, age, forms of exploitation and accompanying children,
 * as the shelter's data says (an empty list admits any value). Answers every rule that fails. The one
 * definition: a referral's creation refuses with it, and GET /cases/:id/shelters shows it to the client.
 */
export function checkEligibility(shelter: ShelterEligibility, person: PersonFacts): FailedRule[] {
  const failed: FailedRule[] = [];
  if (!shelter.active) failed.push({ rule: 'active', message: { es: 'La casa de acogida no está activa', en: 'The shelter is not active' } });
  if (shelter.sexes.length > 0 && !shelter.sexes.includes(person.sex)) {
    failed.push({ rule: 'sex', sexes: shelter.sexes, message: { es: `Admite solo: ${shelter.sexes.join(', ')}`, en: `Admits only: ${shelter.sexes.join(', ')}` } });
  }
  if (shelter.minAge !== null || shelter.maxAge !== null) {
    const bounds = { minAge: shelter.minAge, maxAge: shelter.maxAge, age: person.age };
    if (person.age === null) {
      failed.push({ rule: 'age', ...bounds, message: { es: 'La edad no se conoce', en: 'The age is not known' } });
    } else if ((shelter.minAge !== null && person.age < shelter.minAge) || (shelter.maxAge !== null && person.age > shelter.maxAge)) {
      const range = `${shelter.minAge ?? 0}-${shelter.maxAge ?? '∞'}`;
      failed.push({ rule: 'age', ...bounds, message: { es: `Admite edades ${range}; la persona tiene ${person.age}`, en: `Admits ages ${range}; the person is ${person.age}` } });
    }
  }
  if (shelter.exploitationForms.length > 0 && !person.exploitationForms.some((f) => shelter.exploitationForms.includes(f))) {
    failed.push({ rule: 'exploitation_form', exploitationForms: shelter.exploitationForms, message: {
      es: `Atiende solo: ${shelter.exploitationForms.join(', ')}`, en: `Serves only: ${shelter.exploitationForms.join(', ')}`,
    } });
  }
  if (person.accompanyingChildren > 0 && !shelter.accompanyingChildren) {
    failed.push({ rule: 'accompanying_children', message: { es: 'No admite hijos acompañantes', en: 'Does not admit accompanying children' } });
  }
  return failed;
}
