import type { ApiBody, Schema } from '../../../lib/api/types';
import type { CaseDetail, CaseReferral } from './case.types';

/** An action the API says this user may take now (GET /cases/:id `availableActions`, from the workflow maps). */
export type AvailableAction = Schema<'AvailableActionResponse'>;

/** How the case page offers an action: a dialog on this page, a link to where it is done, or only its name. */
export type ActionItem =
  | { key: ActionLabelKey; kind: 'submit_for_review' | 'close_screening' }
  | { key: ActionLabelKey; kind: 'link'; to: string }
  | { key: ActionLabelKey; kind: 'text' };

/** Every action the case page names, each with a label in case.json (es and en) under `availableActions`. */
export const ACTION_LABEL_KEYS = [
  'case.screen', 'case.submit_for_review', 'case.close_screening', 'case.open_review', 'case.create_follow_up_plan', 'case.reopen',
  'review.decide', 'referral.accept', 'referral.decline', 'referral.complete', 'referral.discharge', 'referral.cancel',
  'visa_request.file', 'visa_request.claim', 'visa_request.grant', 'visa_request.deny', 'visa_request.withdraw',
  'closure_request.request', 'closure_request.approve', 'closure_request.reject', 'checkin.record', 'checkin.reschedule',
] as const;
export type ActionLabelKey = (typeof ACTION_LABEL_KEYS)[number];

const isLabelled = (key: string): key is ActionLabelKey => (ACTION_LABEL_KEYS as readonly string[]).includes(key);

/**
 * The case page's "available actions", from what the API listed (it decides; nothing is worked out here from
 * statuses or roles): one item per kind of action (two referrals to cancel are one item), the review's three
 * decisions as one, each leading to where the web app does it, if it does.
 */
export function actionItems(caseId: string, actions: readonly AvailableAction[], roles: readonly string[]): ActionItem[] {
  const items: ActionItem[] = [];
  const seen = new Set<string>();
  for (const a of actions) {
    const key = a.workflow === 'review' && a.action.startsWith('decide_') ? 'review.decide' : `${a.workflow}.${a.action}`;
    if (!isLabelled(key) || seen.has(key)) continue;
    seen.add(key);
    if (key === 'case.submit_for_review' || key === 'case.close_screening') items.push({ key, kind: key === 'case.submit_for_review' ? 'submit_for_review' : 'close_screening' });
    else if (key === 'case.open_review' || key === 'review.decide') items.push({ key, kind: 'link', to: `/cases/${caseId}/review` });
    else if (a.workflow === 'referral' && a.action !== 'cancel') items.push({ key, kind: 'link', to: roles.includes('shelter_staff') ? '/shelter' : '/referrals' });
    else items.push({ key, kind: 'text' });
  }
  return items;
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
