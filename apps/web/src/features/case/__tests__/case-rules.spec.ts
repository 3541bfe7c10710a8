import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_LABEL_KEYS, actionItems, readable, visibleTabs } from '../api/case-rules';

const a = (workflow: string, action: string, recordId = 'r1') => ({ workflow, action, endpoint: 'POST /x/:id', recordId });

describe('case page rules (PRODUCT.md sections 2, 4 and 15)', () => {
  it('offers what the API listed, nothing else: dialogs for this page, links to where the rest is done', () => {
    expect(actionItems('c1', [a('case', 'screen'), a('case', 'submit_for_review'), a('case', 'close_screening')], ['immigration_officer'])).toEqual([
      { key: 'case.screen', kind: 'text' }, { key: 'case.submit_for_review', kind: 'submit_for_review' }, { key: 'case.close_screening', kind: 'close_screening' }]);
    expect(actionItems('c1', [], ['immigration_officer', 'committee_member'])).toEqual([]);
    expect(actionItems('c1', [a('review', 'decide_recognize'), a('review', 'decide_not_recognize')], ['committee_member']))
      .toEqual([{ key: 'review.decide', kind: 'link', to: '/cases/c1/review' }]);
    expect(actionItems('c1', [a('referral', 'accept'), a('referral', 'decline')], ['shelter_staff']).map((i) => i.kind === 'link' && i.to)).toEqual(['/shelter', '/shelter']);
    expect(actionItems('c1', [a('referral', 'accept')], ['service_focal_point'])).toEqual([{ key: 'referral.accept', kind: 'link', to: '/referrals' }]);
    expect(actionItems('c1', [a('referral', 'cancel', 'r1'), a('referral', 'cancel', 'r2')], ['committee_member'])).toEqual([{ key: 'referral.cancel', kind: 'text' }]);
    expect(actionItems('c1', [a('case', 'something_new')], ['committee_member'])).toEqual([]);
  });

  it('has a label in Spanish and English for every action it names', () => {
    for (const lang of ['es', 'en']) {
      const messages = JSON.parse(readFileSync(join(__dirname, '../../../locales', lang, 'case.json'), 'utf8'));
      const missing = ACTION_LABEL_KEYS.filter((k) => typeof k.split('.').reduce((o, part) => o?.[part], messages.availableActions) !== 'string');
      expect(missing).toEqual([]);
    }
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
