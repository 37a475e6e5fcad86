import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, sessions, users } from '../../db/schema/index.js';
import { PASSWORD, buildHospital, buildUser, signIn } from '../../test/factories.js';
import { ManualClock } from '../../test/clock.js';
import { Client, useTestApp } from '../../test/harness.js';
import { expectProblem } from '../../test/problems.js';

const t = useTestApp({ LOGIN_MAX_FAILURES: '3', AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
const countUsers = async () => (await t.app.db.select().from(users)).length;
const newPatient = (hospitalId: string, over: Record<string, unknown> = {}) => ({
  email: `Pat.${Math.random().toString(36).slice(2)}@Example.com`,
  password: 'a-long-password',
  firstName: 'Sita',
  lastName: 'Rai',
  hospitalId,
  ...over,
});

describe('sign-up', () => {
  it('registers a patient with the chosen hospital and signs them in', async () => {
    const hospital = await buildHospital(t.app);
    const client = new Client(t.app);
    const body = newPatient(hospital.id);
    const res = await client.post('/api/auth/signup', body);
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: body.email.toLowerCase(), role: 'patient', hospitalId: hospital.id, hospitalName: hospital.name, mustChangePassword: false });
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(res.body.user.id);
    const patient = await client.get(`/api/patients/${me.body.id}`);
    expect(patient.body).toMatchObject({ firstName: 'Sita', allergies: '', bloodType: null });
  });

  it('sets an HttpOnly SameSite session cookie', async () => {
    const hospital = await buildHospital(t.app);
    const res = await new Client(t.app).post('/api/auth/signup', newPatient(hospital.id));
    const cookie = res.raw.cookies.find((c) => c.name === 'tm_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
  });

  it('refuses bad input, a taken email, an unknown or inactive hospital, and stores nothing', async () => {
    const hospital = await buildHospital(t.app);
    const inactive = await buildHospital(t.app, { isActive: false });
    const taken = await buildUser(t.app, 'patient', hospital.id);
    const before = await countUsers();
    const client = new Client(t.app);
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [newPatient(hospital.id, { email: 'not-an-email' }), 400, 'validation_failed', 'email'],
      [newPatient(hospital.id, { password: 'short' }), 400, 'validation_failed', 'password'],
      [newPatient(hospital.id, { firstName: '' }), 400, 'validation_failed', 'firstName'],
      [newPatient('not-a-uuid'), 400, 'validation_failed', 'hospitalId'],
      [newPatient(hospital.id, { email: taken.email.toUpperCase() }), 409, 'email_taken', 'email'],
      [newPatient('00000000-0000-4000-8000-000000000000'), 404, 'not_found', 'hospitalId'],
      [newPatient(inactive.id), 409, 'hospital_inactive', 'hospitalId'],
    ];
    for (const [body, status, code, path] of cases) {
      const res = await client.post('/api/auth/signup', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe(code);
      if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(client.cookie).toBeUndefined();
    expect(await countUsers()).toBe(before);
  });
});

describe('common passwords', () => {
  it('are refused at sign-up, in a change and for accounts an admin creates, whatever their case', async () => {
    const hospital = await buildHospital(t.app);
    const before = await countUsers();
    for (const password of ['password123', 'Password123', 'ILOVEYOU1', 'qwertyuiop'])
      expectProblem(await new Client(t.app).post('/api/auth/signup', newPatient(hospital.id, { password })), 400, 'password_too_common', 'password');
    const admin = await signIn(t.app, await buildUser(t.app, 'hospital_admin', hospital.id));
    const doctor = { email: 'dr.common@example.com', password: 'Baseball1', firstName: 'Asha', lastName: 'KC', licenseNumber: 'NMC-COMMON-1', specialization: 'Cardiology', experienceYears: 3 };
    expectProblem(await admin.post(`/api/hospitals/${hospital.id}/doctors`, doctor), 400, 'password_too_common', 'password');
    expect(await countUsers()).toBe(before + 1); // the admin only
    const person = await buildUser(t.app, 'patient', hospital.id);
    const client = await signIn(t.app, person);
    expectProblem(await client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'SUPERMAN123' }), 400, 'password_too_common', 'newPassword');
    expect((await new Client(t.app).post('/api/auth/login', { email: person.email, password: PASSWORD })).status).toBe(200);
    // A long, uncommon passphrase is fine.
    expect((await new Client(t.app).post('/api/auth/signup', newPatient(hospital.id, { password: 'tea kettle on a quiet hill' }))).status).toBe(201);
  });
});

