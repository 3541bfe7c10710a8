import { Addressee, reaches } from '@ruta/core';

/**
 * Who is looking at a case, as far as field-level access is concerned (PRODUCT.md section 2).
 * Record-level access (whether this viewer may see the case at all) is decided before, from the stakes;
 * this type only carries what the field matrix needs.
 */
export type CaseViewer =
  | { kind: 'officer' } // immigration officer of the identifying unit
  | { kind: 'committee' }
  | { kind: 'focal_point'; agency: string; lead: boolean } // service focal point with a stake; lead = their agency leads the case
  | { kind: 'shelter_staff'; shelterId: string } // staff of a shelter with a stake
  | { kind: 'visa_officer' }
  | { kind: 'auditor' };

export type CaseViewerKind = CaseViewer['kind'];

export const CASE_VIEWER_KINDS = [
  'officer',
  'committee',
  'focal_point',
  'shelter_staff',
  'visa_officer',
  'auditor',
] as const satisfies readonly CaseViewerKind[];

// Compile error if a viewer kind is added to CaseViewer but not to CASE_VIEWER_KINDS.
type AssertNever<T extends never> = T;
export type _AllViewerKindsListed = AssertNever<Exclude<CaseViewerKind, (typeof CASE_VIEWER_KINDS)[number]>>;

/** Runtime guard: a kind outside the list (or an `Object.prototype` name) is not a viewer. */
export function isCaseViewerKind(value: unknown): value is CaseViewerKind {
  return typeof value === 'string' && (CASE_VIEWER_KINDS as readonly string[]).includes(value);
}

/**
 * Whether work (a referral, a check-in, their timeline entries) addressed to `a` is addressed to this viewer:
 * a focal point as one of their agency's focal points, shelter staff as their shelter's staff, by the one
 * addressing rule (libs/core/src/access/addressee.ts). Other viewers are never the addressee of such work.
 */
export function addressedToViewer(viewer: CaseViewer, a: Addressee | null): boolean {
  if (viewer.kind === 'focal_point') return reaches(a, { roles: ['service_focal_point'], agencyCode: viewer.agency, shelterId: null, unitCode: null });
  if (viewer.kind === 'shelter_staff') return reaches(a, { roles: ['shelter_staff'], agencyCode: null, shelterId: viewer.shelterId, unitCode: null });
  return false;
}
