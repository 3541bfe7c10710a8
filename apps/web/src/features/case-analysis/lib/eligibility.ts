import type { CaseRecord, ShelterEligibility } from '../api/types';

/** What a shelter's eligibility is checked against (PRODUCT.md section 7), read from the case. */
export interface PersonFacts { sex: string | null; age: number | null; exploitationForms: string[]; accompanyingChildren: number }

export type FailedRule =
  | { rule: 'sex'; sexes: string[] }
  | { rule: 'age'; minAge: number | null; maxAge: number | null; age: number | null }
  | { rule: 'exploitation_form'; forms: string[] }
  | { rule: 'accompanying_children' };

/** Whole years between a date of birth and today (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function personFacts(record: CaseRecord, today: string): PersonFacts {
  const v = record.victim;
  const age = v?.dateOfBirth ? ageOn(v.dateOfBirth, today) : v?.estimatedAge ?? null;
  return {
    sex: v?.sex ?? null,
    age,
    exploitationForms: record.identification?.exploitationForms ?? [],
    accompanyingChildren: v?.accompanyingChildren?.count ?? 0,
  };
}

/**
 * The rules of a shelter the person does not meet, to show "not eligible: why" beside each shelter
 * before sending (an empty list admits any value). The API checks again and its refusal is shown.
 */
export function failedRules(e: ShelterEligibility, p: PersonFacts): FailedRule[] {
  const failed: FailedRule[] = [];
  if (e.sexes.length > 0 && (p.sex === null || !e.sexes.includes(p.sex))) failed.push({ rule: 'sex', sexes: e.sexes });
  if ((e.minAge !== null || e.maxAge !== null)
    && (p.age === null || (e.minAge !== null && p.age < e.minAge) || (e.maxAge !== null && p.age > e.maxAge))) {
    failed.push({ rule: 'age', minAge: e.minAge, maxAge: e.maxAge, age: p.age });
  }
  if (e.exploitationForms.length > 0 && !p.exploitationForms.some((f) => e.exploitationForms.includes(f))) {
    failed.push({ rule: 'exploitation_form', forms: e.exploitationForms });
  }
  if (p.accompanyingChildren > 0 && !e.accompanyingChildren) failed.push({ rule: 'accompanying_children' });
  return failed;
}
