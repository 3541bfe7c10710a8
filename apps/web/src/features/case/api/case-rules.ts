import type { ApiBody } from '../../../lib/api/types';
import type { CaseDetail, CaseReferral } from './case.types';

/**
 * What the case page offers now, from the status machine of PRODUCT.md section 4 (libs/case
 * CASE_WORKFLOW) and the user's roles. The API decides; its refusal is shown.
 */
export interface CaseActionsAllowed {
  submitForReview: boolean;
  close: boolean;
  review: boolean;
}

export function caseActions(status: string, roles: string[]): CaseActionsAllowed {
  const officer = roles.includes('immigration_officer');
  const committee = roles.includes('committee_member');
  return {
    submitForReview: officer && status === 'screening',
    close: officer && status === 'screening',
    review: committee && (status === 'identified' || status === 'under_review'),
  };
}

/** An officer closes a case still in screening only as one of these (section 4). */
export const SCREENING_CLOSE_REASONS = ['no_indicators', 'duplicate'] as const satisfies readonly ApiBody<'/api/v1/cases/{id}/close', 'post'>['reason'][];

/** The tabs of the case page, each shown only when the API returned its key. */
export const CASE_TABS = ['summary', 'screening', 'reviews', 'referrals', 'placement', 'carePlan', 'visa', 'followUp', 'timeline'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

type TabSource = Partial<Omit<CaseDetail, 'referrals'>> & { referrals?: Pick<CaseReferral, 'placementId'>[] };

export function visibleTabs(c: TabSource): CaseTab[] {
  const has = (k: keyof TabSource) => k in c && c[k] !== undefined;
  return CASE_TABS.filter((tab) => {
    if (tab === 'summary') return has('victim') || has('identification') || has('consent');
    if (tab === 'timeline') return true;
    if (tab === 'placement') return c.referrals?.some((r) => r.placementId) ?? false;
    return has(tab);
  });
}

/** A code shown to a person when no translation exists: `referral_accept` → "Referral accept". */
export function readable(code: string): string {
  const text = code.replace(/[._]/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
