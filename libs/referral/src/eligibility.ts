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

export interface FailedRule {
  rule: 'active' | 'sex' | 'age' | 'exploitation_form' | 'accompanying_children';
  message: LocalizedText;
}

/**
 * Shelter eligibility (PRODUCT.md section 7): sex, age, forms of exploitation and accompanying children,
 * as the shelter's data says (an empty list admits any value). Answers every rule that fails.
 */
export function checkEligibility(shelter: ShelterEligibility, person: PersonFacts): FailedRule[] {
  const failed: FailedRule[] = [];
  if (!shelter.active) failed.push({ rule: 'active', message: { es: 'La casa de acogida no está activa', en: 'The shelter is not active' } });
  if (shelter.sexes.length > 0 && !shelter.sexes.includes(person.sex)) {
    failed.push({ rule: 'sex', message: { es: `Admite solo: ${shelter.sexes.join(', ')}`, en: `Admits only: ${shelter.sexes.join(', ')}` } });
  }
  if (shelter.minAge !== null || shelter.maxAge !== null) {
    if (person.age === null) {
      failed.push({ rule: 'age', message: { es: 'La edad no se conoce', en: 'The age is not known' } });
    } else if ((shelter.minAge !== null && person.age < shelter.minAge) || (shelter.maxAge !== null && person.age > shelter.maxAge)) {
      const range = `${shelter.minAge ?? 0}-${shelter.maxAge ?? '∞'}`;
      failed.push({ rule: 'age', message: { es: `Admite edades ${range}; la persona tiene ${person.age}`, en: `Admits ages ${range}; the person is ${person.age}` } });
    }
  }
  if (shelter.exploitationForms.length > 0 && !person.exploitationForms.some((f) => shelter.exploitationForms.includes(f))) {
    failed.push({ rule: 'exploitation_form', message: {
      es: `Atiende solo: ${shelter.exploitationForms.join(', ')}`, en: `Serves only: ${shelter.exploitationForms.join(', ')}`,
    } });
  }
  if (person.accompanyingChildren > 0 && !shelter.accompanyingChildren) {
    failed.push({ rule: 'accompanying_children', message: { es: 'No admite hijos acompañantes', en: 'Does not admit accompanying children' } });
  }
  return failed;
}
