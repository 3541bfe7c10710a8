import { Client } from 'pg';
import { DEMO_USERS } from '../demo-users';
import { Pools } from './pools';
import { lit } from './sql';

/** The users the generated actions are attributed to: the demo users of PRODUCT.md section 13. */
export interface Actors {
  /** Officer by unit (border point), for the units that have one. */
  officers: Record<string, string>;
  /** Committee members by agency. */
  committee: Record<string, string>;
  /** A focal point by agency. */
  focal: Record<string, string>;
  /** Shelter staff by shelter id. */
  staff: Record<string, string>;
  visa: string;
}

export interface ShelterRef {
  id: string; code: string; operator: string; capacity: number; sexes: string[]; minAge: number | null; maxAge: number | null;
  forms: string[]; children: boolean;
}

export interface ServiceRef { code: string; agency: string; hours: number }

/** What every statement of a run needs: the seed, where the run's ordinals start, its end instant, the references. */
export interface RunContext {
  seed: number;
  /** Ordinal of the run's first case minus one: case i of the run (from 0) has ordinal n = base + 1 + i. */
  base: number;
  /** The case number sequence's values reserved for the run: its case i (from 0) gets firstCaseNumber + i. */
  firstCaseNumber: number;
  /** The run's "now": nothing happens at or after the start of this day in Ecuador (YYYY-MM-DD). */
  until: string;
  actors: Actors;
  shelters: ShelterRef[];
  services: ServiceRef[];
  pools: Pools;
}

/** Where the computed rows wait for the loader (unlogged tables, no index, no WAL), and the sweep's shared table. */
export const STAGE_SCHEMA = 'ruta_volume_stage';

/** The run's end instant in SQL. */
export const U = (ctx: RunContext) => `pg_temp.ec(${lit(ctx.until)}::date)`;

/** A user id as a SQL uuid, or NULL. */
export function uid(id: string | undefined): string {
  return id ? `${lit(id)}::uuid` : 'NULL::uuid';
}

/** A CASE mapping an agency code expression to its focal point's user id. */
export function focalOf(ctx: RunContext, agency: string): string {
  const branches = Object.entries(ctx.actors.focal).map(([code, id]) => `WHEN ${lit(code)} THEN ${uid(id)}`);
  return `(CASE ${agency} ${branches.join(' ')} ELSE NULL::uuid END)`;
}

/** A CASE mapping a shelter id expression to its staff user id (NULL where the shelter has none). */
export function staffOf(ctx: RunContext, shelter: string): string {
  const branches = Object.entries(ctx.actors.staff).map(([id, user]) => `WHEN ${lit(id)}::uuid THEN ${uid(user)}`);
  return branches.length ? `(CASE ${shelter} ${branches.join(' ')} ELSE NULL::uuid END)` : 'NULL::uuid';
}

export async function loadReferences(client: Client): Promise<Pick<RunContext, 'actors' | 'shelters' | 'services'>> {
  const users: { username: string; id: string; agency_code: string; unit_code: string | null; shelter_id: string | null }[] = (await client.query(
    `SELECT username, id, agency_code, unit_code, shelter_id FROM users WHERE username = ANY($1) AND NOT disabled`, [DEMO_USERS.map((u) => u.username)])).rows;
  const actors: Actors = { officers: {}, committee: {}, focal: {}, staff: {}, visa: '' };
  for (const u of users) {
    const demo = DEMO_USERS.find((d) => d.username === u.username)!;
    if (demo.roles.includes('immigration_officer') && u.unit_code) actors.officers[u.unit_code] = u.id;
    if (demo.roles.includes('committee_member')) actors.committee[u.agency_code] = u.id;
    if (demo.roles.includes('service_focal_point')) actors.focal[u.agency_code] = u.id;
    if (demo.roles.includes('shelter_staff') && u.shelter_id) actors.staff[u.shelter_id] = u.id;
    if (demo.roles.includes('visa_officer')) actors.visa = u.id;
  }
  for (const agency of ['MDI', 'MIES', 'SDH', 'MREMH']) {
    if (!actors.committee[agency]) throw new Error(`the demo committee member of ${agency} is missing: the generated reviews need a quorum of three agencies`);
  }
  if (!actors.visa) throw new Error('the demo visa officer (visa.mremh) is missing');
  const shelters: ShelterRef[] = (await client.query(`SELECT id, code, operator_code, capacity, eligible_sexes, min_age, max_age, exploitation_forms,
      accompanying_children FROM shelters WHERE active AND code = ANY($1) ORDER BY code`, [['casa_linda', 'alas_de_colibri', 'sdh_casa_refugio']])).rows
    .map((s) => ({ id: s.id, code: s.code, operator: s.operator_code, capacity: s.capacity, sexes: s.eligible_sexes, minAge: s.min_age,
      maxAge: s.max_age, forms: s.exploitation_forms, children: s.accompanying_children }));
  const services: ServiceRef[] = (await client.query(`SELECT code, default_agency_code AS agency, response_hours AS hours FROM service_types`)).rows;
  return { actors, shelters, services };
}
