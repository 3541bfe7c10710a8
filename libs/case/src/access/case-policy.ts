import type { Role } from '@ruta/core';
import type { CaseViewer } from './case-viewer';

/**
 * Record-level access to cases (PRODUCT.md section 2): who may see which case, and as which viewer.
 *
 * This is the one place the rule is written. Each grant holds it twice, side by side: as TypeScript for a
 * case already read, and as SQL for lists, searches and duplicate checks, which must filter in the
 * database. Both forms are tested against one independent fixture (__tests__/record-access.fixture.ts),
 * the TypeScript form in a unit test and the SQL form through the API.
 */

/** A reason an agency, a shelter or a role has to see a case: written when work is addressed to them. */
export interface CaseStake {
  role: string;
  agency_code: string | null;
  shelter_id: string | null;
}

/** The facts about a case that record-level access depends on. */
export interface CaseSituation {
  /** The border point or airport whose officers identified the case. */
  identifyingUnit: string | null;
  leadAgency: string | null;
  /** The case has been sent to the case-analysis team at least once. */
  sentToReview: boolean;
  stakes: readonly CaseStake[];
}

/** The parts of the signed-in user that record-level access depends on. */
export interface PolicyActor {
  roles: readonly string[];
  agencyCode: string;
  unitCode: string | null;
  shelterId: string | null;
}

/** Names of the SQL parameters holding the actor (for example `$1::text[]`, `$2`...). */
export interface PolicySqlParams {
  roles: string;
  unit: string;
  agency: string;
  shelter: string;
}

interface Grant {
  role: Role;
  holds(actor: PolicyActor, c: CaseSituation): boolean;
  /** The same rule over `cases` under `alias`, with the actor's values in `p`. */
  sql(alias: string, p: PolicySqlParams): string;
  viewer(actor: PolicyActor, c: CaseSituation): CaseViewer;
}

const hasStake = (c: CaseSituation, test: (s: CaseStake) => boolean) => c.stakes.some(test);
const stakeSql = (alias: string, condition: string) =>
  `EXISTS (SELECT 1 FROM case_stakes s WHERE s.case_id = ${alias}.id AND ${condition})`;

/**
 * The grants, in order of precedence: a user holding several roles sees a case as the first grant that
 * applies, which is the most complete view their roles give.
 */
const GRANTS: readonly Grant[] = [
  {
    // The case-analysis team sees every case ever sent to review, and a case it was asked to look at
    // (a possible duplicate of a case it sees).
    role: 'committee_member',
    holds: (_, c) => c.sentToReview || hasStake(c, (s) => s.role === 'committee_member'),
    sql: (x) => `(${x}.sent_to_review_at IS NOT NULL OR ${stakeSql(x, `s.role = 'committee_member'`)})`,
    viewer: () => ({ kind: 'committee' }),
  },
  {
    // Officers keep seeing the cases identified at their unit, in every status.
    role: 'immigration_officer',
    holds: (a, c) => a.unitCode !== null && c.identifyingUnit === a.unitCode,
    sql: (x, p) => `${x}.identifying_unit = ${p.unit}`,
    viewer: () => ({ kind: 'officer' }),
  },
  {
    // Focal points: a referral, task, check-in or visa request addressed to their agency, or their agency leads.
    role: 'service_focal_point',
    holds: (a, c) => c.leadAgency === a.agencyCode || hasStake(c, (s) => s.role === 'service_focal_point' && s.agency_code === a.agencyCode),
    sql: (x, p) => `(${x}.lead_agency = ${p.agency} OR ${stakeSql(x, `s.role = 'service_focal_point' AND s.agency_code = ${p.agency}`)})`,
    viewer: (a, c) => ({ kind: 'focal_point', agency: a.agencyCode, lead: c.leadAgency === a.agencyCode }),
  },
  {
    // Shelter staff: referrals to their shelter, present and past residents (a stake is never withdrawn).
    role: 'shelter_staff',
    holds: (a, c) => a.shelterId !== null && hasStake(c, (s) => s.role === 'shelter_staff' && s.shelter_id === a.shelterId),
    sql: (x, p) => stakeSql(x, `s.role = 'shelter_staff' AND s.shelter_id = ${p.shelter}::uuid`),
    viewer: (a) => ({ kind: 'shelter_staff', shelterId: a.shelterId! }),
  },
  {
    // The visa officer: cases with an article 104 request.
    role: 'visa_officer',
    holds: (_, c) => hasStake(c, (s) => s.role === 'visa_officer'),
    sql: (x) => stakeSql(x, `s.role = 'visa_officer'`),
    viewer: () => ({ kind: 'visa_officer' }),
  },
  {
    // Auditors see every case, pseudonymized by the field matrix.
    role: 'auditor',
    holds: () => true,
    sql: () => 'TRUE',
    viewer: () => ({ kind: 'auditor' }),
  },
];

/** The view this actor has on this case, or null when the case must answer 404 to them. */
export function caseViewer(actor: PolicyActor, c: CaseSituation): CaseViewer | null {
  for (const grant of GRANTS) {
    if (actor.roles.includes(grant.role) && grant.holds(actor, c)) return grant.viewer(actor, c);
  }
  return null;
}

/** SQL predicate over `cases` under `alias`: the rows the actor may see at all. */
export function visibleCasesSql(alias: string, p: PolicySqlParams): string {
  return `(${GRANTS.map((g) => `('${g.role}' = ANY(${p.roles}) AND ${g.sql(alias, p)})`).join('\n    OR ')})`;
}
