import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, users, userTwoFactor } from '../../../db/schema/index.js';
import { buildHospital, buildTenant, buildUser, signIn } from '../../../test/factories.js';
import { ManualClock } from '../../../test/clock.js';
import { Client, useTestApp } from '../../../test/harness.js';
import { enrolTwoFactor, logCapture, queuedTo, totpCode } from '../../../test/mail.js';
import { expectProblem } from '../../../test/problems.js';

/**
 * TOTP (RFC 6238) sign-in: enrolment with a code computed here as an app would, the second
 * step of a sign-in (each code once, recovery codes once each, under the sign-in throttle),
 * required for admins where their hospital says so and for super admins by setting, and an
 * admin's audited reset of someone else's.
 */
const clock = new ManualClock('2031-03-03T03:00:10Z');
const log = logCapture();
const t = useTestApp({ LOGIN_MAX_FAILURES: '3' }, { clock });

const step = () => clock.advance(30_000);

async function secondStep(email: string, password: string, code: string) {
  const client = new Client(t.app);
  const first = await client.post('/api/auth/login', { email, password });
  expect(first.status).toBe(200);
  expect(first.body).toEqual({ twoFactorRequired: true });
  expect(client.cookie).toBeUndefined();
  return { client, res: await client.post('/api/auth/login/two-factor', { code }) };
}

