import { DataSource, QueryRunner } from 'typeorm';
import { SecondConnectionError } from '@ruta/core';
import { bootApp, freshDatabase, TestApp, waitFor } from '../support/app';
import { intake } from '../identification/fixtures';

/**
 * PRODUCT.md section 14, "It never wedges": a unit of work holds one connection, waiting for one is
 * bounded (503 with Retry-After, nothing written), and Ruta recovers by itself. Real PostgreSQL, a pool
 * of two connections, real parallel requests.
 */
describe('One connection per unit of work, bounded waits, recovery (issue 8)', () => {
  const SMALL_POOL = { DATABASE_POOL_SIZE: '2' };

  async function tokenFor(username: string): Promise<string> {
    // Signed in through an instance of its own, so that the instance under test starts cold.
    const warm = await bootApp();
    try {
      return await warm.login(username);
    } finally {
      await warm.close();
    }
  }

  const caseCount = async (ds: DataSource) => Number((await ds.query(`SELECT count(*)::int AS n FROM cases`))[0].n);

  it('answers 40 concurrent intakes sent right after boot with a pool of 2: all 201, 40 cases', async () => {
    const token = await tokenFor('officer.rumichaca');
    const t = await bootApp({ ...SMALL_POOL, DATABASE_POOL_WAIT_MS: '20000' });
    try {
      const ds = t.app.get(DataSource);
      const before = await caseCount(ds);
      const bodies = Array.from({ length: 40 }, () => intake());
      const answers = await Promise.all(bodies.map((body) => t.http().post('/api/v1/cases').set('Authorization', `Bearer ${token}`).send(body)));
      expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(40);
      expect(await caseCount(ds)).toBe(before + 40);
      const health = await t.http().get('/api/v1/health');
      expect(health.status).toBe(200);
    } finally {
      await t.close();
    }
  });

  describe('with every connection held', () => {
    let t: TestApp;
    let ds: DataSource;
    let token: string;
    let held: QueryRunner[] = [];

    beforeAll(async () => {
      token = await tokenFor('officer.rumichaca');
      t = await bootApp({ ...SMALL_POOL, DATABASE_POOL_WAIT_MS: '700' });
      ds = t.app.get(DataSource);
    });
    afterAll(async () => {
      for (const q of held) await q.release().catch(() => undefined);
      await t.close();
    });

    async function holdEveryConnection(): Promise<void> {
      held = [];
      for (let i = 0; i < 2; i++) {
        const q = ds.createQueryRunner();
        await q.connect();
        await q.startTransaction();
        await q.query('SELECT 1');
        held.push(q);
      }
    }

    async function releaseAll(): Promise<void> {
      for (const q of held) {
        await q.rollbackTransaction().catch(() => undefined);
        await q.release();
      }
      held = [];
    }

    it('answers 503 service_unavailable with Retry-After within the bound, writes nothing, then serves once released', async () => {
      const before = await caseCount(ds);
      await holdEveryConnection();
      const started = Date.now();
      const refused = await t.http().post('/api/v1/cases').set('Authorization', `Bearer ${token}`).send(intake());
      const waited = Date.now() - started;
      expect(refused.status).toBe(503);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.code).toBe('service_unavailable');
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      expect(waited).toBeGreaterThanOrEqual(600);
      expect(waited).toBeLessThan(5000);

      // Health tells a starved pool from a dead database: the database answers, the pool does not.
      const queued = t.http().get('/api/v1/cases').set('Authorization', `Bearer ${token}`).then((r) => r);
      await waitFor(async () => ((ds.driver as unknown as { master: { waitingCount: number } }).master.waitingCount > 0), 2000, 10);
      const health = await t.http().get('/api/v1/health');
      expect(health.status).toBe(503);
      expect(health.body.info.database.status).toBe('up');
      expect(health.body.error.pool).toMatchObject({ status: 'down', waiting: expect.any(Number), idle: 0 });
      expect((await queued).status).toBe(503);

      await releaseAll();
      expect(await caseCount(ds)).toBe(before);
      const served = await t.http().post('/api/v1/cases').set('Authorization', `Bearer ${token}`).send(intake());
      expect(served.status).toBe(201);
      expect(await caseCount(ds)).toBe(before + 1);
      const healthy = await t.http().get('/api/v1/health');
      expect(healthy.status).toBe(200);
      expect(healthy.body.info.pool).toMatchObject({ status: 'up', size: 2 });
    });

    it('sets the server-side time limits on the application role and on its connections', async () => {
      const [session] = await ds.query(`SELECT current_setting('statement_timeout') AS statement,
        current_setting('idle_in_transaction_session_timeout') AS idle, current_user AS role`);
      expect(session).toEqual({ statement: '10s', idle: '15s', role: 'ruta_app' });
      const [role] = await ds.query(`SELECT setconfig FROM pg_db_role_setting
        WHERE setrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)
          AND setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())`);
      expect(role.setconfig).toEqual(expect.arrayContaining(['statement_timeout=10s', 'idle_in_transaction_session_timeout=15s']));
    });
  });

  it('recovers by itself from a transaction left open: the server ends it and the pool serves again', async () => {
    const token = await tokenFor('officer.rumichaca');
    const t = await bootApp({ ...SMALL_POOL, DATABASE_POOL_WAIT_MS: '700', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '400' });
    try {
      const ds = t.app.get(DataSource);
      // Two leaked transactions: code that forgot to commit or release.
      for (let i = 0; i < 2; i++) {
        const q = ds.createQueryRunner();
        await q.connect();
        await q.startTransaction();
        await q.query('SELECT 1');
      }
      const served = await waitFor(async () => {
        const res = await t.http().post('/api/v1/cases').set('Authorization', `Bearer ${token}`).send(intake());
        return res.status === 201 ? res : undefined;
      }, 10_000, 200);
      expect(served.status).toBe(201);
      expect((await t.http().get('/api/v1/health')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('keeps agency names in memory, and shows a rename at once after its commit', async () => {
    const t = await bootApp(await freshDatabase('agency_rename'));
    try {
      const admin = await t.login('admin');
      const officer = await t.login('officer.rumichaca');
      await t.http().patch('/api/v1/agencies/MDI').set('Authorization', `Bearer ${admin}`)
        .send({ name: { en: 'Ministry of the Interior (renamed)' } }).expect(200);
      const res = await t.http().post('/api/v1/cases').set('Authorization', `Bearer ${officer}`).set('Accept-Language', 'en').send(intake());
      expect(res.status).toBe(201);
      expect(res.body.identification.identifyingAgency).toMatchObject({ code: 'MDI', name: { en: 'Ministry of the Interior (renamed)' } });
    } finally {
      await t.close();
    }
  });

  it('refuses a second connection inside a transaction, and a transaction inside a transaction', async () => {
    const t = await bootApp();
    try {
      const ds = t.app.get(DataSource);
      await expect(ds.transaction(async () => ds.query('SELECT 1'))).rejects.toBeInstanceOf(SecondConnectionError);
      await expect(ds.transaction(async () => ds.transaction(async (inner) => inner.query('SELECT 1')))).rejects.toBeInstanceOf(SecondConnectionError);
      await expect(ds.transaction(async (m) => m.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
      // Outside a transaction the DataSource is free to use, also after one has ended in the same context.
      await ds.transaction(async (m) => m.query('SELECT 1'));
      await expect(ds.query('SELECT 2 AS two')).resolves.toEqual([{ two: 2 }]);
    } finally {
      await t.close();
    }
  });
});
