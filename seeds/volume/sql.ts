/**
 * Small builders for the generator's set-based SQL. Every pseudo-random choice is a pure function of the
 * run's seed and a row's ordinal (`n`), so a run is reproducible; none reads PostgreSQL's random().
 */

/** A SQL string literal. */
export function lit(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A SQL text[] literal. */
export function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(lit).join(', ')}]::text[]`;
}

/** Uniform draw in [0, 1) number `k` of row `n` (inlined by PostgreSQL: see defineFunctions). */
export function r(k: number, n = 'n'): string {
  return `pg_temp.r(${n}, ${k})`;
}

/** Exponential draw (mean 1) number `k` of row `n`: long tails for delays. */
export function ex(k: number, n = 'n'): string {
  return `pg_temp.ex(${n}, ${k})`;
}

/**
 * A weighted choice as a CASE over cumulative thresholds of the draw `draw` (a SQL expression in [0, 1)).
 * Values are SQL expressions; weights need not add up to anything.
 */
export function choose(draw: string, options: readonly (readonly [string, number])[]): string {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let acc = 0;
  const branches = options.slice(0, -1).map(([value, w]) => {
    acc += w / total;
    return `WHEN ${draw} < ${acc.toFixed(6)} THEN ${value}`;
  });
  return `(CASE ${branches.join(' ')} ELSE ${options[options.length - 1][0]} END)`;
}

/** choose() over text values. */
export function chooseText(draw: string, options: readonly (readonly [string, number])[]): string {
  return choose(draw, options.map(([v, w]) => [lit(v), w] as const));
}

/** An interval of `hours` (a SQL numeric expression). */
export function hours(expr: string): string {
  return `((${expr}) * interval '1 hour')`;
}

export function days(expr: string): string {
  return `((${expr}) * interval '1 day')`;
}

/**
 * Identifier kinds of the generated rows. A row's id is `pg_temp.uid(kind, k, n)`: the run's prefix, the
 * kind, a sub-index `k` (the j-th referral of a case...) and the case's ordinal, laid out so that ids grow
 * with the ordinal: B-tree indexes on them are appended to, not written all over.
 */
export const KIND = {
  case: 1, document: 2, screening: 3, review: 4, referral: 5, placement: 6, visa: 7, plan: 8, checkin: 9, closure: 10,
  /** + the task type's index in TASK_TYPES. */
  task: 32,
  /** + the escalated task's type index. */
  escalation: 64,
} as const;

/**
 * Session-local helpers (pg_temp: nothing is left in the schema). `r` and `ex` are single-expression SQL
 * functions, which PostgreSQL inlines into the statements that use them.
 */
export function defineFunctions(seed: number, prefix: number): string[] {
  return [
    `CREATE FUNCTION pg_temp.r(n bigint, k integer) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT (hashint8extended(n, ${seed}::bigint * 65536 + k) & 4503599627370495)::double precision / 4503599627370496.0 $$`,
    `CREATE FUNCTION pg_temp.ex(n bigint, k integer) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT -ln(1.0 - (hashint8extended(n, ${seed}::bigint * 65536 + k) & 4503599627370495)::double precision / 4503599627370496.0) $$`,
    // Version-4 layout (the 4 and the 8 nibbles) so that any UUID check accepts them.
    `CREATE FUNCTION pg_temp.uid(kind integer, k integer, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT (${lit(prefix.toString(16).padStart(8, '0'))} || '-' || lpad(to_hex(kind), 4, '0') || '-4' || lpad(to_hex(k), 3, '0')
        || '-8' || lpad(to_hex(n >> 48), 3, '0') || '-' || lpad(to_hex(n & 281474976710655), 12, '0'))::uuid $$`,
    // Start of a calendar day in Ecuador (UTC-5 all year); the session runs in UTC.
    `CREATE FUNCTION pg_temp.ec(d date) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT (d + interval '5 hours')::timestamptz $$`,
    // The calendar date in Ecuador of an instant.
    `CREATE FUNCTION pg_temp.ecdate(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT (t - interval '5 hours')::date $$`,
    // Whole years from a date of birth to a date (libs/case identity/normalize ageOn).
    `CREATE FUNCTION pg_temp.age_on(born date, on_date date) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT extract(year FROM age(on_date, born))::integer $$`,
  ];
}