describe('two-factor sign-in', () => {
  it('enrols an authenticator app and signs in with its codes, each accepted once', async () => {
    const hospital = await buildHospital(t.app);
    const person = await buildUser(t.app, 'doctor', hospital.id);
    const client = await signIn(t.app, person);
    expect((await client.get('/api/auth/two-factor')).body).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });

    const setup = await client.post('/api/auth/two-factor/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUri).toContain(`otpauth://totp/Telemedicine:${encodeURIComponent(person.email)}?`);
    expect(setup.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.body.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');
    // Stored sealed, never as the app's secret.
    const [row] = await t.app.db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, person.id));
    expect(row!.secret).not.toContain(setup.body.secret);

    expectProblem(await client.post('/api/auth/two-factor/enable', { code: '000000' }), 400, 'two_factor_code_invalid', 'code');
    expectProblem(await client.post('/api/auth/two-factor/enable', { code: 'abc' }), 400, 'validation_failed', 'code');
    const enabled = await client.post('/api/auth/two-factor/enable', { code: totpCode(setup.body.secret, clock.now()) });
    expect(enabled.status).toBe(200);
    expect(enabled.body.codes).toHaveLength(10);
    expect(new Set(enabled.body.codes).size).toBe(10);
    expect((await client.get('/api/auth/two-factor')).body).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect((await client.get('/api/auth/me')).body).toMatchObject({ twoFactorEnabled: true, twoFactorSetupRequired: false });

    // The code used to enable it is spent; the next step's code signs in, once.
    expectProblem((await secondStep(person.email, person.password, totpCode(setup.body.secret, clock.now()))).res, 400, 'two_factor_code_invalid', 'code');
    step();
    const code = totpCode(setup.body.secret, clock.now());
    const ok = await secondStep(person.email, person.password, code);
    expect(ok.res.status).toBe(200);
    expect(ok.res.body.user).toMatchObject({ id: person.id, twoFactorEnabled: true });
    expect((await ok.client.get('/api/auth/me')).status).toBe(200);
    expectProblem((await secondStep(person.email, person.password, code)).res, 400, 'two_factor_code_invalid');

    // A recovery code works once, in any case and spacing.
    const recovery = enabled.body.codes[0] as string;
    expect((await secondStep(person.email, person.password, ` ${recovery.toUpperCase()} `)).res.status).toBe(200);
    expectProblem((await secondStep(person.email, person.password, recovery)).res, 400, 'two_factor_code_invalid');
    expect((await client.get('/api/auth/two-factor')).body.recoveryCodesLeft).toBe(9);

    const trail = await t.app.db.select().from(auditEvents).where(eq(auditEvents.entityId, person.id));
    expect(trail.filter((e) => e.action === 'auth.login').map((e) => e.details)).toEqual(
      expect.arrayContaining([{ secondFactor: 'totp' }, { secondFactor: 'recovery_code' }]),
    );
  });

  it('starts no session without the second step, and its ticket expires and is bound to the password', async () => {
    const person = await buildUser(t.app, 'patient', (await buildHospital(t.app)).id);
    const { secret } = await enrolTwoFactor(await signIn(t.app, person));
    step();
    const client = new Client(t.app);
    await client.post('/api/auth/login', { email: person.email, password: person.password });
    expectProblem(await client.get('/api/auth/me'), 401, 'unauthenticated');
    clock.advance(5 * 60_000 + 1000);
    expectProblem(await client.post('/api/auth/login/two-factor', { code: totpCode(secret, clock.now()) }), 401, 'sign_in_expired');
    expectProblem(await new Client(t.app).post('/api/auth/login/two-factor', { code: totpCode(secret, clock.now()) }), 401, 'sign_in_expired');
    // A ticket made for another password is worth nothing.
    await client.post('/api/auth/login', { email: person.email, password: person.password });
    await t.app.db.update(users).set({ passwordChangedAt: clock.now() }).where(eq(users.id, person.id));
    expectProblem(await client.post('/api/auth/login/two-factor', { code: totpCode(secret, clock.now()) }), 401, 'sign_in_expired');
  });

  it('throttles wrong codes like wrong passwords', async () => {
    const person = await buildUser(t.app, 'patient', (await buildHospital(t.app)).id);
    const { secret } = await enrolTwoFactor(await signIn(t.app, person));
    step();
    const client = new Client(t.app, '10.9.8.7');
    await client.post('/api/auth/login', { email: person.email, password: person.password });
    const wrong = await client.post('/api/auth/login/two-factor', { code: '123456' });
    expectProblem(wrong, 400, 'two_factor_code_invalid');
    expect(wrong.body.attemptsLeft).toBe(2);
    await client.post('/api/auth/login/two-factor', { code: '123457' });
    await client.post('/api/auth/login/two-factor', { code: '123458' });
    const blocked = await client.post('/api/auth/login/two-factor', { code: totpCode(secret, clock.now()) });
    expectProblem(blocked, 429, 'login_throttled');
  });

  it('is turned off with the password, and new recovery codes take a current code', async () => {
    const person = await buildUser(t.app, 'patient', (await buildHospital(t.app)).id);
    const client = await signIn(t.app, person);
    const { secret, codes } = await enrolTwoFactor(client);
    step();
    expectProblem(await client.post('/api/auth/two-factor/recovery-codes', { code: '000000' }), 400, 'two_factor_code_invalid');
    const renewed = await client.post('/api/auth/two-factor/recovery-codes', { code: totpCode(secret, clock.now()) });
    expect(renewed.body.codes).toHaveLength(10);
    step();
    expectProblem((await secondStep(person.email, person.password, codes[0]!)).res, 400, 'two_factor_code_invalid');
    expectProblem(await client.post('/api/auth/two-factor/disable', { password: 'not-it' }), 400, 'wrong_password', 'password');
    expect((await client.post('/api/auth/two-factor/disable', { password: person.password })).status).toBe(204);
    expect((await new Client(t.app).post('/api/auth/login', { email: person.email, password: person.password })).body.user.id).toBe(person.id);
    expectProblem(await client.post('/api/auth/two-factor/disable', { password: person.password }), 409, 'two_factor_not_enabled');
  });

  it('never writes a secret or a code to the log', async () => {
    const app = await t.another({ LOG_LEVEL: 'trace' }, { logStream: log.stream });
    const person = await buildUser(app, 'doctor', (await buildHospital(app)).id);
    const client = await signIn(app, person);
    const { secret, codes } = await enrolTwoFactor(client);
    step();
    const login = new Client(app);
    await login.post('/api/auth/login', { email: person.email, password: person.password });
    const code = totpCode(secret, clock.now());
    await login.post('/api/auth/login/two-factor', { code });
    for (const s of [secret, code, codes[0]!]) expect(log.text()).not.toContain(s);
  });
});

