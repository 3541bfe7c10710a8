import { caseActions, readable, visibleTabs } from '../api/case-rules';

describe('case page rules (PRODUCT.md sections 2, 4 and 15)', () => {
  it('offers submit and close to officers in screening, the review to the committee when identified or under review', () => {
    expect(caseActions('screening', ['immigration_officer'])).toEqual({ submitForReview: true, close: true, review: false });
    expect(caseActions('identified', ['immigration_officer'])).toEqual({ submitForReview: false, close: false, review: false });
    expect(caseActions('identified', ['committee_member'])).toEqual({ submitForReview: false, close: false, review: true });
    expect(caseActions('under_review', ['committee_member']).review).toBe(true);
    expect(caseActions('recognized', ['committee_member']).review).toBe(false);
    expect(caseActions('screening', ['shelter_staff'])).toEqual({ submitForReview: false, close: false, review: false });
  });

  it('shows only the tabs whose keys the API returned', () => {
    expect(visibleTabs({ id: 'x', victim: {}, screening: null })).toEqual(['summary', 'screening', 'timeline']);
    expect(visibleTabs({ id: 'x', referrals: [{ placementId: 'p' }], visa: null })).toEqual(['referrals', 'placement', 'visa', 'timeline']);
    expect(visibleTabs({ id: 'x' })).toEqual(['timeline']);
  });

  it('writes an unknown code readably', () => {
    expect(readable('referral_accept')).toBe('Referral accept');
  });
});
