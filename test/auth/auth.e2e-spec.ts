import { DataSource } from 'typeorm';
import { TasksService } from '@ruta/tasks';
import { DEMO_USERS } from '../../seeds';
import { bootApp, DEMO_PASSWORD, TestApp } from '../support/app';

describe('Authentication and sessions (PRODUCT.md section 12)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await bootApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('lets every demo user of section 13 log in, with the user shape of the contract', async () => {
    // Independent fixture: the table of PRODUCT.md section 13.
    const contract = ['officer.rumichaca', 'officer.quito', 'committee.mdi', 'committee.mies', 'committee.sdh',
      'committee.mremh', 'staff.casalinda', 'staff.colibri', 'focal.mdi', 'focal.mies', 'focal.msp', 'focal.mineduc',
      'focal.mdt', 'focal.fge', 'focal.dpe', 'focal.sdh', 'focal.mremh', 'visa.mremh', 'auditor', 'admin'];
    expect(DEMO_USERS.map((u) => u.username).sort()).toEqual([...contract].sort());
    for (const demo of DEMO_USERS) {
      const res = await t.http().post('/api/v1/auth/login').send({ username: demo.username, password: DEMO_PASSWORD });
      expect({ user: demo.username, status: res.status }).toEqual({ user: demo.username, status: 200 });
      expect(res.body).toMatchObject({ expiresIn: 900, user: { username: demo.username, roles: demo.roles, agency: { code: demo.agency }, disabled: false } });
      expect(Object.keys(res.body.user).sort()).toEqual(['agency', 'disabled', 'displayName', 'id', 'roles', 'shelterId', 'unit', 'username']);
      const me = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body.username).toBe(demo.username);
      expect(me.body.unit).toBe(demo.unit ?? null);
      expect(me.body.shelterId === null).toBe(demo.shelter === undefined);
    }
  });

  it('gives the same 401 for an unknown user and a wrong password, and audits both', async () => {
    const unknown = await t.http().post('/api/v1/auth/login').send({ username: 'nobody.here', password: 'whatever-password' });
    const wrong = await t.http().post('/api/v1/auth/login').send({ username: 'focal.mdt', password: 'wrong-password!' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    const auditor = await t.login('auditor');
    const log = await t.http().get('/api/v1/audit').query({ action: 'auth.login', actor: 'nobody.here' }).set('Authorization', `Bearer ${auditor}`).expect(200);
    expect(log.body.items[0]).toMatchObject({ outcome: 'failure', actor: { username: 'nobody.here' } });
  });

  it('refuses a login body with unknown fields or wrong types with 400', async () => {
    await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: DEMO_PASSWORD, role: 'admin' }).expect(400);
    await t.http().post('/api/v1/auth/login').send({ username: ['admin'], password: DEMO_PASSWORD }).expect(400);
  });

  it('rate-limits failed logins: the 6th attempt for a username in the window gets 429, successes do not count', async () => {
    const created = await t.http().post('/api/v1/users').set('Authorization', `Bearer ${admin}`).send({
      username: 'limit.target', displayName: 'Rate limit target', password: 'Correct-Horse-Battery-1', agency: 'MSP', roles: ['service_focal_point'],
    }).expect(201);
    expect(created.body.username).toBe('limit.target');
    for (let i = 0; i < 3; i += 1) await t.login('limit.target', 'Correct-Horse-Battery-1');
    for (let i = 0; i < 5; i += 1) {
      await t.http().post('/api/v1/auth/login').send({ username: 'limit.target', password: `bad-${i}` }).expect(401);
    }
    const blocked = await t.http().post('/api/v1/auth/login').send({ username: 'limit.target', password: 'Correct-Horse-Battery-1' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another username is not affected.
    await t.login('focal.dpe');
  });

  it('counts parallel failed logins atomically: 20 at once for one username give at most 5 × 401, the rest 429', async () => {
    await t.http().post('/api/v1/users').set('Authorization', `Bearer ${admin}`).send({
      username: 'limit.parallel', displayName: 'Parallel target', password: 'Correct-Horse-Battery-2', agency: 'MSP', roles: ['service_focal_point'],
    }).expect(201);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      t.http().post('/api/v1/auth/login').send({ username: 'limit.parallel', password: `wrong-${i}` })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('kills the access token at once on logout', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'focal.mineduc', password: DEMO_PASSWORD }).expect(200);
    const token = res.body.accessToken;
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await t.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`).send({ refreshToken: res.body.refreshToken }).expect(204);
    const after = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('invalid_token');
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(401);
  });

  it('rotates refresh tokens and revokes the session when an old one is reused', async () => {
    const first = await t.http().post('/api/v1/auth/login').send({ username: 'focal.fge', password: DEMO_PASSWORD }).expect(200);
    const second = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    // The reuse revoked the whole session: the rotated tokens die too.
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(401);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
  });

  it('refuses tokens signed with another algorithm, key or audience', async () => {
    const jwt = await import('jsonwebtoken');
    const me = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${admin}`).expect(200);
    const decoded = jwt.decode(admin) as { sid: string };
    const forged = [
      jwt.sign({ sid: decoded.sid }, 'not-the-secret-0123456789abcdef0123', { subject: me.body.id, audience: 'ruta-api', issuer: 'ruta', algorithm: 'HS256' }),
      jwt.sign({ sid: decoded.sid }, t.env.JWT_SECRET, { subject: me.body.id, audience: 'another-api', issuer: 'ruta', algorithm: 'HS256' }),
      jwt.sign({ sid: decoded.sid }, t.env.JWT_SECRET, { subject: me.body.id, audience: 'ruta-api', issuer: 'ruta', algorithm: 'HS512' }),
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sid: decoded.sid, sub: me.body.id, aud: 'ruta-api', iss: 'ruta' })).toString('base64url')}.`,
    ];
    for (const token of forged) await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('cuts a disabled user off at once and releases the tasks they claimed', async () => {
    const user = await t.http().post('/api/v1/users').set('Authorization', `Bearer ${admin}`).send({
      username: 'focal.msp.temp', displayName: 'Temporary MSP focal point', password: 'Temporary-Pass-123', agency: 'MSP', roles: ['service_focal_point'],
    }).expect(201);
    const token = await t.login('focal.msp.temp', 'Temporary-Pass-123');
    const tasks = t.app.get(TasksService);
    const task = await t.app.get(DataSource).transaction((m) => tasks.create(m, {
      type: 'complaint_acknowledgement', dueAt: new Date(Date.now() + 3600_000), addressee: { role: 'service_focal_point', agency: 'MSP' },
    }));
    await t.http().post(`/api/v1/tasks/${task.id}/claim`).set('Authorization', `Bearer ${token}`).expect(200);
    const disabled = await t.http().patch(`/api/v1/users/${user.body.id}`).set('Authorization', `Bearer ${admin}`).send({ disabled: true }).expect(200);
    expect(disabled.body.disabled).toBe(true);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await t.http().post('/api/v1/auth/login').send({ username: 'focal.msp.temp', password: 'Temporary-Pass-123' }).expect(401);
    const msp = await t.login('focal.msp');
    const inbox = await t.http().get('/api/v1/tasks').query({ type: 'complaint_acknowledgement' }).set('Authorization', `Bearer ${msp}`).expect(200);
    expect(inbox.body.items.find((i: { id: string }) => i.id === task.id)).toMatchObject({ status: 'open', claimedBy: null });
  });

  it('keeps admin routes for admins only', async () => {
    const committee = await t.login('committee.mdi');
    await t.http().get('/api/v1/users').set('Authorization', `Bearer ${committee}`).expect(403);
    await t.http().post('/api/v1/users').set('Authorization', `Bearer ${committee}`).send({}).expect(403);
    const list = await t.http().get('/api/v1/users').query({ limit: 5 }).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(list.body.items).toHaveLength(5);
    expect(list.body.nextCursor).toEqual(expect.any(String));
    const next = await t.http().get('/api/v1/users').query({ limit: 5, cursor: list.body.nextCursor }).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(next.body.items[0].username > list.body.items[4].username).toBe(true);
    expect(JSON.stringify(list.body)).not.toMatch(/password|argon2/);
  });
});
