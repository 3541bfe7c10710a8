import { AuditSealer } from '@ruta/audit';
import { databaseConfig } from '@ruta/core';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { bootApp, freshDatabase, TestApp, waitFor } from '../support/app';
import { ownerClient } from '../support/database';

/** Each scenario tampers with the log, so each gets a database (and head file) of its own. */
async function scenario(name: string) {
  const db = await freshDatabase(`audit_${name}`);
  const headFile = join(tmpdir(), `ruta-audit-head-${name}-${process.pid}.json`);
  rmSync(headFile, { force: true });
  const t = await bootApp({ ...db, AUDIT_HEAD_FILE: headFile });
  const owner = await ownerClient(db.DATABASE_URL);
  const app = new Client({ connectionString: databaseConfig().appUrl });
  await app.connect();
  const auditor = await t.login('auditor');
  for (const user of ['officer.quito', 'focal.msp', 'committee.mdi', 'staff.colibri']) await t.login(user);
  await t.login('auditor');
  const sealer = t.app.get(AuditSealer);
  // An entry is sealed once every older transaction of the cluster has finished (snapshot xmin): the other
  // jest workers' transactions, on their own databases, can hold it back for a moment, so seal until all is.
  const sealAll = () => waitFor(async () => {
    await sealer.sealPending();
    const [{ unsealed }] = (await owner.query(
      `SELECT count(*)::int AS unsealed FROM audit_entries e WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.entry_id = e.id)`)).rows;
    return unsealed === 0;
  }, 30000, 50);
  await sealAll();
  const verify = async () => (await t.http().get('/api/v1/audit/verify').set('Authorization', `Bearer ${auditor}`).expect(200)).body;
  const seals = async () => (await owner.query(`SELECT seq::int, entry_id::text FROM audit_seals ORDER BY seq`)).rows as { seq: number; entry_id: string }[];
  const close = async () => {
    await owner.end();
    await app.end();
    await t.close();
    rmSync(headFile, { force: true });
  };
  return { t, owner, app, auditor, sealer, sealAll, verify, seals, close };
}

