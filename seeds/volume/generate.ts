import { cryptoConfig, FieldCipher } from '@ruta/core';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { seedDemoUsers, seedReferenceData } from '../seed';
import { WRITTEN_TABLES } from './constraints';
import { loadReferences, RunContext, STAGE_SCHEMA } from './context';
import { Loader } from './loader';
import { monthSlots } from './months';
import { Planner, Staged } from './planner';
import { Pools } from './pools';
import { Session } from './session';

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
 * database (bench/README.md, "Volume data"). Set-based: two computing sessions plan batches with a few dozen
 * statements each and stage their rows (planner.ts) while a loading session copies them, in order, in one
 * transaction (loader.ts); Node only seals the pools and the keyed hashes of names and dates of birth.
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
  const pools = new Pools(new FieldCipher(cryptoConfig()));
  const load = new Session(o.databaseUrl, 'load');
  const computing = [new Session(o.databaseUrl, 'compute-1'), new Session(o.databaseUrl, 'compute-2')];
  for (const s of [load, ...computing]) await s.open();
  const loader = new Loader(load);
  const planners = computing.map((s) => new Planner(s, pools));
  let committed = false;
  let generated = 0;
  try {
    await loader.begin();
    const base = await loader.existingCases();
    const references = await loadReferences(load.client);
    await planners[0].setupShared();
    const setAside = await loader.enterLoadMode(o.cases >= base);
    log(`Load mode until the commit: ${setAside.keys} foreign keys dropped, ${setAside.triggers} row triggers disabled, ${setAside.indexes} indexes dropped`);
    const ctx: RunContext = { seed, base, until, pools, firstCaseNumber: await loader.reserveCaseNumbers(o.cases), ...references };
    const months = monthSlots(until, o.cases);
    for (const p of planners) await p.setup(ctx, prefixOf(seed, base), months);
    await pipeline(o.cases, batchSize, planners, loader, ctx, (to) => log(`  ${to.toLocaleString('en')} / ${o.cases.toLocaleString('en')} cases  ${Math.round((100 * to) / o.cases)}%  ${seconds(started)} s`));
    await loader.finish((step) => log(`${step}... ${seconds(started)} s`));
    committed = true;
    generated = Number(seconds(started));
    for (const s of [...computing, load]) for (const [label, ms] of [...s.profile].sort((a, b) => b[1] - a[1])) log(`    ${String(ms).padStart(8)} ms  ${label}`);
    const rows: Record<string, number> = {};
    for (const table of WRITTEN_TABLES) rows[table] = Number((await load.run<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
    return { added: o.cases, seconds: generated, rows };
  } finally {
    if (!committed) await loader.rollback();
    await computing[0].run(`DROP SCHEMA IF EXISTS ${STAGE_SCHEMA} CASCADE`).catch(() => undefined);
    for (const s of [...computing, load]) await s.close();
  }
}

/**
 * Batch k is planned by computing session k mod 2 while the loader copies the batches before it, in order;
 * the shelter sweeps run in batch order (the run stays reproducible), and the computing sessions stay at most
 * four batches ahead of the loader (staged rows wait on disk).
 */
async function pipeline(cases: number, batchSize: number, planners: Planner[], loader: Loader, ctx: RunContext, progress: (to: number) => void): Promise<void> {
  const staged: Promise<Staged[]>[] = [];
  const swept: Promise<void>[] = [];
  const copied: Promise<void>[] = [];
  const settled = Promise.resolve();
  for (let batch = 0, from = 0; from < cases; batch += 1, from += batchSize) {
    const to = Math.min(cases, from + batchSize);
    let done = () => undefined as void;
    swept[batch] = new Promise<void>((resolve) => { done = resolve; });
    const turn = { wait: () => swept[batch - 1] ?? settled, done };
    const ready = Promise.all([staged[batch - planners.length] ?? settled, copied[batch - 2 * planners.length] ?? settled]);
    staged[batch] = ready.then(() => planners[batch % planners.length].compute(ctx, batch, from, to, turn));
    copied[batch] = Promise.all([staged[batch], copied[batch - 1] ?? settled]).then(async ([rows]) => {
      await loader.copy(rows);
      progress(to);
    });
    // Each is awaited through the last copy; until then a failure must not count as unhandled.
    staged[batch].catch(() => done());
    copied[batch].catch(() => undefined);
  }
  await copied[copied.length - 1];
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
