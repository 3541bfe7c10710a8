/*
 * Record-level access (PRODUCT.md section 2), written by hand from the spec as an INDEPENDENT fixture:
 * for each situation a case can be in, who may see it and as which viewer. Nothing here is derived from
 * case-policy.ts. Used by the unit test of the policy (its TypeScript form) and by the end-to-end test
 * (its SQL form, through GET /cases/:id, GET /cases and the timeline).
 *
 * Stakes are written as the protocol writes them: a task, referral, check-in or visa request addressed
 * to an agency (focal points), a shelter (its staff) or a role; a stake stays after the work is done.
 * Each stake also names, by hand, the users the work it stands for reaches (PRODUCT.md sections 2 and 10:
 * one of their roles at their agency or shelter, or the role alone); used by the tests of the addressing
 * rule (libs/core/src/access/addressee.ts), its TypeScript form in a unit test and its SQL form through
 * the task inbox and GET /referrals.
 */

export interface FixtureUser {
  username: string;
  roles: string[];
  agencyCode: string;
  unitCode: string | null;
  /** A shelter code, resolved to the shelter's id by the test. */
  shelter: 'casa_linda' | 'alas_de_colibri' | null;
  /** Not a demo user: only the unit test uses it. */
  synthetic?: true;
}

export const USERS: FixtureUser[] = [
  { username: 'officer.rumichaca', roles: ['immigration_officer'], agencyCode: 'MDI', unitCode: 'rumichaca', shelter: null },
  { username: 'officer.quito', roles: ['immigration_officer'], agencyCode: 'MDI', unitCode: 'quito_airport', shelter: null },
  { username: 'committee.mdi', roles: ['committee_member'], agencyCode: 'MDI', unitCode: null, shelter: null },
  { username: 'committee.mies', roles: ['committee_member'], agencyCode: 'MIES', unitCode: null, shelter: null },
  { username: 'staff.casalinda', roles: ['shelter_staff'], agencyCode: 'MIES', unitCode: null, shelter: 'casa_linda' },
  { username: 'staff.colibri', roles: ['shelter_staff'], agencyCode: 'FAC', unitCode: null, shelter: 'alas_de_colibri' },
  { username: 'focal.mdi', roles: ['service_focal_point'], agencyCode: 'MDI', unitCode: null, shelter: null },
  { username: 'focal.mies', roles: ['service_focal_point'], agencyCode: 'MIES', unitCode: null, shelter: null },
  { username: 'focal.msp', roles: ['service_focal_point'], agencyCode: 'MSP', unitCode: null, shelter: null },
  { username: 'focal.mineduc', roles: ['service_focal_point'], agencyCode: 'MINEDUC', unitCode: null, shelter: null },
  { username: 'focal.fge', roles: ['service_focal_point'], agencyCode: 'FGE', unitCode: null, shelter: null },
  { username: 'focal.sdh', roles: ['service_focal_point'], agencyCode: 'SDH', unitCode: null, shelter: null },
  { username: 'focal.mremh', roles: ['service_focal_point'], agencyCode: 'MREMH', unitCode: null, shelter: null },
  { username: 'visa.mremh', roles: ['visa_officer'], agencyCode: 'MREMH', unitCode: null, shelter: null },
  { username: 'auditor', roles: ['auditor'], agencyCode: 'CGE', unitCode: null, shelter: null },
  { username: 'admin', roles: ['admin'], agencyCode: 'MDI', unitCode: null, shelter: null },
  // A user with two roles sees a case with the most complete view either gives.
  { username: 'dual.rumichaca', roles: ['immigration_officer', 'committee_member'], agencyCode: 'MDI', unitCode: 'rumichaca', shelter: null, synthetic: true },
];

export interface FixtureStake {
  role: 'committee_member' | 'service_focal_point' | 'shelter_staff' | 'visa_officer';
  agency?: string;
  shelter?: 'casa_linda' | 'alas_de_colibri';
  reason: string;
  /** The users that work so addressed reaches: written by hand, not derived from `sees`. */
  reaches: string[];
}

/** How a user sees a case: a viewer kind (`focal_point:lead` for the lead agency's focal points), or 404. */
export type Expected = 'officer' | 'committee' | 'focal_point' | 'focal_point:lead' | 'shelter_staff' | 'visa_officer' | 'auditor';

export interface FixtureSituation {
  name: string;
  identifyingUnit: string | null;
  sentToReview: boolean;
  leadAgency: string | null;
  stakes: FixtureStake[];
  /** Everyone not listed gets 404. */
  sees: Record<string, Expected>;
}

const committee = { 'committee.mdi': 'committee', 'committee.mies': 'committee' } as const;

