import { generateSync } from 'otplib';
import { bootApp, DEMO_PASSWORD, TestApp } from '../support/app';

describe('Multi-factor authentication for the configured roles (PRODUCT.md section 12)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp({ MFA_ROLES: 'auditor' });
  });
  afterAll(() => t.close());

  it('answers {mfaRequired, mfaToken} for an auditor, enrolls on first use, and gives tokens for a valid TOTP code', async () => {
    const first = await t.http().post('/api/v1/auth/login').send({ username: 'auditor', password: DEMO_PASSWORD }).expect(200);
    expect(first.body).toMatchObject({ mfaRequired: true, mfaToken: expect.any(String) });
    expect(first.body.accessToken).toBeUndefined();
    const secret: string = first.body.enrollment.secret;
    expect(first.body.enrollment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Ruta:auditor\?/);

    const wrong = await t.http().post('/api/v1/auth/mfa').send({ mfaToken: first.body.mfaToken, code: '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_mfa_code');
    const ok = await t.http().post('/api/v1/auth/mfa').send({ mfaToken: first.body.mfaToken, code: generateSync({ secret }) }).expect(200);
    expect(ok.body).toMatchObject({ expiresIn: 900, user: { username: 'auditor', roles: ['auditor'] } });
    await t.http().get('/api/v1/audit/verify').set('Authorization', `Bearer ${ok.body.accessToken}`).expect(200);

    // Later sign-ins do not show the secret again.
    const second = await t.http().post('/api/v1/auth/login').send({ username: 'auditor', password: DEMO_PASSWORD }).expect(200);
    expect(second.body.enrollment).toBeUndefined();
    // The MFA token is not an access token.
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${second.body.mfaToken}`).expect(401);
    await t.http().post('/api/v1/auth/mfa').send({ mfaToken: 'not-a-token', code: '123456' }).expect(401);
  });

  it('does not ask other roles for a second factor', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'focal.dpe', password: DEMO_PASSWORD }).expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.mfaRequired).toBeUndefined();
  });
});
