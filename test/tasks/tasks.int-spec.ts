import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TasksService, TimerService } from '@ruta/tasks';
import { CHILD_ANSWERS, intake } from '../identification/fixtures';
import { bootApp, TestApp, waitFor } from '../support/app';
import { backgroundSettled } from '../support/settle';

describe('The shared task queue (PRODUCT.md section 10)', () => {
  let t: TestApp;
  let ds: DataSource;
  let tasks: TasksService;
  let admin: string;

  beforeAll(async () => {
    t = await bootApp();
    ds = t.app.get(DataSource);
    tasks = t.app.get(TasksService);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const create = (input: Parameters<TasksService['create']>[1]) => ds.transaction((m) => tasks.create(m, input));
  const hours = (h: number) => new Date(Date.now() + h * 3600_000);

  it('gives exactly one of 20 parallel claims the task; the other 19 get 409', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const username = `claimer.${i}`;
      await t.http().post('/api/v1/users').set('Authorization', `Bearer ${admin}`).send({
        username, displayName: `Claimer ${i}`, password: 'Claimer-Password-1', agency: 'MSP', roles: ['service_focal_point'],
      }).expect(201);
      tokens.push(await t.login(username, 'Claimer-Password-1'));
    }
    const task = await create({ type: 'complaint_acknowledgement', dueAt: hours(4), addressee: { role: 'service_focal_point', agency: 'MSP' } });
    const answers = await Promise.all(tokens.map((token) =>
      t.http().post(`/api/v1/tasks/${task.id}/claim`).set('Authorization', `Bearer ${token}`)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const loser of answers.filter((a) => a.status === 409)) expect(loser.body.code).toBe('task_already_claimed');
    const winner = answers.find((a) => a.status === 200)!;
    const [row] = await ds.query(`SELECT status, claimed_by FROM tasks WHERE id = $1`, [task.id]);
    expect(row).toEqual({ status: 'claimed', claimed_by: winner.body.claimedBy });
  });

  it('shows a task only to its addressees (404 to others), most urgent first', async () => {
    const normal = await create({ type: 'find_alternative', dueAt: hours(10), addressee: { role: 'service_focal_point', agency: 'MDT' } });
    const urgent = await create({ type: 'find_alternative', priority: 'urgent', dueAt: hours(20), addressee: { role: 'service_focal_point', agency: 'MDT' } });
    const overdue = await create({ type: 'find_alternative', dueAt: hours(-1), addressee: { role: 'service_focal_point', agency: 'MDT' } });
    const mdt = await t.login('focal.mdt');
    const inbox = await t.http().get('/api/v1/tasks').query({ type: 'find_alternative' }).set('Authorization', `Bearer ${mdt}`).expect(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toEqual([overdue.id, urgent.id, normal.id]);
    expect(inbox.body.items[0]).toMatchObject({ overdue: true, addressee: { role: 'service_focal_point', agency: { code: 'MDT', name: { es: 'Ministerio del Trabajo', en: 'Ministry of Labour' } }, shelterId: null }, claimedBy: null });
    const page1 = await t.http().get('/api/v1/tasks').query({ type: 'find_alternative', limit: 2 }).set('Authorization', `Bearer ${mdt}`).expect(200);
    const page2 = await t.http().get('/api/v1/tasks').query({ type: 'find_alternative', limit: 2, cursor: page1.body.nextCursor }).set('Authorization', `Bearer ${mdt}`).expect(200);
    expect([...page1.body.items, ...page2.body.items].map((i: { id: string }) => i.id)).toEqual([overdue.id, urgent.id, normal.id]);
    expect(page2.body.nextCursor).toBeNull();

    const msp = await t.login('focal.msp');
    const other = await t.http().get('/api/v1/tasks').query({ type: 'find_alternative' }).set('Authorization', `Bearer ${msp}`).expect(200);
    expect(other.body.items).toHaveLength(0);
    await t.http().post(`/api/v1/tasks/${normal.id}/claim`).set('Authorization', `Bearer ${msp}`).expect(404);
    const staff = await t.login('staff.casalinda');
    await t.http().post(`/api/v1/tasks/${normal.id}/claim`).set('Authorization', `Bearer ${staff}`).expect(404);
  });

  it('names the case of each task by its number, and gives null for a task without a case', async () => {
    const officer = await t.login('officer.rumichaca');
    const created = await t.http().post('/api/v1/cases').set('Authorization', `Bearer ${officer}`).set('Idempotency-Key', randomUUID())
      .send(intake({ dateOfBirth: '2011-04-03', answers: CHILD_ANSWERS })).expect(201);
    const committee = await t.login('committee.mdi');
    const inbox = await t.http().get('/api/v1/tasks').query({ caseId: created.body.id, type: 'case_review' })
      .set('Authorization', `Bearer ${committee}`).expect(200);
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0]).toMatchObject({ caseId: created.body.id, caseNumber: created.body.caseNumber });
    expect(created.body.caseNumber).toMatch(/^RUTA-\d{4}-\d{6,}$/);
    // The same in the open queue's own reading (no status filter) and in a claim's answer.
    const queue = await t.http().get('/api/v1/tasks').query({ caseId: created.body.id }).set('Authorization', `Bearer ${committee}`).expect(200);
    expect(queue.body.items.map((i: { caseNumber: string }) => i.caseNumber)).toEqual(queue.body.items.map(() => created.body.caseNumber));
    const claimed = await t.http().post(`/api/v1/tasks/${inbox.body.items[0].id}/claim`).set('Authorization', `Bearer ${committee}`).expect(200);
    expect(claimed.body.caseNumber).toBe(created.body.caseNumber);
    await t.http().post(`/api/v1/tasks/${inbox.body.items[0].id}/release`).set('Authorization', `Bearer ${committee}`).expect(200);
    const status = await t.http().get('/api/v1/tasks').query({ caseId: created.body.id, status: 'open', type: 'case_review' })
      .set('Authorization', `Bearer ${committee}`).expect(200);
    expect(status.body.items[0].caseNumber).toBe(created.body.caseNumber);

    const loose = await create({ type: 'complaint_acknowledgement', dueAt: hours(6), addressee: { role: 'service_focal_point', agency: 'MDT' } });
    const mdt = await t.login('focal.mdt');
    const mine = await t.http().get('/api/v1/tasks').query({ type: 'complaint_acknowledgement' }).set('Authorization', `Bearer ${mdt}`).expect(200);
    expect(mine.body.items.find((i: { id: string }) => i.id === loose.id)).toMatchObject({ caseId: null, caseNumber: null });
  });

  it('claims, releases and completes; a task done by an action cannot be completed by hand', async () => {
    const mdt = await t.login('focal.mdt');
    const task = await create({ type: 'complaint_acknowledgement', dueAt: hours(5), addressee: { role: 'service_focal_point', agency: 'MDT' } });
    await t.http().post(`/api/v1/tasks/${task.id}/release`).set('Authorization', `Bearer ${mdt}`).expect(409);
    await t.http().post(`/api/v1/tasks/${task.id}/claim`).set('Authorization', `Bearer ${mdt}`).expect(200);
    const mine = await t.http().get('/api/v1/tasks').query({ caseId: undefined, type: 'complaint_acknowledgement' }).set('Authorization', `Bearer ${mdt}`).expect(200);
    expect(mine.body.items.find((i: { id: string }) => i.id === task.id).status).toBe('claimed');
    await t.http().post(`/api/v1/tasks/${task.id}/release`).set('Authorization', `Bearer ${mdt}`).expect(200);
    const done = await t.http().post(`/api/v1/tasks/${task.id}/complete`).set('Authorization', `Bearer ${mdt}`).expect(200);
    expect(done.body.status).toBe('done');
    await t.http().post(`/api/v1/tasks/${task.id}/complete`).set('Authorization', `Bearer ${mdt}`).expect(409);
    await t.http().post(`/api/v1/tasks/${task.id}/claim`).set('Authorization', `Bearer ${mdt}`).expect(409);
    const [timer] = await ds.query(`SELECT status FROM timers WHERE id = $1`, [TimerService.timerId('task_due', task.id)]);
    expect(timer.status).toBe('cancelled');

    const byAction = await create({ type: 'referral_response', dueAt: hours(5), addressee: { role: 'service_focal_point', agency: 'MDT' } });
    const refused = await t.http().post(`/api/v1/tasks/${byAction.id}/complete`).set('Authorization', `Bearer ${mdt}`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('task_completed_by_action');
  });

  it('addresses shelter tasks to that shelter\'s staff only', async () => {
    const shelters = (await t.http().get('/api/v1/shelters').set('Authorization', `Bearer ${admin}`)).body.items;
    const casaLinda = shelters.find((s: { code: string }) => s.code === 'casa_linda');
    const task = await create({ type: 'care_plan_review', dueAt: hours(3), addressee: { role: 'shelter_staff', shelterId: casaLinda.id } });
    const linda = await t.login('staff.casalinda');
    const colibri = await t.login('staff.colibri');
    const mies = await t.login('focal.mies');
    const seen = await t.http().get('/api/v1/tasks').query({ type: 'care_plan_review' }).set('Authorization', `Bearer ${linda}`).expect(200);
    expect(seen.body.items.map((i: { id: string }) => i.id)).toContain(task.id);
    for (const other of [colibri, mies]) {
      const res = await t.http().get('/api/v1/tasks').query({ type: 'care_plan_review' }).set('Authorization', `Bearer ${other}`).expect(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(task.id);
    }
  });

  it('escalates an overdue task once when the clock passes its due time', async () => {
    const task = await create({ type: 'complaint_acknowledgement', dueAt: hours(48), addressee: { role: 'service_focal_point', agency: 'FGE' } });
    await t.http().post('/api/v1/_test/clock').set('Authorization', `Bearer ${admin}`).send({ advanceBy: 'P3D' }).expect(200);
    const escalation = await waitFor(async () => {
      const rows = await ds.query(`SELECT id, type, addressee_role, priority FROM tasks WHERE parent_task_id = $1`, [task.id]);
      return rows.length > 0 ? rows : undefined;
    });
    expect(escalation).toEqual([expect.objectContaining({ type: 'escalation', addressee_role: 'committee_member', priority: 'high' })]);
    const [flagged] = await ds.query(`SELECT escalated FROM tasks WHERE id = $1`, [task.id]);
    expect(flagged.escalated).toBe(true);
    // Moving the clock again and reconciling does not escalate twice.
    await t.http().post('/api/v1/_test/clock').set('Authorization', `Bearer ${admin}`).send({ advanceBy: 'P1D' }).expect(200);
    await backgroundSettled(t);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM tasks WHERE parent_task_id = $1`, [task.id]);
    expect(count).toBe(1);
    const committee = await t.login('committee.sdh');
    // The whole committee queue, page by page: other suites' escalations share it.
    const escalated: string[] = [];
    let cursor: string | undefined;
    do {
      const inbox = await t.http().get('/api/v1/tasks').query({ type: 'escalation', limit: 200, ...(cursor ? { cursor } : {}) })
        .set('Authorization', `Bearer ${committee}`).expect(200);
      escalated.push(...inbox.body.items.map((i: { details: { escalatedTaskId: string } }) => i.details.escalatedTaskId));
      cursor = inbox.body.nextCursor ?? undefined;
    } while (cursor);
    expect(escalated).toContain(task.id);
  });

  it('never escalates an escalation: it is the end of the chain, shown as overdue', async () => {
    const task = await create({ type: 'complaint_acknowledgement', dueAt: hours(1), addressee: { role: 'service_focal_point', agency: 'FGE' } });
    await t.http().post('/api/v1/_test/clock').set('Authorization', `Bearer ${admin}`).send({ advanceBy: 'PT2H' }).expect(200);
    const [escalation] = await waitFor(async () => {
      const rows = await ds.query(`SELECT id FROM tasks WHERE parent_task_id = $1`, [task.id]);
      return rows.length > 0 ? rows : undefined;
    });
    // The escalation (due in 24 h) goes overdue, and its own due timer fires: a week passes, a day at a time.
    for (let day = 0; day < 7; day += 1) {
      await t.http().post('/api/v1/_test/clock').set('Authorization', `Bearer ${admin}`).send({ advanceBy: 'P1D' }).expect(200);
    }
    await waitFor(async () => {
      const rows = await ds.query(`SELECT status FROM timers WHERE id = $1 AND status = 'fired'`, [`task_due:${escalation.id}`]);
      return rows.length > 0 ? rows : undefined;
    });
    const chained = await ds.query(`SELECT id FROM tasks WHERE parent_task_id = $1`, [escalation.id]);
    expect(chained).toEqual([]);
    const [row] = await ds.query(`SELECT escalated, status FROM tasks WHERE id = $1`, [escalation.id]);
    expect(row).toEqual({ escalated: false, status: 'open' });
    const committee = await t.login('committee.sdh');
    // Overdue tasks come first in the committee's queue; page through it to find this one.
    let shown: { overdue: boolean; escalated: boolean } | undefined;
    let cursor: string | undefined;
    do {
      const inbox = await t.http().get('/api/v1/tasks').query({ type: 'escalation', limit: 200, ...(cursor ? { cursor } : {}) })
        .set('Authorization', `Bearer ${committee}`).expect(200);
      shown = inbox.body.items.find((i: { id: string }) => i.id === escalation.id) ?? shown;
      cursor = inbox.body.nextCursor ?? undefined;
    } while (cursor && !shown);
    expect(shown).toEqual(expect.objectContaining({ overdue: true, escalated: false }));
  });

  it('rolls a task back with the transaction that created it', async () => {
    const before = await ds.query(`SELECT count(*)::int AS c FROM tasks`);
    await expect(ds.transaction(async (m) => {
      await tasks.create(m, { type: 'find_alternative', dueAt: hours(1), addressee: { role: 'service_focal_point', agency: 'MDT' } });
      throw new Error('the caller failed');
    })).rejects.toThrow('the caller failed');
    const after = await ds.query(`SELECT count(*)::int AS c FROM tasks`);
    expect(after).toEqual(before);
  });
});