export const SITUATIONS: FixtureSituation[] = [
  {
    name: 'own unit, still in screening (never sent to review)',
    identifyingUnit: 'rumichaca', sentToReview: false, leadAgency: null, stakes: [],
    sees: { 'officer.rumichaca': 'officer', 'dual.rumichaca': 'officer', auditor: 'auditor' },
  },
  {
    name: 'other unit',
    identifyingUnit: 'quito_airport', sentToReview: false, leadAgency: null, stakes: [],
    sees: { 'officer.quito': 'officer', auditor: 'auditor' },
  },
  {
    name: 'sent to review',
    identifyingUnit: 'rumichaca', sentToReview: true, leadAgency: null, stakes: [],
    sees: { 'officer.rumichaca': 'officer', ...committee, 'dual.rumichaca': 'committee', auditor: 'auditor' },
  },
  {
    name: 'stake by referral (medical care to MSP)',
    identifyingUnit: 'rumichaca', sentToReview: true, leadAgency: 'MDI',
    stakes: [{ role: 'service_focal_point', agency: 'MSP', reason: 'task:referral_response', reaches: ['focal.msp'] }],
    sees: { 'officer.rumichaca': 'officer', ...committee, 'dual.rumichaca': 'committee', 'focal.mdi': 'focal_point:lead', 'focal.msp': 'focal_point', auditor: 'auditor' },
  },
  {
    name: 'stake by task (immediate child protection to MIES), before any review',
    identifyingUnit: 'quito_airport', sentToReview: false, leadAgency: null,
    stakes: [{ role: 'service_focal_point', agency: 'MIES', reason: 'task:child_protection_immediate', reaches: ['focal.mies'] }],
    sees: { 'officer.quito': 'officer', 'focal.mies': 'focal_point', auditor: 'auditor' },
  },
  {
    name: 'stake by check-in (MINEDUC), led by MIES',
    identifyingUnit: 'rumichaca', sentToReview: true, leadAgency: 'MIES',
    stakes: [{ role: 'service_focal_point', agency: 'MINEDUC', reason: 'follow_up_checkin', reaches: ['focal.mineduc'] }],
    sees: { 'officer.rumichaca': 'officer', ...committee, 'dual.rumichaca': 'committee', 'focal.mies': 'focal_point:lead', 'focal.mineduc': 'focal_point', auditor: 'auditor' },
  },
  {
    name: 'article 104 visa request, led by MDI',
    identifyingUnit: 'rumichaca', sentToReview: true, leadAgency: 'MDI',
    stakes: [{ role: 'visa_officer', reason: 'task:visa_decision', reaches: ['visa.mremh'] }],
    sees: { 'officer.rumichaca': 'officer', ...committee, 'dual.rumichaca': 'committee', 'focal.mdi': 'focal_point:lead', 'visa.mremh': 'visa_officer', auditor: 'auditor' },
  },
  {
    name: 'led by MIES, nothing addressed to anyone (Casa Linda staff belong to MIES but do not see it)',
    identifyingUnit: 'quito_airport', sentToReview: true, leadAgency: 'MIES', stakes: [],
    sees: { 'officer.quito': 'officer', ...committee, 'dual.rumichaca': 'committee', 'focal.mies': 'focal_point:lead', auditor: 'auditor' },
  },
  {
    name: 'referred to Casa Linda (present resident), led by MIES',
    identifyingUnit: 'rumichaca', sentToReview: true, leadAgency: 'MIES',
    // Addressed to the shelter: its staff, not its operator's (MIES) focal points.
    stakes: [{ role: 'shelter_staff', shelter: 'casa_linda', reason: 'task:referral_response', reaches: ['staff.casalinda'] }],
    sees: { 'officer.rumichaca': 'officer', ...committee, 'dual.rumichaca': 'committee', 'focal.mies': 'focal_point:lead', 'staff.casalinda': 'shelter_staff', auditor: 'auditor' },
  },
  {
    name: 'past resident of Alas de Colibrí (discharged), led by SDH',
    identifyingUnit: 'rumichaca', sentToReview: true, leadAgency: 'SDH',
    stakes: [{ role: 'shelter_staff', shelter: 'alas_de_colibri', reason: 'task:referral_response', reaches: ['staff.colibri'] }],
    sees: { 'officer.rumichaca': 'officer', ...committee, 'dual.rumichaca': 'committee', 'focal.sdh': 'focal_point:lead', 'staff.colibri': 'shelter_staff', auditor: 'auditor' },
  },
  {
    name: 'possible duplicate the committee was asked to look at (never sent to review)',
    identifyingUnit: 'quito_airport', sentToReview: false, leadAgency: null,
    // Addressed to the role alone: every committee member, whatever their agency.
    stakes: [{ role: 'committee_member', reason: 'possible_duplicate', reaches: ['committee.mdi', 'committee.mies', 'dual.rumichaca'] }],
    sees: { 'officer.quito': 'officer', ...committee, 'dual.rumichaca': 'committee', auditor: 'auditor' },
  },
  {
    name: 'no unit and no stake (only the auditor)',
    identifyingUnit: null, sentToReview: false, leadAgency: null, stakes: [],
    sees: { auditor: 'auditor' },
  },
];

/** Work for the immigration officers of a unit (a screening to complete): it reaches that unit's officers only. */
export const UNIT_WORK: { unit: string; reaches: string[] }[] = [
  { unit: 'rumichaca', reaches: ['officer.rumichaca', 'dual.rumichaca'] },
  { unit: 'quito_airport', reaches: ['officer.quito'] },
];

/** The expectation for one user and situation: a viewer, or 404. */
export function expectedFor(s: FixtureSituation, username: string): Expected | 404 {
  return s.sees[username] ?? 404;
}
