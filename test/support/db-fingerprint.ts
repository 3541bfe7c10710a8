import { Client } from 'pg';

/** Bookkeeping that a refused request may still write: the audit log (refusals are audited) and sign-ins. */
export const BOOKKEEPING_TABLES = new Set(['audit_entries', 'audit_seals', 'audit_seal_state', 'sessions', 'migrations']);

/**
 * A digest of every row of every table in the public schema (but the bookkeeping ones): equal digests
 * before and after mean nothing was inserted, updated or deleted.
 */
export async function fingerprint(client: Client): Promise<Record<string, string>> {
  const tables = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (BOOKKEEPING_TABLES.has(name)) continue;
    const res = await client.query<{ n: string; digest: string | null }>(
      `SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`);
    out[name] = `${res.rows[0].n}:${res.rows[0].digest ?? ''}`;
  }
  return out;
}

/** Names only the database knows (constraints, and tables whose name is not a plain word). */
export async function databaseNames(client: Client): Promise<string[]> {
  const res = await client.query<{ name: string }>(
    `SELECT conname AS name FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'
     UNION SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
     UNION SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE '%\\_%'`);
  return res.rows.map((r) => r.name);
}

/** The fingerprint once background work (the outbox relay, timers) has settled: two equal readings in a row. */
export async function settledFingerprint(client: Client, timeoutMs = 10_000): Promise<Record<string, string>> {
  const deadline = Date.now() + timeoutMs;
  let last = await fingerprint(client);
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const next = await fingerprint(client);
    if (JSON.stringify(next) === JSON.stringify(last) || Date.now() > deadline) return next;
    last = next;
  }
}
