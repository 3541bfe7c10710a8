import { ProblemError } from '../../../lib/api/problem';
import type { CommitteeMember } from '../api/types';
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
