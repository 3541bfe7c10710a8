import { generateSync } from 'otplib';
import { DataSource } from 'typeorm';
import { intake } from '../identification/fixtures';
import { Protocol } from '../referral/protocol';
import { bootApp, DEMO_PASSWORD, freshDatabase, TestApp } from '../support/app';

/**
 * PRODUCT.md section 2, "Separation of duties" (issue 9, finding 1), the login half of finding 4 and
 * the lead agency's protection mandate (finding 8). A database of its own: passwords of demo users are
 * reset here.
 */
describe('Separation of duties (PRODUCT.md section 2)', () => {
  let t: TestApp;
  let ds: DataSource;
  let p: Protocol;
  let adminId: string;

  const admin = () => p.as('admin');
  const auditLog = async (query: Record<string, string>) => {
    const res = await t.http().get('/api/v1/audit').query({ limit: 200, ...query }).set(p.as('auditor')).expect(200);
    return res.body.items as { action: string; outcome: string; actor: { username: string | null }; subject: { id: string | null };
      changedFields: string[]; details: Record<string, unknown> }[];
  };
  const userId = async (username: string): Promise<string> => (await ds.query(`SELECT id FROM users WHERE username = $1`, [username]))[0].id;
  const userRow = async (username: string) => (await ds.query(
    `SELECT roles, agency_code, unit_code, shelter_id, disabled, password_hash, password_change_required FROM users WHERE username = $1`, [username]))[0];

  beforeAll(async () => {
    // visa_officer has a second factor here, to walk the one-time password followed by MFA.
    t = await bootApp({ ...(await freshDatabase('separation_of_duties')), MFA_ROLES: 'visa_officer' });
    ds = t.app.get(DataSource);
    p = new Protocol(t);
    await p.login('admin', 'officer.rumichaca', 'committee.mdi', 'committee.mies', 'committee.sdh', 'auditor');
    adminId = p.ids.admin;
  });
  afterAll(() => t.close());

  describe('admin is never combined with another role', () => {
    it('refuses to create a user holding admin and another role (422 admin_role_exclusive), creating nothing', async () => {
      for (const roles of [['admin', 'committee_member'], ['committee_member', 'admin'], ['admin', 'auditor']]) {
        const res = await t.http().post('/api/v1/users').set(admin()).send({
          username: 'admin.and.more', displayName: 'Admin y más', password: 'One-Time-Pass-2026', agency: 'MDI', roles,
        });
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ code: 'admin_role_exclusive', errors: [{ path: 'roles' }] });
        expect(res.body.title).toBe('El rol de administración no se combina con ningún otro rol');
      }
      expect(await ds.query(`SELECT 1 FROM users WHERE username = 'admin.and.more'`)).toEqual([]);
      // The database holds the rule too, for any writer.
      await expect(ds.query(`UPDATE users SET roles = ARRAY['admin', 'committee_member'] WHERE username = 'admin'`)).rejects.toThrow(/users_admin_exclusive/);
      // Admin alone is fine.
      await t.http().post('/api/v1/users').set(admin()).send({
        username: 'admin.second', displayName: 'Segunda administradora', password: 'Second-Admin-2026', agency: 'MDI', roles: ['admin'],
      }).expect(201);
    });

    it('refuses to edit another user into admin plus another role, or to add a role to an admin, changing nothing', async () => {
      const focal = await userId('focal.mdt');
      const res = await t.http().patch(`/api/v1/users/${focal}`).set(admin()).send({ roles: ['service_focal_point', 'admin'] });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('admin_role_exclusive');
      expect((await userRow('focal.mdt')).roles).toEqual(['service_focal_point']);

      const second = await userId('admin.second');
      const more = await t.http().patch(`/api/v1/users/${second}`).set(admin()).send({ roles: ['admin', 'committee_member'] });
      expect(more.status).toBe(422);
      expect(more.body.code).toBe('admin_role_exclusive');
      expect((await userRow('admin.second')).roles).toEqual(['admin']);
    });
  });

  describe('an admin cannot change their own account through the user routes', () => {
    it('the original attack: PATCH own roles is refused, and after signing in again the admin still cannot read any case', async () => {
      const created = await t.http().post('/api/v1/cases').set(p.as('officer.rumichaca')).send(intake()).expect(201);
      // The own id as the database would match it too: upper case is the same UUID.
      const attempts = [[adminId, ['admin', 'committee_member']], [adminId, ['committee_member']], [adminId, ['auditor']], [adminId.toUpperCase(), ['committee_member']]] as const;
      for (const [id, roles] of attempts) {
        const res = await t.http().patch(`/api/v1/users/${id}`).set(admin()).send({ roles });
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ code: 'own_account_change', errors: [{ path: 'roles' }] });
      }
      expect((await userRow('admin')).roles).toEqual(['admin']);

      const again = await t.login('admin');
      const me = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${again}`).expect(200);
      expect(me.body.roles).toEqual(['admin']);
      const list = await t.http().get('/api/v1/cases').set('Authorization', `Bearer ${again}`);
      const detail = await t.http().get(`/api/v1/cases/${created.body.id}`).set('Authorization', `Bearer ${again}`);
      expect([list.status, detail.status]).toEqual([403, 403]);
      expect(JSON.stringify([list.body, detail.body])).not.toContain(created.body.victim.givenNames);
    });

    it('refuses own agency, unit, shelter, disabled flag and password (422 own_account_change naming each field), in es and en', async () => {
      const shelterId = await p.shelterId('casa_linda');
      const attempts: Record<string, unknown>[] = [
        { agency: 'MSP' }, { unit: 'rumichaca' }, { shelterId }, { disabled: true }, { password: 'My-Own-New-Password-1' },
        { displayName: 'Admin', roles: ['admin'], agency: 'MDI' },
      ];
      for (const body of attempts) {
        const res = await t.http().patch(`/api/v1/users/${adminId}`).set(admin()).set('Accept-Language', 'en').send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 422 });
        expect(res.body.code).toBe('own_account_change');
        expect(res.body.title).toMatch(/^An admin cannot change their own roles, agency, unit, shelter or password/);
        const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
        expect(paths).toEqual(Object.keys(body).filter((k) => k !== 'displayName').sort());
      }
      const es = await t.http().patch(`/api/v1/users/${adminId}`).set(admin()).send({ agency: 'MSP' });
      expect(es.body.title).toMatch(/^Una persona administradora no puede cambiar sus propios roles/);
      expect(await userRow('admin')).toMatchObject({ roles: ['admin'], agency_code: 'MDI', unit_code: null, shelter_id: null, disabled: false, password_change_required: false });
      // The display name is not a matter of duties.
      await t.http().patch(`/api/v1/users/${adminId}`).set(admin()).send({ displayName: 'Administración del sistema' }).expect(200);
    });

    it('cannot reset its own password through PATCH /users/:id: the old password still signs in, the new one does not', async () => {
      const res = await t.http().patch(`/api/v1/users/${adminId}`).set(admin()).send({ password: 'Taken-Over-Password-1' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('own_account_change');
      await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: 'Taken-Over-Password-1' }).expect(401);
      const ok = await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: DEMO_PASSWORD }).expect(200);
      expect(ok.body.accessToken).toEqual(expect.any(String));
      p.tokens.admin = ok.body.accessToken;
    });

    it('another admin can still change what an admin cannot change on their own account', async () => {
      const second = await t.login('admin.second', 'Second-Admin-2026');
      const focal = await userId('focal.mineduc');
      await t.http().patch(`/api/v1/users/${focal}`).set('Authorization', `Bearer ${second}`).send({ disabled: true }).expect(200);
      await t.http().patch(`/api/v1/users/${focal}`).set(admin()).send({ disabled: false }).expect(200);
    });
  });

  describe('a password an admin sets is a one-time password', () => {
    it('admin resets focal.msp: sessions end; sign-in asks for a new password and says who reset it and when; the new one works, the old one does not', async () => {
      const before = await t.http().post('/api/v1/auth/login').send({ username: 'focal.msp', password: DEMO_PASSWORD }).expect(200);
      const mspId = before.body.user.id;
      const reset = await t.http().patch(`/api/v1/users/${mspId}`).set(admin()).send({ password: 'One-Time-Reset-2026' }).expect(200);
      expect(JSON.stringify(reset.body)).not.toMatch(/One-Time|password/i);
      // Resetting a password revokes the user's sessions.
      await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${before.body.accessToken}`).expect(401);
      await t.http().post('/api/v1/auth/refresh').send({ refreshToken: before.body.refreshToken }).expect(401);
      await t.http().post('/api/v1/auth/login').send({ username: 'focal.msp', password: DEMO_PASSWORD }).expect(401);

      const resetAt = Date.now();
      const first = await t.http().post('/api/v1/auth/login').send({ username: 'focal.msp', password: 'One-Time-Reset-2026' }).expect(200);
      expect(first.body).toEqual({
        passwordChangeRequired: true, passwordChangeToken: expect.any(String),
        resetBy: { username: 'admin', displayName: 'Administración del sistema' }, resetAt: expect.any(String),
      });
      expect(Math.abs(Date.parse(first.body.resetAt) - resetAt)).toBeLessThan(60_000);
      // The change token is not an access token.
      await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${first.body.passwordChangeToken}`).expect(401);

      const same = await t.http().post('/api/v1/auth/password').send({ passwordChangeToken: first.body.passwordChangeToken, newPassword: 'One-Time-Reset-2026' });
      expect(same.status).toBe(422);
      expect(same.body).toMatchObject({ code: 'password_not_changed', errors: [{ path: 'newPassword' }] });
      const short = await t.http().post('/api/v1/auth/password').send({ passwordChangeToken: first.body.passwordChangeToken, newPassword: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'newPassword' })]));
      await t.http().post('/api/v1/auth/password').send({ passwordChangeToken: 'not-a-token', newPassword: 'My-Own-Choice-2026' }).expect(401);
      expect(await userRow('focal.msp')).toMatchObject({ password_change_required: true });

      const changed = await t.http().post('/api/v1/auth/password').send({ passwordChangeToken: first.body.passwordChangeToken, newPassword: 'My-Own-Choice-2026' }).expect(200);
      expect(changed.body).toMatchObject({
        accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900, user: { username: 'focal.msp', roles: ['service_focal_point'] },
        passwordReset: { by: { username: 'admin', displayName: 'Administración del sistema' }, at: first.body.resetAt },
      });
      await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${changed.body.accessToken}`).expect(200);
      // The challenge worked once.
      await t.http().post('/api/v1/auth/password').send({ passwordChangeToken: first.body.passwordChangeToken, newPassword: 'Another-Choice-2026' }).expect(401);

      await t.http().post('/api/v1/auth/login').send({ username: 'focal.msp', password: 'One-Time-Reset-2026' }).expect(401);
      const later = await t.http().post('/api/v1/auth/login').send({ username: 'focal.msp', password: 'My-Own-Choice-2026' }).expect(200);
      expect(later.body.accessToken).toEqual(expect.any(String));
      expect(later.body.passwordChangeRequired).toBeUndefined();

      const changes = await auditLog({ action: 'auth.password_change', actor: 'focal.msp' });
      expect(changes.map((e) => e.outcome)).toEqual(['failure', 'success']); // newest first: the reused challenge, then the change
      expect(changes[1]).toMatchObject({ changedFields: ['password'], details: { resetBy: 'admin', resetAt: first.body.resetAt } });
      expect(JSON.stringify(await auditLog({ actor: 'focal.msp' }))).not.toMatch(/One-Time-Reset|My-Own-Choice/);
    });

    it('makes the password of a user an admin creates a one-time password too', async () => {
      await t.http().post('/api/v1/users').set(admin()).send({
        username: 'focal.msp.new', displayName: 'Nueva punto focal MSP', password: 'Welcome-Aboard-2026', agency: 'MSP', roles: ['service_focal_point'],
      }).expect(201);
      const first = await t.http().post('/api/v1/auth/login').send({ username: 'focal.msp.new', password: 'Welcome-Aboard-2026' }).expect(200);
      expect(first.body).toMatchObject({ passwordChangeRequired: true, resetBy: { username: 'admin' } });
      expect(first.body.accessToken).toBeUndefined();
      expect(first.body.refreshToken).toBeUndefined();
    });

    it('keeps the second factor after the password change for a role that needs one', async () => {
      const visa = await userId('visa.mremh');
      await t.http().patch(`/api/v1/users/${visa}`).set(admin()).send({ password: 'Visa-One-Time-2026' }).expect(200);
      const first = await t.http().post('/api/v1/auth/login').send({ username: 'visa.mremh', password: 'Visa-One-Time-2026' }).expect(200);
      expect(first.body).toMatchObject({ passwordChangeRequired: true, resetBy: { username: 'admin' } });
      expect(first.body.mfaToken).toBeUndefined();
      const changed = await t.http().post('/api/v1/auth/password').send({ passwordChangeToken: first.body.passwordChangeToken, newPassword: 'Visa-Own-Choice-2026' }).expect(200);
      expect(changed.body).toMatchObject({ mfaRequired: true, mfaToken: expect.any(String), passwordReset: { by: { username: 'admin' }, at: first.body.resetAt } });
      expect(changed.body.accessToken).toBeUndefined();
      const tokens = await t.http().post('/api/v1/auth/mfa')
        .send({ mfaToken: changed.body.mfaToken, code: generateSync({ secret: changed.body.enrollment.secret }) }).expect(200);
      expect(tokens.body.user.username).toBe('visa.mremh');
      // Next sign-in: the new password, then the second factor only.
      const next = await t.http().post('/api/v1/auth/login').send({ username: 'visa.mremh', password: 'Visa-Own-Choice-2026' }).expect(200);
      expect(next.body).toMatchObject({ mfaRequired: true });
      expect(next.body.passwordChangeRequired).toBeUndefined();
    });
  });

  describe('every change of standing is audited with before and after', () => {
    it('records roles, agency, unit, shelter, disabled and password resets (the fact only) with the values before and after', async () => {
      const casaLinda = await p.shelterId('casa_linda');
      const colibri = await p.shelterId('alas_de_colibri');
      const officer = await userId('officer.quito');
      const staff = await userId('staff.colibri');
      const focal = await userId('focal.dpe');
      await t.http().patch(`/api/v1/users/${officer}`).set(admin()).send({ unit: 'huaquillas' }).expect(200);
      await t.http().patch(`/api/v1/users/${staff}`).set(admin()).send({ shelterId: casaLinda, agency: 'MIES' }).expect(200);
      await t.http().patch(`/api/v1/users/${focal}`).set(admin()).send({ roles: ['service_focal_point', 'committee_member'], password: 'Dpe-Reset-Secret-2026' }).expect(200);
      await t.http().patch(`/api/v1/users/${focal}`).set(admin()).send({ disabled: true }).expect(200);

      const updates = await auditLog({ action: 'user.update', actor: 'admin' });
      const about = (id: string) => updates.filter((u) => u.subject.id === id);
      expect(about(officer)[0].details).toEqual({ before: { unit: 'quito_airport' }, after: { unit: 'huaquillas' } });
      expect(about(staff)[0].details).toEqual({ before: { agency: 'FAC', shelterId: colibri }, after: { agency: 'MIES', shelterId: casaLinda } });
      const [disabled, roles] = about(focal);
      expect(disabled.details).toEqual({ before: { disabled: false }, after: { disabled: true } });
      expect(roles.details).toEqual({
        before: { roles: ['service_focal_point'] }, after: { roles: ['service_focal_point', 'committee_member'] }, passwordReset: true, oneTimePassword: true,
      });
      expect(roles.changedFields.sort()).toEqual(['password', 'roles']);
      const created = (await auditLog({ action: 'user.create', actor: 'admin' })).find((e) => e.details.after && (e.details.after as { roles: string[] }).roles.includes('admin'));
      expect(created?.details).toEqual({ after: { roles: ['admin'], agency: 'MDI', unit: null, shelterId: null, disabled: false }, oneTimePassword: true });
      const everything = JSON.stringify(await auditLog({ actor: 'admin' }));
      expect(everything).not.toMatch(/Dpe-Reset-Secret|Second-Admin-2026|argon2/);
    });
  });

  describe('login with a malformed body (finding 4)', () => {
    it('answers 400 with errors[] for non-string, missing or NUL credentials, and audits each as a refused login', async () => {
      const bodies: unknown[] = [
        { username: 123, password: {} }, { username: ['admin'], password: DEMO_PASSWORD }, { username: 'admin', password: ['x'] },
        {}, { username: 'admin' }, { password: DEMO_PASSWORD }, { username: 'ad\u0000min', password: DEMO_PASSWORD }, [],
        { username: 'admin', password: DEMO_PASSWORD, role: 'admin' },
      ];
      for (const body of bodies) {
        const res = await t.http().post('/api/v1/auth/login').send(body as object);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        // A NUL character is refused by the HTTP layer before any route runs (section 13).
        const nul = JSON.stringify(body).includes('\\u0000');
        expect({ body, code: res.body.code }).toEqual({ body, code: nul ? 'nul_character' : 'validation_failed' });
        if (!nul) expect(res.body.errors.length).toBeGreaterThan(0);
        expect(res.body.accessToken).toBeUndefined();
      }
      const refused = (await auditLog({ action: 'auth.login' })).filter((e) => e.outcome === 'failure' && e.details.reason === 'invalid_request');
      // Every body but the NUL one and the array, which the HTTP layer refuses before the route (section 13).
      expect(refused.length).toBeGreaterThanOrEqual(bodies.length - 2);
      expect(refused.find((e) => e.actor.username === 'admin' && (e.details.fields as string[]).includes('password'))).toBeDefined();
      expect(refused.find((e) => e.actor.username === null && (e.details.fields as string[]).includes('username'))).toBeDefined();
      // Well-formed logins still work, and a wrong password is still a 401.
      await t.http().post('/api/v1/auth/login').send({ username: 'focal.fge', password: 'wrong-password!' }).expect(401);
      await t.http().post('/api/v1/auth/login').send({ username: 'focal.fge', password: DEMO_PASSWORD }).expect(200);
    });
  });

  describe('only an agency with a protection mandate can lead a case (finding 8)', () => {
    it('shows the mandate on agencies, seeded as PRODUCT.md section 2 says', async () => {
      const res = await t.http().get('/api/v1/agencies').query({ limit: 200 }).set(admin()).expect(200);
      const mandate = Object.fromEntries((res.body.items as { code: string; protectionMandate: boolean }[]).map((a) => [a.code, a.protectionMandate]));
      expect(mandate).toEqual({
        MDI: true, MIES: true, SDH: true, MSP: true, MINEDUC: true, MDT: true, FGE: true, DPE: true, MREMH: true, FAC: true, CGE: false, MEF: false,
      });
    });

    it('lets the admin set it on create and on change, audited with before and after', async () => {
      const created = await t.http().post('/api/v1/agencies').set(admin())
        .send({ code: 'MJDHC', name: { es: 'Ministerio de la Mujer', en: 'Ministry of Women' }, kind: 'ministry', protectionMandate: true }).expect(201);
      expect(created.body.protectionMandate).toBe(true);
      const plain = await t.http().post('/api/v1/agencies').set(admin())
        .send({ code: 'INEC', name: { es: 'Instituto de Estadística', en: 'Statistics Institute' }, kind: 'other' }).expect(201);
      expect(plain.body.protectionMandate).toBe(false);
      const changed = await t.http().patch('/api/v1/agencies/INEC').set(admin()).send({ protectionMandate: true }).expect(200);
      expect(changed.body).toMatchObject({ code: 'INEC', protectionMandate: true });
      await t.http().patch('/api/v1/agencies/INEC').set(admin()).send({ protectionMandate: 'yes' }).expect(400);
      const [entry] = await auditLog({ action: 'agency.update', actor: 'admin' });
      expect(entry).toMatchObject({ subject: { id: 'INEC' }, details: { before: { protectionMandate: false }, after: { protectionMandate: true } } });
    });

    it('refuses CGE as lead agency in the committee decision (422, path leadAgency), changing nothing', async () => {
      const { caseId, reviewId } = await p.underReview('adult_woman');
      for (const lead of ['CGE', 'MEF']) {
        const res = await p.decide(reviewId, { decision: 'recognize', leadAgency: lead, plan: { referrals: [{ serviceType: 'psychological_care' }], requestVisa: false } });
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({ code: 'no_protection_mandate', errors: [{ path: 'leadAgency' }] });
      }
      const unknown = await p.decide(reviewId, { decision: 'recognize', leadAgency: 'NOPE', plan: { referrals: [], requestVisa: false } });
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({ code: 'agency_not_found', errors: [{ path: 'leadAgency' }] });
      expect(JSON.stringify(unknown.body)).not.toMatch(/fkey|constraint/);
      const [row] = await ds.query(`SELECT status, lead_agency, trafficking_status FROM cases WHERE id = $1`, [caseId]);
      expect(row).toEqual({ status: 'under_review', lead_agency: null, trafficking_status: expect.not.stringMatching(/recognized_victim/) });
      expect(await ds.query(`SELECT id FROM referrals WHERE case_id = $1`, [caseId])).toEqual([]);
      expect((await ds.query(`SELECT status FROM reviews WHERE id = $1`, [reviewId]))[0].status).toBe('open');
      await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [], requestVisa: false } }).expect(200);
    });

    it('refuses CGE as the new lead agency (422, path agency), changing nothing; an agency given the mandate can lead', async () => {
      const { caseId, reviewId } = await p.underReview('adult_woman');
      await p.decide(reviewId, { decision: 'recognize', leadAgency: 'SDH', plan: { referrals: [], requestVisa: false } }).expect(200);
      const [before] = await ds.query(`SELECT lead_agency, version FROM cases WHERE id = $1`, [caseId]);
      const res = await t.http().post(`/api/v1/cases/${caseId}/lead-agency`).set(p.as('committee.mdi')).send({ agency: 'CGE', reason: 'Prueba de mandato' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'no_protection_mandate', errors: [{ path: 'agency' }] });
      expect((await ds.query(`SELECT lead_agency, version FROM cases WHERE id = $1`, [caseId]))[0]).toEqual(before);
      const history = await ds.query(`SELECT 1 FROM case_history WHERE case_id = $1 AND action = 'lead_agency_changed'`, [caseId]);
      expect(history).toEqual([]);

      // The mandate is data the admin sets: once MEF has it, MEF can lead.
      await t.http().patch('/api/v1/agencies/MEF').set(admin()).send({ protectionMandate: true }).expect(200);
      const moved = await t.http().post(`/api/v1/cases/${caseId}/lead-agency`).set(p.as('committee.mdi')).send({ agency: 'MEF', reason: 'Prueba de mandato' }).expect(200);
      expect(moved.body.leadAgency.code).toBe('MEF');
    });
  });

  it('keeps the audit chain valid', async () => {
    const res = await t.http().get('/api/v1/audit/verify').set(p.as('auditor')).expect(200);
    expect(res.body.valid).toBe(true);
  });
});
