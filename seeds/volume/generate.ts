import { cryptoConfig, FieldCipher } from '@ruta/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { seedDemoUsers, seedReferenceData } from '../seed';
import { DeferredForeignKeys, WRITTEN_TABLES } from './constraints';
import { loadReferences, RunContext } from './context';
import { monthSlots } from './months';
import { outcomePlanStatements } from './outcome-plan';
import { planStatements } from './plan';
import { Pools } from './pools';
import { referralPlanStatements, sweepSetup, sweepStatements } from './referral-plan';
import { defineFunctions } from './sql';
import * as T from './texts';
import { caseStatements } from './write-case';
import { historyStatements } from './write-history';
import { finalStatements, protocolStatements } from './write-protocol';
import { taskStatements } from './write-tasks';

export interface VolumeOptions {
  /** Owner role's URL of the target database (migrations and seeds run as it). */
  databaseUrl: string;
  cases: number;
  seed?: number;
  /** The run's "today" (YYYY-MM-DD, Ecuador): cases span the sixty months before it. Default: today. */
  until?: string;
  batchSize?: number;
  /** Demo users' password and argon2 parameters, for a database that has no demo users yet. */
  demoPassword?: string;
  argon2?: { memoryCost: number; timeCost: number; parallelism: number };
  log?: (line: string) => void;
}

export interface VolumeReport {
  added: number;
  seconds: number;
  /** Rows in each written table after the run. */
  rows: Record<string, number>;
}

/** Today's date in Ecuador (UTC-5). */
export function ecuadorToday(now = new Date()): string {
  return new Date(now.getTime() - 5 * 3600_000).toISOString().slice(0, 10);
}

