import { AuditSealer } from '@ruta/audit';
import { Client } from 'pg';
import { visibleCasesSql } from '../libs/case/src/access/case-policy';
import { bootApp, TestApp, waitFor } from './support/app';
import { readRun } from './support/test-env';

/*
 * What must hold however the suites ran: this file runs after every other one (test/support/sequencer.js),
 * over everything the whole run wrote to the shared database.
 */
describe('Suite-wide invariants', () => {
  let t: TestApp;
  let owner: Client;

  beforeAll(async () => {
    t = await bootApp();
    owner = new Client({ connectionString: readRun().databaseUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  it('GET /audit/verify is valid over every entry the suite wrote', async () => {
    // The sealer seals what no open transaction of the cluster can still precede: retry until all is sealed.
    await waitFor(async () => {
      await t.app.get(AuditSealer).sealPending();
      const { rows: [{ unsealed }] } = await owner.query(
        `SELECT count(*)::int AS unsealed FROM audit_entries e WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.entry_id = e.id)`);
      return unsealed === 0;
    }, 30000, 250);
    const { rows: [{ n }] } = await owner.query(`SELECT count(*)::int AS n FROM audit_entries`);
    const token = await t.login('auditor');
    const res = await t.http().get('/api/v1/audit/verify').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body).toEqual({ valid: true, checked: expect.any(Number) });
    expect(res.body.checked).toBeGreaterThanOrEqual(n);
  });

  it('every open task about a case is addressed to people who may see that case (the access policy)', async () => {
    const { rows } = await owner.query(`
      SELECT t.id, t.type, t.addressee_role, t.addressee_agency, t.addressee_unit FROM tasks t JOIN cases c ON c.id = t.case_id
      WHERE t.status IN ('open', 'claimed') AND NOT ${visibleCasesSql('c', {
        roles: 'ARRAY[t.addressee_role]', unit: 't.addressee_unit', agency: 't.addressee_agency', shelter: 't.addressee_shelter_id::text',
      })}`);
    expect(rows).toEqual([]);
  });
});