describe('sign-in', () => {
  it('signs in with the right password, case-insensitively on the email, and audits it', async () => {
    const hospital = await buildHospital(t.app);
    const doctor = await buildUser(t.app, 'doctor', hospital.id);
    const client = new Client(t.app);
    const res = await client.post('/api/auth/login', { email: doctor.email.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: doctor.id, role: 'doctor', hospitalId: hospital.id });
    const [event] = await t.app.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.login')).orderBy(auditEvents.id).limit(1).offset(0);
    expect(event).toBeDefined();
    const mine = await t.app.db.select().from(auditEvents).where(eq(auditEvents.entityId, doctor.id));
    expect(mine.map((e) => e.action)).toContain('auth.login');
    expect(mine.find((e) => e.action === 'auth.login')!.ip).toBe('127.0.0.1');
  });

  it('answers a wrong password and an unknown email alike, and audits both', async () => {
    const hospital = await buildHospital(t.app);
    const patient = await buildUser(t.app, 'patient', hospital.id);
    const wrong = await new Client(t.app).post('/api/auth/login', { email: patient.email, password: 'nope-nope-nope' });
    const unknown = await new Client(t.app).post('/api/auth/login', { email: 'ghost@nowhere.test', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('invalid_credentials');
    const failed = await t.app.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.login_failed'));
    expect(failed.map((e) => e.actorEmail)).toEqual(expect.arrayContaining([patient.email, 'ghost@nowhere.test']));
  });

  it('slows sign-in down after repeated failures, with growing waits, and says how long', async () => {
    const clock = new ManualClock('2026-06-01T10:00:00Z');
    const app = await t.another({}, { clock });
    const hospital = await buildHospital(app);
    const patient = await buildUser(app, 'patient', hospital.id);
    const client = new Client(app, '10.0.0.1');
    const attempt = (password: string, email = patient.email) => client.post('/api/auth/login', { email, password });
    const tries = [];
    for (let i = 0; i < 3; i++) tries.push(await attempt('wrong-password'));
    expect(tries.map((r) => [r.status, r.body.code, r.body.attemptsLeft])).toEqual([
      [401, 'invalid_credentials', 2],
      [401, 'invalid_credentials', 1],
      [401, 'invalid_credentials', 0],
    ]);
    expect(tries[2]!.body.retryAfterSeconds).toBe(30);
    expect(tries[2]!.body.detail).toMatch(/Try again in 30 seconds/);
    // While the wait lasts, even the right password is not checked.
    const waiting = await attempt(PASSWORD);
    expect(waiting.status).toBe(429);
    expect(waiting.body).toMatchObject({ code: 'login_throttled', retryAfterSeconds: 30 });
    expect(waiting.headers['retry-after']).toBe('30');
    expect(client.cookie).toBeUndefined();
    clock.advance(20_000);
    expect((await attempt(PASSWORD)).body.retryAfterSeconds).toBe(10);
    // The next failure after a wait waits twice as long.
    clock.advance(11_000);
    const again = await attempt('wrong-again');
    expect(again.body).toMatchObject({ code: 'invalid_credentials', attemptsLeft: 0, retryAfterSeconds: 60 });
    clock.advance(61_000);
    expect((await attempt(PASSWORD)).status).toBe(200);
    // The owner got in: the count starts afresh.
    expect((await new Client(app, '10.0.0.1').post('/api/auth/login', { email: patient.email, password: 'wrong' })).body.attemptsLeft).toBe(2);
  });

  it('throttles unknown emails exactly like real ones, and each address on its own', async () => {
    const clock = new ManualClock('2026-06-02T10:00:00Z');
    const app = await t.another({}, { clock });
    const hospital = await buildHospital(app);
    const patient = await buildUser(app, 'patient', hospital.id);
    const run = async (email: string, ip: string) => {
      const client = new Client(app, ip);
      const bodies = [];
      for (let i = 0; i < 4; i++) bodies.push((await client.post('/api/auth/login', { email, password: 'wrong-password' })).body);
      return bodies;
    };
    expect(await run(patient.email, '10.0.1.1')).toEqual(await run('nobody-here@nowhere.test', '10.0.1.2'));
    // An address that tries many accounts is slowed down too (4 × LOGIN_MAX_FAILURES free).
    const spray = new Client(app, '10.0.2.1');
    const statuses = [];
    for (let i = 0; i < 13; i++) statuses.push((await spray.post('/api/auth/login', { email: `guess-${i}@nowhere.test`, password: 'wrong-password' })).status);
    expect(statuses.slice(0, 12).every((s) => s === 401)).toBe(true);
    expect(statuses[12]).toBe(429);
    // Another address is not held back by it.
    expect((await new Client(app, '10.0.2.2').post('/api/auth/login', { email: 'guess-0@nowhere.test', password: 'wrong-password' })).status).toBe(401);
  });

  it('refuses a deactivated account only after the right password', async () => {
    const hospital = await buildHospital(t.app);
    const patient = await buildUser(t.app, 'patient', hospital.id, { isActive: false });
    const wrong = await new Client(t.app).post('/api/auth/login', { email: patient.email, password: 'wrong-password' });
    expect(wrong.body.code).toBe('invalid_credentials');
    const right = await new Client(t.app).post('/api/auth/login', { email: patient.email, password: PASSWORD });
    expect(right.status).toBe(403);
    expect(right.body.code).toBe('account_inactive');
  });

  it('validates the body', async () => {
    const res = await new Client(t.app).post('/api/auth/login', { email: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
  });
});

describe('sessions', () => {
  it('signs out: the cookie stops working', async () => {
    const hospital = await buildHospital(t.app);
    const client = await signIn(t.app, await buildUser(t.app, 'patient', hospital.id));
    const cookie = client.cookie!;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = new Client(t.app);
    replay.cookie = cookie;
    const res = await replay.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('ends idle and expired sessions', async () => {
    const hospital = await buildHospital(t.app);
    const person = await buildUser(t.app, 'patient', hospital.id);
    const idle = await signIn(t.app, person);
    const old = await signIn(t.app, person);
    const rows = await t.app.db.select().from(sessions).where(eq(sessions.userId, person.id));
    expect(rows).toHaveLength(2);
    await t.app.db.update(sessions).set({ lastSeenAt: new Date(t.clock.now().getTime() - t.config.session.idleMs - 1000) }).where(eq(sessions.id, rows[0]!.id));
    await t.app.db.update(sessions).set({ expiresAt: new Date(t.clock.now().getTime() - 1000) }).where(eq(sessions.id, rows[1]!.id));
    expect((await idle.get('/api/auth/me')).status).toBe(401);
    expect((await old.get('/api/auth/me')).status).toBe(401);
    expect(await t.app.db.select().from(sessions).where(eq(sessions.userId, person.id))).toHaveLength(0);
  });

  it('records activity at most once a minute, for every session of a busy moment at once', async () => {
    const clock = new ManualClock('2026-06-03T10:00:00Z');
    const app = await t.another({}, { clock });
    const hospital = await buildHospital(app);
    const people = [await buildUser(app, 'patient', hospital.id), await buildUser(app, 'doctor', hospital.id), await buildUser(app, 'patient', hospital.id)];
    const clients = await Promise.all(people.map((p) => signIn(app, p)));
    const seen = async () => (await app.db.select().from(sessions).where(eq(sessions.userId, people[0]!.id)))[0]!.lastSeenAt.getTime();
    const signedInAt = clock.now().getTime();
    clock.advance(30_000);
    expect((await clients[0]!.get('/api/auth/me')).status).toBe(200);
    expect(await seen()).toBe(signedInAt); // within the minute: nothing written
    clock.advance(40_000);
    // Three people in the same moment: each session records it before its answer is sent.
    expect((await Promise.all(clients.map((c) => c.get('/api/auth/me')))).map((r) => r.status)).toEqual([200, 200, 200]);
    const rows = await app.db.select().from(sessions);
    const mine = rows.filter((r) => people.some((p) => p.id === r.userId));
    expect(mine.map((r) => r.lastSeenAt.getTime())).toEqual([signedInAt + 70_000, signedInAt + 70_000, signedInAt + 70_000]);
    // Activity keeps a session past the idle limit it would have reached from sign-in.
    clock.set(new Date(signedInAt + 70_000 + app.config.session.idleMs - 1000));
    expect((await clients[0]!.get('/api/auth/me')).status).toBe(200);
  });

  it('stores only a keyed hash of the token', async () => {
    const hospital = await buildHospital(t.app);
    const person = await buildUser(t.app, 'patient', hospital.id);
    const client = await signIn(t.app, person);
    const token = client.cookie!.split('=')[1]!;
    const rows = await t.app.db.select().from(sessions).where(eq(sessions.userId, person.id));
    expect(rows.map((r) => r.id)).not.toContain(token);
  });

  it('lists own sessions and ends another one', async () => {
    const hospital = await buildHospital(t.app);
    const person = await buildUser(t.app, 'doctor', hospital.id);
    const laptop = await signIn(t.app, person);
    const phone = await signIn(t.app, person);
    const list = await laptop.get('/api/auth/sessions');
    expect(list.body.items).toHaveLength(2);
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    expect((await laptop.delete(`/api/auth/sessions/${other.id}`)).status).toBe(204);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
    // Someone else's session id is not found.
    const stranger = await signIn(t.app, await buildUser(t.app, 'doctor', hospital.id));
    const mine = (await laptop.get('/api/auth/sessions')).body.items[0].id;
    expect((await stranger.delete(`/api/auth/sessions/${mine}`)).status).toBe(404);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
  });
});

describe('password change', () => {
  it('forces users created by an admin to change the initial password before anything else', async () => {
    const hospital = await buildHospital(t.app);
    const doctor = await buildUser(t.app, 'doctor', hospital.id, { mustChangePassword: true });
    const client = await signIn(t.app, doctor);
    expect((await client.get('/api/auth/me')).body.mustChangePassword).toBe(true);
    const blocked = await client.get(`/api/doctors/${doctor.id}`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('password_change_required');
    expect((await client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'my-own-secret-1' })).status).toBe(204);
    expect((await client.get('/api/auth/me')).body.mustChangePassword).toBe(false);
    expect((await client.get(`/api/doctors/${doctor.id}`)).status).toBe(200);
    expect((await new Client(t.app).post('/api/auth/login', { email: doctor.email, password: 'my-own-secret-1' })).status).toBe(200);
    expect((await new Client(t.app).post('/api/auth/login', { email: doctor.email, password: PASSWORD })).status).toBe(401);
  });

  it('refuses a wrong current password and an unchanged one, and changes nothing', async () => {
    const hospital = await buildHospital(t.app);
    const person = await buildUser(t.app, 'patient', hospital.id);
    const client = await signIn(t.app, person);
    const wrong = await client.post('/api/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'another-password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('wrong_password');
    const same = await client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.body.code).toBe('password_reused');
    const short = await client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.body.code).toBe('validation_failed');
    expect((await new Client(t.app).post('/api/auth/login', { email: person.email, password: PASSWORD })).status).toBe(200);
  });

  it('signs out every other session', async () => {
    const hospital = await buildHospital(t.app);
    const person = await buildUser(t.app, 'patient', hospital.id);
    const here = await signIn(t.app, person);
    const elsewhere = await signIn(t.app, person);
    await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'brand-new-password' });
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
  });
});

describe('defences', () => {
  it('refuses a state-changing request from another origin and changes nothing', async () => {
    const hospital = await buildHospital(t.app);
    const client = new Client(t.app);
    const before = await countUsers();
    const res = await client.request('POST', '/api/auth/signup', newPatient(hospital.id), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('origin_mismatch');
    const site = await client.request('POST', '/api/auth/signup', newPatient(hospital.id), { 'sec-fetch-site': 'cross-site' });
    expect(site.body.code).toBe('origin_mismatch');
    expect(await countUsers()).toBe(before);
    const own = await client.request('POST', '/api/auth/signup', newPatient(hospital.id), { origin: 'http://localhost:80', host: 'localhost:80' });
    expect(own.status).toBe(201);
  });

  it('with PUBLIC_URL set, trusts only it and ALLOWED_ORIGINS, never the Host header (DNS rebinding)', async () => {
    const hospital = await buildHospital(t.app);
    const app = await t.another({ PUBLIC_URL: 'https://care.example.org', ALLOWED_ORIGINS: 'https://staff.example.org' });
    const client = new Client(app);
    const before = await countUsers();
    const rebound = await client.request('POST', '/api/auth/signup', newPatient(hospital.id), { origin: 'http://evil.example:8000', host: 'evil.example:8000' });
    expectProblem(rebound, 403, 'origin_mismatch');
    expect(await countUsers()).toBe(before);
    expect((await client.request('POST', '/api/auth/signup', newPatient(hospital.id), { origin: 'https://care.example.org' })).status).toBe(201);
    expect((await new Client(app).request('POST', '/api/auth/signup', newPatient(hospital.id), { origin: 'https://staff.example.org' })).status).toBe(201);
  });

  it('rate-limits sign-in attempts per address', async () => {
    const limited = await t.another({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    const client = new Client(limited);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.post('/api/auth/login', { email: `ghost-${i}@nowhere.test`, password: 'whatever-it-is' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const res = await client.post('/api/auth/login', { email: 'ghost-9@nowhere.test', password: 'whatever-it-is' });
    expect(res.body.code).toBe('rate_limited');
    expect(res.body.retryAfterSeconds).toBeGreaterThan(0);
    expect(res.headers['retry-after']).toBe(String(res.body.retryAfterSeconds));
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
