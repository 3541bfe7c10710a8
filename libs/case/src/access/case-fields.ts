import { workAddressee } from '@ruta/core';
import { addressedToViewer, CaseViewer, CaseViewerKind, isCaseViewerKind } from './case-viewer';
import { FullCase } from './full-case';

/** The keys of a case's JSON, in output order (PRODUCT.md section 2). `ageGroup` is not one: it only feeds the auditor's `victim`. */
export const CASE_KEYS = [
  'id',
  'caseNumber',
  'status',
  'traffickingStatus',
  'isMinor',
  'leadAgency',
  'version',
  'victim',
  'identification',
  'consent',
  'screening',
  'reviews',
  'referrals',
  'carePlan',
  'visa',
  'followUp',
] as const satisfies readonly (keyof FullCase)[];

export type CaseKey = (typeof CASE_KEYS)[number];

// Compile error if FullCase gains a key that the matrix does not rule on.
type AssertNever<T extends never> = T;
export type _AllCaseKeysRuled = AssertNever<Exclude<keyof FullCase, CaseKey | 'ageGroup'>>;

type ViewerOf<V extends CaseViewerKind> = Extract<CaseViewer, { kind: V }>;

/** Builds what a viewer receives for one key from the full value. Must not return (parts of) anything it was not meant to. */
export type CaseProjection<K extends CaseKey, V extends CaseViewerKind> = (
  value: FullCase[K],
  viewer: ViewerOf<V>,
  full: FullCase,
) => unknown;

/** `'all'`: the value as is; `'none'`: the key is absent (not null); a function: a named projection. */
export type FieldRule<K extends CaseKey, V extends CaseViewerKind> = 'all' | 'none' | CaseProjection<K, V>;

/** Only for focal points: one rule when their agency leads the case, another when it does not. */
export interface ByLead<K extends CaseKey> {
  readonly lead: FieldRule<K, 'focal_point'>;
  readonly notLead: FieldRule<K, 'focal_point'>;
}

export type MatrixCell<K extends CaseKey, V extends CaseViewerKind> = V extends 'focal_point'
  ? FieldRule<K, V> | ByLead<K>
  : FieldRule<K, V>;

/** Every key x every viewer kind: a missing cell does not compile. */
export type CaseFieldMatrix = {
  readonly [K in CaseKey]: { readonly [V in CaseViewerKind]: MatrixCell<K, V> };
};

// ---------- named projections (each cell of the table that is neither "yes" nor "—") ----------

type Victim = FullCase['victim'];
type Review = FullCase['reviews'][number];
type Referral = FullCase['referrals'][number];
type CarePlan = FullCase['carePlan'];
type FollowUp = FullCase['followUp'];

const victimNamesDocumentsNationality = (v: Victim) => ({
  givenNames: v.givenNames,
  familyNames: v.familyNames,
  documents: v.documents,
  nationality: v.nationality,
});

/** Pseudonymized: nothing that names or locates the person. */
const victimPseudonymized = (v: Victim, _viewer: CaseViewer, full: FullCase) => ({
  sex: v.sex,
  ageGroup: full.ageGroup,
  nationality: v.nationality,
});

/** The story and the officer's identity identify people; the auditor gets the rest. */
const identificationWithoutCircumstances = ({ circumstances: _c, officerId: _o, ...rest }: FullCase['identification']) => rest;

const screeningOutcomeOnly = (s: FullCase['screening']) => (s === null ? null : { outcome: s.outcome });

const reviewsDecisionAndLeadAgency = (reviews: Review[]) =>
  reviews.map((r) => ({ decision: r.decision, leadAgency: r.leadAgency }));

const reviewsDecisionOnly = (reviews: Review[]) => reviews.map((r) => ({ decision: r.decision }));

/** The referrals addressed to the viewer: their agency's services (not its shelters'), or their shelter's. */
const referralsAddressedToViewer = (referrals: Referral[], viewer: ViewerOf<'focal_point' | 'shelter_staff'>) =>
  referrals.filter((r) => addressedToViewer(viewer, workAddressee({ agency: r.agency.code, shelterId: r.shelterId })));

const referralsTypesAndStatuses = (referrals: Referral[]) =>
  referrals.map((r) => ({ serviceType: r.serviceType, status: r.status }));

const carePlanGoalsOnly = (p: CarePlan) => (p === null ? null : { goals: p.goals });

/** The lead agency sees every note, confidential ones included. */
const carePlanGoalsAndAllNotes = (p: CarePlan) => (p === null ? null : { goals: p.goals, notes: p.notes });

/** The whole plan of the viewer's shelter; a confidential note only if that shelter wrote it. Another shelter's plan: null. */
const carePlanOfOwnShelter = (p: CarePlan, viewer: ViewerOf<'shelter_staff'>) => {
  if (p === null || p.shelterId === null || p.shelterId !== viewer.shelterId) return null;
  return { ...p, notes: p.notes.filter((n) => !n.confidential || n.shelterId === viewer.shelterId) };
};

/** Auditors: the consent flags and when, not who recorded it, nor the child's words or the guardian. */
const consentFlags = (c: FullCase['consent']) =>
  ({ dataProcessing: c.dataProcessing, referral: c.referral, shareWith: c.shareWith, withdrawn: c.withdrawn, recordedAt: c.recordedAt });

const visaStatusAndDates = (v: FullCase['visa']) =>
  v === null
    ? null
    : { status: v.status, requestedAt: v.requestedAt, decidedAt: v.decidedAt, issuedOn: v.issuedOn, expiresOn: v.expiresOn };

