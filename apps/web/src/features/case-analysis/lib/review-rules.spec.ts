import { ProblemError } from '../../../lib/api/problem';
import type { CommitteeMember, ShelterEligibility } from '../api/types';
import { ageOn, failedRules } from './eligibility';
import { quorumRefusal, reasonsAt } from './problem-paths';
import { quorumProgress } from './quorum';

const member = (id: string, agency: string): CommitteeMember => ({ id, displayName: id, agency: { code: agency, name: { es: agency, en: agency } } });
const all = [member('a', 'MDI'), member('b', 'MDI'), member('c', 'MIES'), member('d', 'SDH')];

describe('quorum as the selection stands', () => {
  it('counts members and distinct agencies, met only with both', () => {
    expect(quorumProgress(['a'], all)).toMatchObject({ members: 1, agencies: 1, met: false });
    expect(quorumProgress(['a', 'b', 'c'], all)).toMatchObject({ members: 3, agencies: 2, met: false });
    expect(quorumProgress(['a', 'c', 'd'], all)).toMatchObject({ members: 3, agencies: 3, met: true });
    expect(quorumProgress(['a', 'c', 'zzz'], all)).toMatchObject({ members: 2, met: false });
  });
});

describe('shelter eligibility shown beside each shelter', () => {
  const casaLinda: ShelterEligibility = { sexes: ['female'], minAge: 0, maxAge: 17, exploitationForms: ['sexual_exploitation'], accompanyingChildren: true };
  const girl = { sex: 'female', age: 15, exploitationForms: ['sexual_exploitation'], accompanyingChildren: 0 };
  it('admits a 15-year-old girl exploited sexually, and names every rule another person fails', () => {
    expect(failedRules(casaLinda, girl)).toEqual([]);
    expect(failedRules(casaLinda, { sex: 'male', age: 30, exploitationForms: ['labour_exploitation'], accompanyingChildren: 0 }).map((f) => f.rule))
      .toEqual(['sex', 'age', 'exploitation_form']);
    expect(failedRules({ ...casaLinda, accompanyingChildren: false }, { ...girl, accompanyingChildren: 1 }).map((f) => f.rule)).toEqual(['accompanying_children']);
    expect(failedRules(casaLinda, { ...girl, age: null }).map((f) => f.rule)).toEqual(['age']);
    expect(failedRules({ sexes: [], minAge: null, maxAge: null, exploitationForms: [], accompanyingChildren: false }, { ...girl, sex: null })).toEqual([]);
  });
  it('counts whole years to the day', () => {
    expect(ageOn('2011-04-03', '2026-04-02')).toBe(14);
    expect(ageOn('2011-04-03', '2026-04-03')).toBe(15);
  });
});

describe('the API\'s reasons on the parts they name', () => {
  const refused = new ProblemError({
    code: 'not_eligible', errors: [{ path: 'plan.referrals[0].shelterId', message: 'sex: Admits only: female' }, { path: 'leadAgency', message: 'no mandate' }],
  }, 422);
  it('gives each part its messages and those below it', () => {
    expect(reasonsAt(refused, 'plan.referrals[0].shelterId')).toBe('sex: Admits only: female');
    expect(reasonsAt(refused, 'plan.referrals[0]')).toBe('sex: Admits only: female');
    expect(reasonsAt(refused, 'plan.referrals[1]')).toBeUndefined();
    expect(reasonsAt(refused, 'leadAgency')).toBe('no mandate');
    expect(reasonsAt(new Error('x'), 'leadAgency')).toBeUndefined();
  });
  it('reads the quorum numbers of a quorum refusal', () => {
    const q = new ProblemError({ code: 'quorum_not_met', members: 1, agencies: 1, required: { members: 3, agencies: 3 }, errors: [] }, 422);
    expect(quorumRefusal(q)).toEqual({ members: 1, agencies: 1, required: { members: 3, agencies: 3 } });
    expect(quorumRefusal(refused)).toBeNull();
  });
});
