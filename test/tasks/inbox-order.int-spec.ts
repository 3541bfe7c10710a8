import { DataSource } from 'typeorm';
import { TasksService } from '@ruta/tasks';
import { bootApp, freshDatabase, TestApp } from '../support/app';

/**
 * The inbox reads the open queue branch by branch over tasks_queue_idx (issue 8). Whatever the queue
 * holds, it must give exactly the rows and order of the plain rule of PRODUCT.md section 10: open tasks
 * addressed to the actor (role alone, role at the actor's agency, the actor's shelter, the actor's unit)
 * plus the tasks they claimed; overdue first, then priority, due time, id. Checked page by page against
 * that rule written as one SQL query, for several kinds of user, over a varied queue.
 */
describe('The inbox gives the queue in the order of the rule, page after page', () => {
  let t: TestApp;
  let ds: DataSource;
  let tasks: TasksService;

  // A small deterministic generator, so that a failure can be replayed.
  let seed = 20261201;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];

  beforeAll(async () => {
    // A database of its own: this queue must not reach other suites' inboxes.
    t = await bootApp(await freshDatabase('inbox_order'));
    ds = t.app.get(DataSource);
    tasks = t.app.get(TasksService);
    const [{ shelter_id: shelter }] = await ds.query(`SELECT shelter_id FROM users WHERE username = 'staff.casalinda'`);
    const base = Date.now();
    // Shared due times, so that ties fall to the id.
    const dueTimes = Array.from({ length: 12 }, (_, i) => new Date(base + (i - 6) * 3 * 3600_000));
    for (let i = 0; i < 160; i++) {
      const role = pick(['committee_member', 'immigration_officer', 'service_focal_point', 'shelter_staff'] as const);
      const addressee = role === 'shelter_staff'
        ? { role, shelterId: shelter }
        : { role, agency: pick([null, 'MDI', 'MIES', 'MSP']), ...(role === 'immigration_officer' ? { unit: pick([null, 'rumichaca', 'quito_airport']) } : {}) };
      await ds.transaction((m) => tasks.create(m, {
        type: pick(['find_alternative', 'complaint_acknowledgement', 'possible_duplicate'] as const),
        priority: pick(['urgent', 'high', 'normal'] as const), dueAt: pick(dueTimes), addressee: addressee as never,
      }));
    }
  });
  afterAll(() => t.close());

  /** The rule as one plain query (the inbox's reference). */
  async function expected(username: string, type?: string): Promise<string[]> {
    const [u] = await ds.query(`SELECT id, roles, agency_code, shelter_id, unit_code FROM users WHERE username = $1`, [username]);
    const rows: { id: string }[] = await ds.query(
      `SELECT t.id FROM tasks t
       WHERE ((t.status = 'open' AND t.addressee_role = ANY($1::text[]) AND (
                 (t.addressee_role = 'shelter_staff' AND t.addressee_shelter_id = $3::uuid)
              OR (t.addressee_role <> 'shelter_staff' AND (t.addressee_agency IS NULL OR t.addressee_agency = $2)
                  AND (t.addressee_unit IS NULL OR t.addressee_unit = $6))))
          OR (t.status = 'claimed' AND t.claimed_by = $4))
         AND ($7::text IS NULL OR t.type = $7)
       ORDER BY (CASE WHEN t.due_at < $5 THEN 0 ELSE 1 END), CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, t.due_at, t.id`,
      [u.roles, u.agency_code, u.shelter_id, u.id, new Date(), u.unit_code, type ?? null],
    );
    return rows.map((r) => r.id);
  }

  async function paged(token: string, type?: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const res = await t.http().get('/api/v1/tasks').query({ limit: 7, ...(cursor ? { cursor } : {}), ...(type ? { type } : {}) })
        .set('Authorization', `Bearer ${token}`).expect(200);
      ids.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor ?? undefined;
      if (!cursor) return ids;
    }
    throw new Error('more than 100 pages');
  }

  /**
   * Overdue tasks escalate in the background (new tasks for the committee): compare only over a stretch
   * in which the queue did not change.
   */
  async function stable(username: string, read: () => Promise<string[]>, type?: string): Promise<string[]> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = await expected(username, type);
      const got = await read();
      const after = await expected(username, type);
      if (JSON.stringify(before) !== JSON.stringify(after)) continue;
      expect(got).toEqual(before);
      return got;
    }
    throw new Error('the queue kept changing');
  }

  it.each(['committee.mdi', 'officer.rumichaca', 'officer.quito', 'focal.mies', 'staff.casalinda', 'visa.mremh'])('%s: same rows, same order', async (username) => {
    const token = await t.login(username);
    // Claim two of the user's open tasks, so that claimed ones are part of the queue too.
    const first = await t.http().get('/api/v1/tasks').query({ limit: 3 }).set('Authorization', `Bearer ${token}`).expect(200);
    for (const item of first.body.items.slice(1, 3)) {
      if (item.status === 'open') await t.http().post(`/api/v1/tasks/${item.id}/claim`).set('Authorization', `Bearer ${token}`).expect(200);
    }
    const want = await stable(username, () => paged(token));
    if (username !== 'visa.mremh') expect(want.length).toBeGreaterThan(7);
    await stable(username, () => paged(token, 'find_alternative'), 'find_alternative');
  });

  it('refuses a cursor that is not one it gave', async () => {
    const token = await t.login('committee.mdi');
    const forged = Buffer.from(JSON.stringify([7, 0, new Date().toISOString(), '00000000-0000-0000-0000-000000000000'])).toString('base64url');
    const res = await t.http().get('/api/v1/tasks').query({ cursor: forged }).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(400);
  });
});