describe('Audit log: append-only and tamper-evident (PRODUCT.md section 11)', () => {
  it('is append-only for the application role', async () => {
    const s = await scenario('privileges');
    try {
      const [{ id }] = (await s.app.query(`SELECT id::text FROM audit_entries ORDER BY id LIMIT 1`)).rows;
      await expect(s.app.query(`UPDATE audit_entries SET action = 'x.y' WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
      await expect(s.app.query(`DELETE FROM audit_entries WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
      await expect(s.app.query(`TRUNCATE audit_entries`)).rejects.toThrow(/permission denied/);
      await expect(s.app.query(`UPDATE audit_seals SET hash = 'x'`)).rejects.toThrow(/permission denied/);
      await expect(s.app.query(`DELETE FROM audit_seals`)).rejects.toThrow(/permission denied/);
      // It can still read and append.
      await s.app.query(`INSERT INTO audit_entries (action, outcome) VALUES ('test.append', 'success')`);
      expect((await s.app.query(`SELECT count(*)::int AS c FROM audit_entries`)).rows[0].c).toBeGreaterThan(1);
    } finally {
      await s.close();
    }
  });

  it('verifies an untouched chain, and seals a late commit after the entries that committed before it', async () => {
    const s = await scenario('valid');
    try {
      expect(await s.verify()).toEqual({ valid: true, checked: (await s.seals()).length });
      // A transaction that started first but commits last: its entry must not be skipped.
      const slow = new Client({ connectionString: databaseConfig().appUrl });
      await slow.connect();
      await slow.query('BEGIN');
      await slow.query(`INSERT INTO audit_entries (action, outcome) VALUES ('test.slow', 'success')`);
      await s.app.query(`INSERT INTO audit_entries (action, outcome) VALUES ('test.fast', 'success')`);
      await s.sealer.sealPending();
      await slow.query('COMMIT');
      await slow.end();
      await s.sealAll();
      const [{ unsealed }] = (await s.owner.query(
        `SELECT count(*)::int AS unsealed FROM audit_entries e WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.entry_id = e.id)
           AND e.action IN ('test.slow', 'test.fast')`)).rows;
      expect(unsealed).toBe(0);
      const result = await s.verify();
      expect(result.valid).toBe(true);
      expect(result.checked).toBeGreaterThanOrEqual((await s.seals()).length - 1);
    } finally {
      await s.close();
    }
  });

  it('detects a modified entry', async () => {
    const s = await scenario('modified');
    try {
      const seals = await s.seals();
      const middle = seals[Math.floor(seals.length / 2)];
      await s.owner.query(`UPDATE audit_entries SET client_address = '10.9.9.9' WHERE id = $1`, [middle.entry_id]);
      expect(await s.verify()).toMatchObject({ valid: false, firstBrokenAt: middle.seq });
    } finally {
      await s.close();
    }
  });

  it('detects a deleted entry in the middle, with or without its seal', async () => {
    const s = await scenario('deleted');
    try {
      const seals = await s.seals();
      const middle = seals[2];
      await s.owner.query(`DELETE FROM audit_entries WHERE id = $1`, [middle.entry_id]);
      expect(await s.verify()).toMatchObject({ valid: false, firstBrokenAt: middle.seq });
      await s.owner.query(`DELETE FROM audit_seals WHERE seq = $1`, [middle.seq]);
      expect(await s.verify()).toMatchObject({ valid: false, firstBrokenAt: middle.seq });
    } finally {
      await s.close();
    }
  });

  it('detects entries deleted at the end, up to the head recorded outside the database', async () => {
    const s = await scenario('truncated');
    try {
      const seals = await s.seals();
      const last = seals.slice(-2);
      await s.owner.query(`DELETE FROM audit_entries WHERE id = ANY($1::bigint[])`, [last.map((x) => x.entry_id)]);
      await s.owner.query(`DELETE FROM audit_seals WHERE seq = ANY($1::int[])`, [last.map((x) => x.seq)]);
      await s.owner.query(`UPDATE audit_seal_state SET last_seq = $1`, [last[0].seq - 1]);
      expect(await s.verify()).toMatchObject({ valid: false, firstBrokenAt: last[0].seq });
    } finally {
      await s.close();
    }
  });

  it('lets auditors filter the log and refuses everyone else', async () => {
    const s = await scenario('filters');
    try {
      const page = await s.t.http().get('/api/v1/audit').query({ action: 'auth.login', agency: 'MSP' }).set('Authorization', `Bearer ${s.auditor}`).expect(200);
      expect(page.body.items.length).toBeGreaterThanOrEqual(1);
      for (const item of page.body.items) expect(item).toMatchObject({ action: 'auth.login', actor: { agency: 'MSP', username: 'focal.msp' } });
      const all = await s.t.http().get('/api/v1/audit').query({ limit: 2 }).set('Authorization', `Bearer ${s.auditor}`).expect(200);
      const next = await s.t.http().get('/api/v1/audit').query({ limit: 2, cursor: all.body.nextCursor }).set('Authorization', `Bearer ${s.auditor}`).expect(200);
      expect(Number(next.body.items[0].id)).toBeLessThan(Number(all.body.items[1].id));
      const future = await s.t.http().get('/api/v1/audit').query({ from: '2999-01-01T00:00:00Z' }).set('Authorization', `Bearer ${s.auditor}`).expect(200);
      expect(future.body.items).toEqual([]);
      const committee = await s.t.login('committee.mdi');
      await s.t.http().get('/api/v1/audit').set('Authorization', `Bearer ${committee}`).expect(403);
      await s.t.http().get('/api/v1/audit/verify').set('Authorization', `Bearer ${committee}`).expect(403);
      const text = JSON.stringify((await s.t.http().get('/api/v1/audit').query({ limit: 200 }).set('Authorization', `Bearer ${s.auditor}`)).body);
      expect(text).not.toMatch(/Ruta-Demo-2026|argon2|refresh/i);
    } finally {
      await s.close();
    }
  });
});
