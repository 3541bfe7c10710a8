import { dueMark, taskActions, workLink } from '../api/task-rules';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const hours = (h: number) => new Date(NOW + h * 3600_000).toISOString();

describe('inbox marks and links (PRODUCT.md sections 10 and 15)', () => {
  it('marks overdue, due within 24 hours, or nothing', () => {
    expect(dueMark({ dueAt: hours(-1), status: 'open' }, NOW)).toBe('overdue');
    expect(dueMark({ dueAt: hours(5), status: 'open', overdue: true }, NOW)).toBe('overdue');
    expect(dueMark({ dueAt: hours(23), status: 'claimed' }, NOW)).toBe('dueSoon');
    expect(dueMark({ dueAt: hours(24), status: 'open' }, NOW)).toBe('dueSoon');
    expect(dueMark({ dueAt: hours(25), status: 'open' }, NOW)).toBeNull();
    expect(dueMark({ dueAt: hours(-1), status: 'done' }, NOW)).toBeNull();
  });

  it('links each task to the screen where its work is done', () => {
    expect(workLink({ type: 'case_review', caseId: 'c1' }, ['committee_member'])).toEqual({ to: '/cases/c1/review', label: 'work.review' });
    expect(workLink({ type: 'referral_response', caseId: 'c1' }, ['shelter_staff'])?.to).toBe('/shelter');
    expect(workLink({ type: 'referral_response', caseId: 'c1' }, ['service_focal_point'])?.to).toBe('/referrals');
    expect(workLink({ type: 'possible_duplicate', caseId: 'c1' }, ['committee_member'])?.to).toBe('/cases/c1');
    expect(workLink({ type: 'escalation', caseId: null }, ['committee_member'])).toBeNull();
  });

  it('offers claim on open tasks, release on my claimed ones, complete only where no action does it', () => {
    expect(taskActions({ type: 'case_review', status: 'open', claimedBy: null }, 'me')).toEqual({ claim: true, release: false, complete: false });
    expect(taskActions({ type: 'possible_duplicate', status: 'claimed', claimedBy: 'me' }, 'me')).toEqual({ claim: false, release: true, complete: true });
    expect(taskActions({ type: 'possible_duplicate', status: 'claimed', claimedBy: 'other' }, 'me')).toEqual({ claim: false, release: false, complete: false });
  });
});
