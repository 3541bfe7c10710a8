import { Client } from 'pg';
import { Protocol } from '../referral/protocol';
import { bootApp, freshDatabase, TestApp } from '../support/app';
import { intake } from './fixtures';

/**
 * Case numbers past the millionth (PRODUCT.md section 4: RUTA-YYYY-NNNNNN, six digits at least): a national
 * system outgrows six digits, and a number must never be cut back to six and collide with an older case.
 * A database of its own: the sequence is moved.
 */
describe('Case numbers past 999,999', () => {
  let t: TestApp;
  let p: Protocol;
  let ownerUrl: string;

  beforeAll(async () => {
    const env = await freshDatabase('case_numbers');
    ownerUrl = env.DATABASE_URL;
    t = await bootApp(env);
    p = new Protocol(t);
    await p.login('officer.rumichaca');
  });
  afterAll(() => t.close());

  it('keeps every digit: 999999, then 1000000 and 1000001, each a new case', async () => {
    const owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    await owner.query(`SELECT setval('case_number_seq', 999998)`);
    await owner.end();
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(intake());
      expect(res.status).toBe(201);
      numbers.push(res.body.caseNumber);
    }
    expect(numbers.map((n) => n.replace(/^RUTA-\d{4}-/, ''))).toEqual(['999999', '1000000', '1000001']);
  });
});
