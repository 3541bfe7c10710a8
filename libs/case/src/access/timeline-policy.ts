import { CaseKey, visibleCaseKeys } from './case-fields';
import { workAddressee } from '@ruta/core';
import { addressedToViewer, CaseViewer } from './case-viewer';

/**
 * The timeline under the access policy (PRODUCT.md section 2, "One access policy"): every history entry
 * belongs to a part of the case and is shown only to those who may see that part, with its actor and
 * details shown only as far as that part allows. An action missing from ACTION_PART is hidden from
 * everyone, never shown to all.
 */

/** `core`: the status, lead agency and other keys every viewer of the case receives. */
export type TimelinePart = 'core' | 'links' | Extract<CaseKey, 'identification' | 'consent' | 'referrals' | 'visa' | 'carePlan' | 'followUp'>;

export const ACTION_PART: Readonly<Record<string, TimelinePart>> = {
  // Steps of the case's life: each changes the status or the lead agency, which every viewer sees.
  intake: 'core', screen: 'core', submit_for_review: 'core', close_screening: 'core', open_review: 'core',
  decide_recognize: 'core', decide_request_information: 'core', decide_not_recognize: 'core',
  create_follow_up_plan: 'core', closure_requested: 'core', closure_rejected: 'core', approve_closure: 'core',
  reopen: 'core', lead_agency_changed: 'core', pseudonymize: 'core',
  update: 'identification', complaint_notified: 'identification',
  consent_changed: 'consent', consent_withdrawn: 'consent',
  // Links name another case: only the committee, which confirms duplicates, sees them.
  link: 'links',
  // The first acceptance moves the case to assistance, but it tells who took the person in: a referral entry.
  referral_created: 'referrals', referral_accept: 'referrals', referral_decline: 'referrals', referral_complete: 'referrals',
  referral_cancel: 'referrals', first_referral_accepted: 'referrals', discharge: 'referrals',
  visa_requested: 'visa', visa_claim: 'visa', visa_grant: 'visa', visa_deny: 'visa', visa_withdraw: 'visa',
  care_plan_saved: 'carePlan', care_note_added: 'carePlan',
  follow_up_rescheduled: 'followUp', follow_up_recorded: 'followUp',
};

export interface TimelineEntry {
  action: string;
  actor_roles: string[];
  details: Record<string, unknown>;
}

/** Those who may see which shelter a person is (or was) in: the committee, the lead agency, that shelter. */
function seesShelter(viewer: CaseViewer, shelterId: unknown): boolean {
  if (viewer.kind === 'committee' || (viewer.kind === 'focal_point' && viewer.lead)) return true;
  return viewer.kind === 'shelter_staff' && typeof shelterId === 'string' && shelterId === viewer.shelterId;
}

export function timelineEntryVisible(viewer: CaseViewer, entry: Pick<TimelineEntry, 'action' | 'details'>): boolean {
  const part = ACTION_PART[entry.action];
  if (part === undefined) return false;
  if (part === 'core') return true;
  if (part === 'links') return viewer.kind === 'committee';
  if (!visibleCaseKeys(viewer).includes(part)) return false;
  const d = entry.details;
  // A referral's or a check-in's entries: a focal point not leading the case and a shelter's staff see those of the work addressed to them.
  if ((part === 'referrals' || part === 'followUp') && ((viewer.kind === 'focal_point' && !viewer.lead) || viewer.kind === 'shelter_staff')) {
    return addressedToViewer(viewer, workAddressee(d));
  }
  if (part === 'carePlan') {
    // Care plans are kept by shelters: their entries are for those who may see the shelter.
    if (!seesShelter(viewer, d.shelterId)) return false;
    if (viewer.kind === 'committee') return entry.action === 'care_plan_saved';
  }
  return true;
}

/**
 * The agency of an entry's actor: shelter staff belong to the shelter's operator, which names the shelter,
 * so it is shown only to those who may see that shelter.
 */
export function actorAgencyVisible(viewer: CaseViewer, entry: Pick<TimelineEntry, 'actor_roles' | 'details'>): boolean {
  if (!entry.actor_roles.includes('shelter_staff')) return true;
  return seesShelter(viewer, entry.details.shelterId);
}

export function opensFreeText(viewer: CaseViewer): boolean {
  return viewer.kind === 'committee' || (viewer.kind === 'focal_point' && viewer.lead);
}

/** What auditors keep of an entry's details: codes and counts, nothing that locates or identifies anyone. */
const AUDITOR_DETAILS = new Set(['serviceType', 'outcome', 'catalogVersion', 'fields', 'decision', 'version', 'area', 'confidential']);

/** Details that point at a record of a part of the case: kept only for those who see that part. */
const DETAIL_PART: Readonly<Record<string, CaseKey>> = {
  reviewId: 'reviews', referralId: 'referrals', visaRequestId: 'visa', carePlanId: 'carePlan', checkinId: 'followUp',
};

/**
 * The details of an entry this viewer may read. The committee and the lead agency get everything (free
 * text is opened by the caller); others lose where the person is placed, references to parts they do not
 * see, the screening outcome when they may not see the screening, and auditors keep only codes.
 */
export function visibleDetails(viewer: CaseViewer, details: Record<string, unknown>): Record<string, unknown> {
  if (opensFreeText(viewer)) return details;
  const sees = visibleCaseKeys(viewer);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) {
    if (k.endsWith('Enc')) continue;
    if (viewer.kind === 'auditor' && !AUDITOR_DETAILS.has(k)) continue;
    if ((k === 'shelterId' || k === 'placementId') && !(viewer.kind === 'shelter_staff' && details.shelterId === viewer.shelterId)) continue;
    if (k in DETAIL_PART && !sees.includes(DETAIL_PART[k])) continue;
    if ((k === 'outcome' || k === 'catalogVersion') && !sees.includes('screening') && viewer.kind !== 'auditor') continue;
    out[k] = v;
  }
  return out;
}