const followUpOwnCheckins = (f: FollowUp, viewer: ViewerOf<'focal_point'>) =>
  f === null ? null : { startDate: f.startDate, checkins: f.checkins.filter((c) => addressedToViewer(viewer, workAddressee({ agency: c.agency }))) };

const followUpStatusesAndDates = (f: FollowUp) =>
  f === null
    ? null
    : {
        startDate: f.startDate,
        checkins: f.checkins.map((c) => ({ dueDate: c.dueDate, status: c.status, recordedAt: c.recordedAt })),
      };

// ---------- the matrix ----------

const EVERYONE = {
  officer: 'all',
  committee: 'all',
  focal_point: 'all',
  shelter_staff: 'all',
  visa_officer: 'all',
  auditor: 'all',
} as const;

/**
 * Which parts of a case each viewer receives: the table of PRODUCT.md section 2, written once.
 * "Stake" and the record-level decision (404 for a case the viewer may not see) are handled before;
 * confidential care notes reach only the shelter that wrote them and the lead agency.
 */
export const CASE_FIELD_MATRIX: CaseFieldMatrix = {
  id: EVERYONE,
  caseNumber: EVERYONE,
  status: EVERYONE,
  traffickingStatus: EVERYONE,
  isMinor: EVERYONE,
  leadAgency: EVERYONE,
  version: EVERYONE,
  victim: {
    officer: 'all',
    committee: 'all',
    focal_point: 'all',
    shelter_staff: 'all',
    visa_officer: victimNamesDocumentsNationality,
    auditor: victimPseudonymized,
  },
  identification: {
    officer: 'all',
    committee: 'all',
    focal_point: 'all',
    shelter_staff: 'all',
    visa_officer: 'none',
    auditor: identificationWithoutCircumstances,
  },
  consent: {
    officer: 'all',
    committee: 'all',
    focal_point: 'all',
    shelter_staff: 'all',
    visa_officer: 'none',
    auditor: consentFlags,
  },
  screening: {
    officer: 'all',
    committee: 'all',
    focal_point: 'none',
    shelter_staff: 'none',
    visa_officer: 'none',
    auditor: screeningOutcomeOnly,
  },
  reviews: {
    officer: 'none',
    committee: 'all',
    focal_point: reviewsDecisionAndLeadAgency,
    shelter_staff: reviewsDecisionOnly,
    visa_officer: 'none',
    auditor: reviewsDecisionOnly,
  },
  referrals: {
    officer: 'none',
    committee: 'all',
    focal_point: { lead: 'all', notLead: referralsAddressedToViewer },
    shelter_staff: referralsAddressedToViewer,
    visa_officer: 'none',
    auditor: referralsTypesAndStatuses,
  },
  carePlan: {
    officer: 'none',
    committee: carePlanGoalsOnly,
    focal_point: { lead: carePlanGoalsAndAllNotes, notLead: carePlanGoalsOnly },
    shelter_staff: carePlanOfOwnShelter,
    visa_officer: 'none',
    auditor: 'none',
  },
  visa: {
    officer: 'none',
    committee: 'all',
    focal_point: { lead: 'all', notLead: 'none' },
    shelter_staff: 'none',
    visa_officer: 'all',
    auditor: visaStatusAndDates,
  },
  followUp: {
    officer: 'none',
    committee: 'all',
    focal_point: { lead: 'all', notLead: followUpOwnCheckins },
    shelter_staff: 'none',
    visa_officer: 'none',
    auditor: followUpStatusesAndDates,
  },
};

// ---------- applying it ----------

type ResolvedRule = 'all' | 'none' | ((value: unknown, viewer: CaseViewer, full: FullCase) => unknown);

function isByLead(cell: unknown): cell is ByLead<CaseKey> {
  return typeof cell === 'object' && cell !== null && 'lead' in cell && 'notLead' in cell;
}

/** Deny by default: an unknown viewer kind is a programming error, never an empty or partial view. */
function assertViewer(viewer: CaseViewer): void {
  if (viewer === null || typeof viewer !== 'object' || !isCaseViewerKind(viewer.kind)) {
    throw new TypeError('projectCase: unknown case viewer kind');
  }
}

function resolveRule(key: CaseKey, viewer: CaseViewer): ResolvedRule {
  // The matrix is typed per key and per kind; here key and kind are only known at run time.
  const cell = CASE_FIELD_MATRIX[key][viewer.kind] as unknown;
  if (isByLead(cell)) {
    return (viewer.kind === 'focal_point' && viewer.lead === true ? cell.lead : cell.notLead) as ResolvedRule;
  }
  return cell as ResolvedRule;
}

/** The case keys this viewer receives, in output order (PRODUCT.md section 2). */
export function visibleCaseKeys(viewer: CaseViewer): CaseKey[] {
  assertViewer(viewer);
  return CASE_KEYS.filter((key) => resolveRule(key, viewer) !== 'none');
}

/**
 * Projects the full case for one viewer following the field matrix of PRODUCT.md section 2:
 * keys the viewer may not receive are absent (not null), the others are new objects (the input is
 * never mutated nor shared with the output).
 */
export function projectCase(full: FullCase, viewer: CaseViewer): Record<string, unknown> {
  assertViewer(viewer);
  const out: Record<string, unknown> = {};
  for (const key of CASE_KEYS) {
    const rule = resolveRule(key, viewer);
    if (rule === 'none') continue;
    const value = rule === 'all' ? full[key] : rule(full[key], viewer, full);
    out[key] = structuredClone(value);
  }
  return out;
}
