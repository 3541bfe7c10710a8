import { CaseViewer } from './access/case-viewer';
import { visibleCaseKeys } from './access/case-fields';

type Part = 'core' | 'reviews' | 'referrals' | 'visa' | 'carePlan' | 'followUp';

/** Which part of the case a history action belongs to; status changes are part of the core record. */
const ACTION_PART: Record<string, Part> = {
  referral_created: 'referrals', referral_accept: 'referrals', referral_decline: 'referrals', referral_complete: 'referrals',
  referral_cancel: 'referrals', discharge: 'referrals', visa_requested: 'visa', care_plan_saved: 'carePlan', care_note_added: 'carePlan',
  follow_up: 'followUp',
};

export interface HistoryRow {
  action: string;
  to_status: string | null;
  details: Record<string, unknown>;
}

/**
 * The timeline follows the field matrix of PRODUCT.md section 2: an entry about a part of the case is shown
 * only to those who see that part (and, for referrals and care, only their agency's or shelter's), and
 * encrypted free text is opened only for the committee and the lead agency.
 */
export function timelineEntryVisible(viewer: CaseViewer, row: HistoryRow): boolean {
  const part: Part = row.to_status ? 'core' : ACTION_PART[row.action] ?? 'core';
  if (part === 'core') return true;
  if (!visibleCaseKeys(viewer).includes(part)) return false;
  const d = row.details;
  if (part === 'referrals') {
    if (viewer.kind === 'focal_point' && !viewer.lead) return d.agency === viewer.agency;
    if (viewer.kind === 'shelter_staff') return d.shelterId === viewer.shelterId;
  }
  if (part === 'carePlan') {
    if (viewer.kind === 'shelter_staff') return d.shelterId === viewer.shelterId;
    if (viewer.kind === 'committee' || (viewer.kind === 'focal_point' && !viewer.lead)) return row.action === 'care_plan_saved';
  }
  if (part === 'followUp' && viewer.kind === 'focal_point' && !viewer.lead) return d.agency === viewer.agency;
  return true;
}

export function opensFreeText(viewer: CaseViewer): boolean {
  return viewer.kind === 'committee' || (viewer.kind === 'focal_point' && viewer.lead);
}