describe('required two-factor sign-in', () => {
  it("holds a hospital's admins to setting it up once the hospital requires it, and they cannot drop it", async () => {
    const tenant = await buildTenant(t.app);
    const admin = tenant.as.admin;
    expect((await admin.patch(`/api/hospitals/${tenant.hospital.id}`, { adminTwoFactorRequired: true })).body).toMatchObject({ adminTwoFactorRequired: true });
    expectProblem(await admin.get(`/api/hospitals/${tenant.hospital.id}/doctors`), 403, 'two_factor_setup_required');
    expect((await admin.get('/api/auth/me')).body).toMatchObject({ twoFactorSetupRequired: true });
    // Doctors and patients of the hospital are not held to it.
    expect((await tenant.as.doctor.get('/api/appointments')).status).toBe(200);

    const { secret } = await enrolTwoFactor(admin);
    expect((await admin.get(`/api/hospitals/${tenant.hospital.id}/doctors`)).status).toBe(200);
    expect((await admin.get('/api/auth/two-factor')).body).toMatchObject({ enabled: true, required: true });
    expectProblem(await admin.post('/api/auth/two-factor/disable', { password: tenant.admin.password }), 409, 'two_factor_mandatory');
    expectProblem(await admin.patch(`/api/hospitals/${tenant.hospital.id}`, { adminTwoFactorRequired: false }), 403, 'forbidden');
    step();
    expect((await secondStep(tenant.admin.email, tenant.admin.password, totpCode(secret, clock.now()))).res.status).toBe(200);
  });

  it('holds super admins to it when SUPERADMIN_TWO_FACTOR=required', async () => {
    const strict = await t.another({ SUPERADMIN_TWO_FACTOR: 'required' });
    const root = await buildUser(strict, 'super_admin', null);
    const client = await signIn(strict, root);
    expectProblem(await client.get('/api/hospitals'), 403, 'two_factor_setup_required');
    await enrolTwoFactor(client);
    expect((await client.get('/api/hospitals')).status).toBe(200);
    // Where it is optional (the default outside production), nothing is asked.
    const relaxed = await signIn(t.app, await buildUser(t.app, 'super_admin', null));
    expect((await relaxed.get('/api/hospitals')).status).toBe(200);
  });
});

describe("an admin's reset of someone's second factor", () => {
  it('is audited, signs the person out, tells them by mail, and reaches only their own hospital', async () => {
    const [A, B] = await Promise.all([buildTenant(t.app), buildTenant(t.app)]);
    // Shares the bus, as instances share Redis: its revocations reach t.app's session cache.
    const mailApp = await t.another({ SMTP_URL: 'smtp://127.0.0.1:9', PUBLIC_URL: 'https://care.example.test' }, { bus: t.app.bus });
    await enrolTwoFactor(A.as.doctor);
    await enrolTwoFactor(B.as.doctor);
    expectProblem(await A.as.admin.delete(`/api/users/${B.doctor.id}/two-factor`), 404, 'not_found');
    expectProblem(await A.as.patient.delete(`/api/users/${A.doctor.id}/two-factor`), 403, 'forbidden');
    expectProblem(await A.as.doctor.delete(`/api/users/${A.doctor.id}/two-factor`), 403, 'forbidden');
    expectProblem(await A.as.admin.delete(`/api/users/${A.admin.id}/two-factor`), 403, 'forbidden');
    expectProblem(await A.as.admin.delete(`/api/users/${A.patient.id}/two-factor`), 409, 'two_factor_not_enabled');

    const admin = await signIn(mailApp, A.admin);
    expect((await admin.delete(`/api/users/${A.doctor.id}/two-factor`)).status).toBe(204);
    expectProblem(await A.as.doctor.get('/api/auth/me'), 401, 'unauthenticated');
    const back = await signIn(t.app, A.doctor);
    expect((await back.get('/api/auth/me')).body).toMatchObject({ twoFactorEnabled: false });
    const [event] = await t.app.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.two_factor_reset'));
    expect(event).toMatchObject({ entityId: A.doctor.id, actorId: A.admin.id, hospitalId: A.hospital.id });
    expect((await queuedTo(t.app, A.doctor.email)).map((m) => m.kind)).toContain('two_factor_reset');
    // B's doctor still has theirs.
    expect((await B.as.doctor.get('/api/auth/two-factor')).body.enabled).toBe(true);
  });
});
