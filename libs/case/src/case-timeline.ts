import { CaseViewer } from './access/case-viewer';
import { visibleCaseKeys } from './access/case-fields';

type Part = 'core' | 'reviews' | 'referrals' | 'visa' | 'carePlan' | 'followUp';

/** Which part of the case a history action belongs to; status changes are part of the core record. */
const ACTION_PART: Record<string, Part> = {
  referral_created: 'referrals', referral_accept: 'referrals', referral_decline: 'referrals', referral_complete: 'referrals',
  referral_cancel: 'referrals', discharge: 'referrals', visa_requested: 'visa', visa_claim: 'visa', visa_grant: 'visa', visa_deny: 'visa', visa_withdraw: 'visa', care_plan_saved: 'carePlan', care_note_added: 'carePlan',
  follow_up_rescheduled: 'followUp', follow_up_recorded: 'followUp',
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
  // Links name another case: only the committee, which confirms duplicates, sees them.
  if (row.action === 'link') return viewer.kind === 'committee';
  const part: Part = row.to_status ? 'core' : ACTION_PART[row.action] ?? 'core';
  if (part === 'core') return true;
  if (!visibleCaseKeys(viewer).includes(part)) return false;
  const d = row.details;
  if (part === 'referrals') {
    if (viewer.kind === 'focal_point' && !viewer.lead) return d.agency === viewer.agency && !d.shelterId;
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

/** What auditors keep of an entry's details: codes and counts, nothing that locates or identifies anyone. */
const AUDITOR_DETAILS = new Set(['serviceType', 'outcome', 'catalogVersion', 'fields', 'decision', 'version', 'area', 'confidential']);

/**
 * The details of an entry this viewer may read. The committee and the lead agency get everything (free
 * text is opened by the caller); others lose where the person is placed, the screening outcome when they
 * may not see the screening, and auditors keep only codes.
 */
export function visibleDetails(viewer: CaseViewer, details: Record<string, unknown>): Record<string, unknown> {
  if (opensFreeText(viewer)) return details;
  const sees = visibleCaseKeys(viewer);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) {
    if (k.endsWith('Enc')) continue;
    if (viewer.kind === 'auditor' && !AUDITOR_DETAILS.has(k)) continue;
    if ((k === 'shelterId' || k === 'placementId') && !(viewer.kind === 'shelter_staff' && details.shelterId === viewer.shelterId)) continue;
    if ((k === 'outcome' || k === 'catalogVersion') && !sees.includes('screening') && viewer.kind !== 'auditor') continue;
    out[k] = v;
  }
  return out;
}