/** Migrations, reference data and demo users, as start-up runs them (apps/api prepare-database.ts). */
async function prepare(o: VolumeOptions): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url: o.databaseUrl, migrations, migrationsTransactionMode: 'each', applicationName: 'ruta-seed-volume' });
  await ds.initialize();
  try {
    await ds.runMigrations();
    await seedReferenceData(ds);
    await seedDemoUsers(ds, o.demoPassword ?? 'Ruta-Demo-2026', o.argon2 ?? { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  } finally {
    await ds.destroy();
  }
}

/**
 * Appends `cases` generated cases, with everything the protocol would have written about them, to a Ruta
 * database (bench/README.md, "Volume data"). Set-based: each batch is a few dozen INSERT … SELECT statements
 * that PostgreSQL computes; Node only seals the pools and the keyed hashes of names and dates of birth.
 */
export async function generateVolume(o: VolumeOptions): Promise<VolumeReport> {
  const log = o.log ?? (() => undefined);
  const started = Date.now();
  const seed = o.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2_000_000_000) throw new Error('seed must be an integer from 0 to 2000000000');
  if (!Number.isInteger(o.cases) || o.cases < 1) throw new Error('cases must be a positive integer');
  const until = o.until ?? ecuadorToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) throw new Error('until must be YYYY-MM-DD');
  const batchSize = o.batchSize ?? 50_000;

  await prepare(o);
  const cipher = new FieldCipher(cryptoConfig());
  const pools = new Pools(cipher);
  const client = new Client({ connectionString: o.databaseUrl, application_name: 'ruta-seed-volume' });
  await client.connect();
  const foreignKeys = new DeferredForeignKeys();
  try {
    for (const setting of [`TimeZone = 'UTC'`, `work_mem = '256MB'`, `maintenance_work_mem = '512MB'`, `temp_buffers = '256MB'`,
      `synchronous_commit = off`, `statement_timeout = 0`, `jit = off`]) {
      await client.query(`SET ${setting}`);
    }
    await client.query('BEGIN');
    // One generator at a time per database: a second run waits here for the first to commit.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('ruta-seed-volume'))`);
    const { rows: [{ count }] } = await client.query(`SELECT count(*)::integer AS count FROM cases`);
    const refs = await loadReferences(client);
    const ctx: RunContext = { seed, base: count, until, pools, ...refs };
    for (const statement of [...defineFunctions(seed, prefixOf(seed, count)), ...sweepSetup()]) await client.query(statement);
    const months = monthSlots(until, o.cases);
    await client.query(`CREATE TEMP TABLE vm (start date, days integer, first integer, count integer)`);
    await client.query(`INSERT INTO vm SELECT * FROM unnest($1::date[], $2::integer[], $3::integer[], $4::integer[])`,
      [months.map((m) => m.start), months.map((m) => m.days), months.map((m) => m.first), months.map((m) => m.count)]);
    await pools.load(client, `${Number(months[0].start.slice(0, 4)) - 90}-01-01`, until);
    await client.query(`CREATE TEMP TABLE nd (nd_n bigint PRIMARY KEY, hash text NOT NULL)`);
    log(`Dropped ${await foreignKeys.drop(client)} foreign keys for the load (added back before commit)`);

    for (let from = 0; from < o.cases; from += batchSize) {
      const to = Math.min(o.cases, from + batchSize);
      for (const statement of [...planStatements(ctx, from, to), ...referralPlanStatements(ctx), ...sweepStatements(ctx), ...outcomePlanStatements(ctx)]) {
        await run(client, statement);
      }
      await nameDobHashes(client, pools);
      for (const statement of [...caseStatements(ctx), ...finalStatements(ctx), ...protocolStatements(ctx), ...taskStatements(ctx), ...historyStatements(ctx)]) {
        await run(client, statement);
      }
      log(`  ${to.toLocaleString('en')} / ${o.cases.toLocaleString('en')} cases  ${Math.round((100 * to) / o.cases)}%  ${seconds(started)} s`);
    }
    // The counters the referral module keeps, from the rows (placements of earlier runs and of the app included).
    await client.query(`UPDATE shelters s SET
        occupied = (SELECT count(*) FROM placements p WHERE p.shelter_id = s.id AND p.status = 'active'),
        pending_referrals = (SELECT count(*) FROM referrals r WHERE r.shelter_id = s.id AND r.status = 'pending')`);
    log(`Adding the foreign keys back (each checked over its whole table)... ${seconds(started)} s`);
    await foreignKeys.restore(client);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  try {
    log(`ANALYZE... ${seconds(started)} s`);
    await client.query('ANALYZE');
    const rows: Record<string, number> = {};
    for (const table of WRITTEN_TABLES) rows[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    return { added: o.cases, seconds: Number(seconds(started)), rows };
  } finally {
    await client.end();
  }
}

/** Runs one generated statement; a failure names the statement and where in it PostgreSQL stopped. */
async function run(client: Client, statement: string): Promise<void> {
  try {
    await client.query(statement);
  } catch (err) {
    const e = err as Error & { position?: string };
    const at = e.position ? Number(e.position) : 0;
    const around = at ? `\n  near: …${statement.slice(Math.max(0, at - 200), at)}⟨here⟩${statement.slice(at, at + 100)}…` : '';
    throw new Error(`${e.message}\n  in: ${statement.slice(0, 120).replace(/\s+/g, ' ')}…${around}`);
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

/** The first 32 bits of the run's ids: from the seed and the run's first ordinal, so that runs never share an id. */
function prefixOf(seed: number, base: number): number {
  let h = 2166136261;
  for (const ch of `${seed}:${base}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/**
 * The keyed hash of names and date of birth of the batch's cases that have a date of birth, computed by the
 * application's own function from the pool's plain values (the key never reaches the database).
 */
async function nameDobHashes(client: Client, pools: Pools): Promise<void> {
  const { rows } = await client.query(`SELECT n::text AS n, given_pool, given_idx, family_idx, dob::text AS dob FROM g WHERE dob IS NOT NULL`);
  const hashes = rows.map((row: { given_pool: string; given_idx: number; family_idx: number; dob: string }) => {
    const given = row.given_pool === 'female' ? T.GIVEN_NAMES_FEMALE : T.GIVEN_NAMES_MALE;
    return pools.nameDobHash(given[row.given_idx % given.length], T.FAMILY_NAMES[row.family_idx % T.FAMILY_NAMES.length], row.dob);
  });
  await client.query(`TRUNCATE nd`);
  await client.query(`INSERT INTO nd SELECT * FROM unnest($1::bigint[], $2::text[])`, [rows.map((r: { n: string }) => r.n), hashes]);
}

