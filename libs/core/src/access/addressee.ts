import { isRole, Role } from './roles';

/**
 * Who a piece of work is addressed to, and whom it reaches (PRODUCT.md sections 2, 7, 9 and 10): a task, a
 * referral, a check-in, and the timeline entries about them.
 *
 * This is the one place the rule is written. It is held twice, side by side: as TypeScript for records
 * already read (`reaches`), and as SQL for the queries that must filter in the database (`reachesSql`: the
 * task inbox, the referrals addressed to a user). Both are built from one list, `reachesOf`: the ways work
 * reaches a person. Both forms are tested against the record-access fixture of PRODUCT.md section 2
 * (libs/case/src/access/__tests__/record-access.fixture.ts), the TypeScript form in a unit test and the SQL
 * form through the API. It lives in core, below the task queue and the case, because both filter by it.
 */

/** A role at an agency, a role at a shelter (shelter staff), or a role alone; for officers, also a unit. */
export interface Addressee {
  role: Role;
  agency?: string | null;
  shelterId?: string | null;
  /** For immigration officers: the unit (border point) whose officers the work is for. */
  unit?: string | null;
}

/** The parts of a person that addressing depends on (an Actor has them). */
export interface Addressable {
  roles: readonly string[];
  agencyCode: string | null;
  shelterId: string | null;
  unitCode: string | null;
}

/**
 * One way work reaches a person: addressed to their shelter (shelter staff), or to one of their roles at
 * their agency or to the role alone (`agency` null), at no unit or at theirs (`unit`).
 */
export type Reach =
  | { role: 'shelter_staff'; shelterId: string }
  | { role: Role; agency: string | null; unit: string | null };

const isShelterReach = (r: Reach): r is Extract<Reach, { shelterId: string }> => 'shelterId' in r;

/**
 * The rule: work addressed to one of a person's roles at their agency (or, for shelter staff, at their
 * shelter: never at its operator agency), or to the role alone, reaches them; work for a unit reaches only
 * that unit's officers.
 */
export function reachesOf(who: Addressable): Reach[] {
  const out: Reach[] = [];
  for (const role of new Set(who.roles)) {
    if (!isRole(role)) continue;
    if (role === 'shelter_staff') {
      if (who.shelterId) out.push({ role, shelterId: who.shelterId });
      continue;
    }
    out.push({ role, agency: null, unit: who.unitCode });
    if (who.agencyCode) out.push({ role, agency: who.agencyCode, unit: who.unitCode });
  }
  return out;
}

// ---------- the TypeScript form ----------

function matches(r: Reach, a: Addressee): boolean {
  if (a.role !== r.role) return false;
  if (isShelterReach(r)) return a.shelterId === r.shelterId;
  return (a.agency ?? null) === r.agency && (a.unit == null || a.unit === r.unit);
}

/** Whether work addressed to `a` reaches `who` (null: addressed to no one). */
export function reaches(a: Addressee | null, who: Addressable): boolean {
  return a !== null && reachesOf(who).some((r) => matches(r, a));
}

/**
 * Who a referral or a check-in is addressed to, from where it was sent: to a shelter, its staff; to an
 * agency, its focal points (PRODUCT.md section 2: "Tasks for an agency are addressed to service_focal_point
 * at that agency"). Null when it names neither: it reaches no one.
 */
export function workAddressee(w: { agency?: unknown; shelterId?: unknown }): Addressee | null {
  if (typeof w.shelterId === 'string' && w.shelterId !== '') return { role: 'shelter_staff', shelterId: w.shelterId };
  if (typeof w.agency === 'string' && w.agency !== '') return { role: 'service_focal_point', agency: w.agency };
  return null;
}

// ---------- the SQL form ----------

/**
 * How a table stores the addressee of its rows, as SQL conditions (null: its rows are never so addressed).
 * Storage only: what must match is decided by `reachesSql`.
 */
export interface AddresseeColumns {
  /** The row is addressed to `role` (one of ROLES, written inline). */
  role(role: Role): string | null;
  /** The row is addressed at agency `param` (a bound value), or, with `param` null, to the role alone. */
  agency(param: string | null): string | null;
  /** The row is addressed at shelter `param` (a bound value). */
  shelter(param: string): string | null;
  /** The column holding the unit, when rows may be addressed to a unit. */
  unit: string | null;
}

/** One `Reach` as SQL over `c`; `bind` adds a value to the query's parameters and answers its placeholder. */
export function reachSql(r: Reach, c: AddresseeColumns, bind: (value: unknown) => string): string | null {
  const role = c.role(r.role);
  if (role === null) return null;
  if (isShelterReach(r)) {
    const shelter = c.shelter(bind(r.shelterId));
    return shelter === null ? null : `${role} AND ${shelter}`;
  }
  const agency = c.agency(r.agency === null ? null : bind(r.agency));
  if (agency === null) return null;
  const unit = c.unit === null ? [] : [r.unit === null ? `${c.unit} IS NULL` : `(${c.unit} IS NULL OR ${c.unit} = ${bind(r.unit)})`];
  return [role, agency, ...unit].join(' AND ');
}

/**
 * The same rule as `reaches`, as one SQL condition per way work reaches `who` (each an equality on the
 * addressee, so that each can be one index scan), none for a way the table never addresses.
 */
export function reachBranchesSql(who: Addressable, c: AddresseeColumns, bind: (value: unknown) => string): string[] {
  return reachesOf(who).map((r) => reachSql(r, c, bind)).filter((s): s is string => s !== null);
}

/** `reachBranchesSql` as one predicate. */
export function reachesSql(who: Addressable, c: AddresseeColumns, bind: (value: unknown) => string): string {
  const branches = reachBranchesSql(who, c, bind);
  return branches.length === 0 ? 'FALSE' : `(${branches.map((b) => `(${b})`).join(' OR ')})`;
}

/** `workAddressee` as columns: a table with `shelter_id` (null for a service) and `agency_code`, under `alias`. */
export function workAddresseeColumns(alias: string): AddresseeColumns {
  return {
    role: (role) => (role === 'shelter_staff' ? `${alias}.shelter_id IS NOT NULL` : role === 'service_focal_point' ? `${alias}.shelter_id IS NULL` : null),
    agency: (param) => (param === null ? null : `${alias}.agency_code = ${param}`),
    shelter: (param) => `${alias}.shelter_id = ${param}::uuid`,
    unit: null,
  };
}
