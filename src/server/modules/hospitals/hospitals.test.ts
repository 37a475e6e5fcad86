import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, hospitals, sessions, users } from '../../db/schema/index.js';
import { PASSWORD, accountBody, buildHospital, buildSuperAdmin, buildTenant, buildUser, signIn, unique } from '../../test/factories.js';
import { Client, useTestApp } from '../../test/harness.js';
import { expectProblem } from '../../test/problems.js';

const t = useTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
let root: Client;
let rootId: string;

beforeAll(async () => {
  const sa = await buildSuperAdmin(t.app);
  root = sa.client;
  rootId = sa.person.id;
});

const newHospital = (over: Record<string, unknown> = {}) => ({
  name: `Bir Hospital ${unique()}`,
  address: 'Mahaboudha, Kathmandu',
  phone: '+977 1 4221119',
  email: `info-${unique()}@bir.test`,
  timezone: 'Asia/Kathmandu',
  appointmentFee: 75_050,
  ...over,
});
const newAccount = (over: Record<string, unknown> = {}) => accountBody('admin', ['Hari', 'Adhikari'], over);


const hospitalRow = async (id: string) => (await t.app.db.select().from(hospitals).where(eq(hospitals.id, id)))[0]!;
const hospitalCount = async () => (await t.app.db.select({ n: count() }).from(hospitals))[0]!.n;
const auditCount = async () => (await t.app.db.select({ n: count() }).from(auditEvents))[0]!.n;
const auditOf = (action: string, entityId: string) =>
  t.app.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
const sessionsOf = async (userId: string) => (await t.app.db.select().from(sessions).where(eq(sessions.userId, userId))).length;

describe('creating a hospital', () => {
  it('lets the super admin create one with an integer paisa fee and an IANA zone, and audits it', async () => {
    const body = newHospital({ email: `  Info-${unique()}@Bir.TEST ` });
    const res = await root.post('/api/hospitals', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: body.name,
      address: body.address,
      phone: body.phone,
      email: body.email.trim().toLowerCase(),
      timezone: 'Asia/Kathmandu',
      appointmentFee: 75_050,
      isActive: true,
      doctorCount: 0,
      patientCount: 0,
    });
    expect(Number.isInteger(res.body.appointmentFee)).toBe(true);
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    const row = await hospitalRow(res.body.id);
    expect(row).toMatchObject({ name: body.name, appointmentFee: 75_050, timezone: 'Asia/Kathmandu', isActive: true });
    const [event] = await auditOf('hospital.created', res.body.id);
    expect(event).toMatchObject({ actorId: rootId, hospitalId: res.body.id, entityType: 'hospital' });
  });

  it('accepts UTC and other IANA zones', async () => {
    for (const timezone of ['UTC', 'America/New_York', 'Europe/London']) {
      const res = await root.post('/api/hospitals', newHospital({ timezone }));
      expect(res.status, timezone).toBe(201);
      expect(res.body.timezone).toBe(timezone);
    }
  });

  it('refuses each bad input with a 400 naming the field, and stores nothing', async () => {
    const beforeHospitals = await hospitalCount();
    const beforeAudit = await auditCount();
    const cases: [Record<string, unknown>, string][] = [
      [newHospital({ timezone: 'Mars/Base' }), 'timezone'],
      // Intl knows these legacy POSIX-style names, but they are not zones a hospital lives in.
      [newHospital({ timezone: 'EST5EDT' }), 'timezone'],
      [newHospital({ timezone: 'EST' }), 'timezone'],
      [newHospital({ timezone: '' }), 'timezone'],
      [newHospital({ appointmentFee: 10.5 }), 'appointmentFee'],
      [newHospital({ appointmentFee: -1 }), 'appointmentFee'],
      [newHospital({ appointmentFee: '500' }), 'appointmentFee'],
      [newHospital({ appointmentFee: 100_000_001 }), 'appointmentFee'],
      [newHospital({ name: '' }), 'name'],
      [newHospital({ name: '   ' }), 'name'],
      [newHospital({ email: 'not-an-email' }), 'email'],
      [newHospital({ phone: 'call us' }), 'phone'],
      [{ ...newHospital(), address: undefined }, 'address'],
    ];
    for (const [body, path] of cases) {
      const res = await root.post('/api/hospitals', body);
      expectProblem(res, 400, 'validation_failed', path);
    }
    expect(await hospitalCount()).toBe(beforeHospitals);
    expect(await auditCount()).toBe(beforeAudit);
  });

  it('is for the super admin only', async () => {
    const tenant = await buildTenant(t.app);
    const before = await hospitalCount();
    for (const client of Object.values(tenant.as)) expectProblem(await client.post('/api/hospitals', newHospital()), 403, 'forbidden');
    expectProblem(await new Client(t.app).post('/api/hospitals', newHospital()), 401, 'unauthenticated');
    expect(await hospitalCount()).toBe(before);
  });
});

describe('listing and reading hospitals', () => {
  it('lists with doctor and patient counts, and searches by name', async () => {
    const tag = unique();
    const created = await root.post('/api/hospitals', newHospital({ name: `Patan Hospital ${tag}` }));
    const id = created.body.id as string;
    await Promise.all([
      buildUser(t.app, 'doctor', id),
      buildUser(t.app, 'doctor', id),
      buildUser(t.app, 'patient', id),
      buildUser(t.app, 'hospital_admin', id),
    ]);
    const teaching = await buildHospital(t.app, { name: `Teaching Hospital ${tag}` });
    await buildUser(t.app, 'patient', teaching.id);

    const res = await root.get(`/api/hospitals?q=PATAN%20hospital%20${tag}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ id, doctorCount: 2, patientCount: 1 });
    expect((await root.get(`/api/hospitals/${id}`)).body).toMatchObject({ doctorCount: 2, patientCount: 1 });
    expect((await root.get(`/api/hospitals/${teaching.id}`)).body).toMatchObject({ doctorCount: 0, patientCount: 1 });

    const both = await root.get(`/api/hospitals?q=${tag}`);
    expect(both.body.total).toBe(2);
    expect(both.body.items.map((h: { name: string }) => h.name)).toEqual([`Patan Hospital ${tag}`, `Teaching Hospital ${tag}`]);
    expect(both.body.items.map((h: { doctorCount: number; patientCount: number }) => [h.doctorCount, h.patientCount])).toEqual([[2, 1], [0, 1]]);
    const page = await root.get(`/api/hospitals?q=${tag}&limit=1&offset=1`);
    expect(page.body).toMatchObject({ total: 2, items: [{ name: `Teaching Hospital ${tag}` }] });

    expect((await root.get(`/api/hospitals?q=nothing-like-${tag}`)).body).toEqual({ items: [], total: 0 });
    expectProblem(await root.get('/api/hospitals?limit=0'), 400, 'validation_failed');
  });

  it('treats % and _ in the search as plain characters', async () => {
    const tag = unique();
    const exact = await buildHospital(t.app, { name: `Care_${tag}` });
    await buildHospital(t.app, { name: `CareX${tag}` });
    await buildHospital(t.app, { name: `Care 100% ${tag}` });
    const underscore = await root.get(`/api/hospitals?q=${encodeURIComponent(`care_${tag}`)}`);
    expect(underscore.body.items.map((h: { id: string }) => h.id)).toEqual([exact.id]);
    const percent = await root.get(`/api/hospitals?q=${encodeURIComponent(`100%`)}`);
    expect(percent.body.items.map((h: { name: string }) => h.name)).toEqual([`Care 100% ${tag}`]);
  });

  it('gets one hospital; an unknown id is 404 and a malformed one 400', async () => {
    const hospital = await buildHospital(t.app);
    const res = await root.get(`/api/hospitals/${hospital.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(hospital);
    expectProblem(await root.get('/api/hospitals/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expectProblem(await root.get('/api/hospitals/not-a-uuid'), 400, 'validation_failed', 'hospitalId');
  });

  it('shows everyone else only their own hospital', async () => {
    const [mine, other] = await Promise.all([buildTenant(t.app), buildTenant(t.app)]);
    for (const [role, client] of Object.entries(mine.as)) {
      const list = await client.get('/api/hospitals');
      expect({ role, status: list.status, total: list.body.total }).toEqual({ role, status: 200, total: 1 });
      expect(list.body.items.map((h: { id: string }) => h.id)).toEqual([mine.hospital.id]);
      const searched = await client.get(`/api/hospitals?q=${encodeURIComponent(other.hospital.name)}`);
      expect(searched.body).toEqual({ items: [], total: 0 });
      expect((await client.get(`/api/hospitals/${mine.hospital.id}`)).status).toBe(200);
      expectProblem(await client.get(`/api/hospitals/${other.hospital.id}`), 404, 'not_found');
    }
  });

  it('offers visitors the active hospitals with nothing but id, name, address and zone', async () => {
    const active = await buildHospital(t.app, { timezone: 'Asia/Kolkata' });
    const inactive = await buildHospital(t.app);
    expect((await root.patch(`/api/hospitals/${inactive.id}`, { isActive: false })).status).toBe(200);

    const res = await new Client(t.app).get('/api/public/hospitals');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((h: { id: string }) => h.id);
    expect(ids).toContain(active.id);
    expect(ids).not.toContain(inactive.id);
    expect(res.body.total).toBe(res.body.items.length);
    for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(['address', 'id', 'name', 'timezone']);
    expect(res.body.items.find((h: { id: string }) => h.id === active.id)).toEqual({
      id: active.id,
      name: active.name,
      address: active.address,
      timezone: 'Asia/Kolkata',
    });
    expect(JSON.stringify(res.body)).not.toContain(active.email);
    const activeRows = await t.app.db.select({ n: count() }).from(hospitals).where(eq(hospitals.isActive, true));
    expect(res.body.total).toBe(activeRows[0]!.n);
  });
});

describe('changing a hospital', () => {
  it('lets the super admin change any field, and audits the field names', async () => {
    const hospital = await buildHospital(t.app);
    const res = await root.patch(`/api/hospitals/${hospital.id}`, { name: 'Renamed Hospital', appointmentFee: 100_000, timezone: 'UTC' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: hospital.id, name: 'Renamed Hospital', appointmentFee: 100_000, timezone: 'UTC', phone: hospital.phone });
    expect(await hospitalRow(hospital.id)).toMatchObject({ name: 'Renamed Hospital', appointmentFee: 100_000, timezone: 'UTC' });
    const [event] = await auditOf('hospital.updated', hospital.id);
    expect(event).toMatchObject({ actorId: rootId, hospitalId: hospital.id, details: { fields: ['appointmentFee', 'name', 'timezone'] } });
  });

  it('refuses bad patches with a 400 naming the field, and changes nothing', async () => {
    const hospital = await buildHospital(t.app);
    const before = await hospitalRow(hospital.id);
    const beforeAudit = await auditCount();
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'body'],
      [{ timezone: 'Mars/Base' }, 'timezone'],
      [{ timezone: 'EST5EDT' }, 'timezone'],
      [{ appointmentFee: 10.5 }, 'appointmentFee'],
      [{ appointmentFee: -100 }, 'appointmentFee'],
      [{ name: '' }, 'name'],
      [{ email: 'nope' }, 'email'],
      [{ isActive: 'no' }, 'isActive'],
    ];
    for (const [body, path] of cases) expectProblem(await root.patch(`/api/hospitals/${hospital.id}`, body), 400, 'validation_failed', path);
    expect(await hospitalRow(hospital.id)).toEqual(before);
    expect(await auditCount()).toBe(beforeAudit);
    expectProblem(await root.patch('/api/hospitals/00000000-0000-4000-8000-000000000000', { phone: '+977 1 5555555' }), 404, 'not_found');
  });

  it("lets a hospital admin edit its own hospital's phone and fee, but not (de)activate it or touch another", async () => {
    const [mine, other] = await Promise.all([buildTenant(t.app), buildTenant(t.app)]);
    const ok = await mine.as.admin.patch(`/api/hospitals/${mine.hospital.id}`, { phone: '+977 1 5550000', appointmentFee: 60_000 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ phone: '+977 1 5550000', appointmentFee: 60_000, isActive: true });
    expect(await hospitalRow(mine.hospital.id)).toMatchObject({ phone: '+977 1 5550000', appointmentFee: 60_000 });

    const before = await hospitalRow(mine.hospital.id);
    for (const body of [{ isActive: false }, { isActive: true }, { isActive: false, phone: '+977 1 1111111' }]) {
      const res = await mine.as.admin.patch(`/api/hospitals/${mine.hospital.id}`, body);
      expectProblem(res, 403, 'forbidden');
    }
    expect(await hospitalRow(mine.hospital.id)).toEqual(before);
    expect((await mine.as.admin.get('/api/auth/me')).status).toBe(200);

    const otherBefore = await hospitalRow(other.hospital.id);
    expectProblem(await mine.as.admin.patch(`/api/hospitals/${other.hospital.id}`, { phone: '+977 1 2222222' }), 404, 'not_found');
    expect(await hospitalRow(other.hospital.id)).toEqual(otherBefore);
  });

  it('refuses doctors and patients', async () => {
    const tenant = await buildTenant(t.app);
    const before = await hospitalRow(tenant.hospital.id);
    for (const client of [tenant.as.doctor, tenant.as.patient])
      expectProblem(await client.patch(`/api/hospitals/${tenant.hospital.id}`, { phone: '+977 1 3333333' }), 403, 'forbidden');
    expect(await hospitalRow(tenant.hospital.id)).toEqual(before);
  });

  it("ends a deactivated hospital's sessions and refuses its sign-ins and sign-ups", async () => {
    const tenant = await buildTenant(t.app);
    const people = [tenant.admin, tenant.doctor, tenant.patient];
    for (const p of people) expect(await sessionsOf(p.id)).toBe(1);

    const res = await root.patch(`/api/hospitals/${tenant.hospital.id}`, { isActive: false });
    expect(res.status).toBe(200);
    expect(res.body.isActive).toBe(false);
    expect((await hospitalRow(tenant.hospital.id)).isActive).toBe(false);
    expect(await auditOf('hospital.deactivated', tenant.hospital.id)).toHaveLength(1);

    for (const client of Object.values(tenant.as)) expectProblem(await client.get('/api/auth/me'), 401, 'unauthenticated');
    for (const p of people) {
      expect(await sessionsOf(p.id)).toBe(0);
      const again = await new Client(t.app).post('/api/auth/login', { email: p.email, password: PASSWORD });
      expectProblem(again, 403, 'account_inactive');
      expect(again.raw.cookies.find((c) => c.name === 'tm_session')).toBeUndefined();
    }
    const usersBefore = (await t.app.db.select({ n: count() }).from(users))[0]!.n;
    const signup = await new Client(t.app).post('/api/auth/signup', {
      email: `new-${unique()}@people.test`,
      password: 'long-enough-password',
      firstName: 'Maya',
      lastName: 'Gurung',
      hospitalId: tenant.hospital.id,
    });
    expectProblem(signup, 409, 'hospital_inactive', 'hospitalId');
    expect((await t.app.db.select({ n: count() }).from(users))[0]!.n).toBe(usersBefore);

    // Reactivating lets its people back in.
    expect((await root.patch(`/api/hospitals/${tenant.hospital.id}`, { isActive: true })).body.isActive).toBe(true);
    expect((await (await signIn(t.app, tenant.patient)).get('/api/auth/me')).status).toBe(200);
  });
});

describe('hospital admins', () => {
  it('lets the super admin create an admin who must change the initial password first', async () => {
    const hospital = await buildHospital(t.app);
    const body = newAccount({ email: `New.Admin-${unique()}@Bir.test`, phone: '+977 9800000001' });
    const res = await root.post(`/api/hospitals/${hospital.id}/admins`, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: body.email.toLowerCase(),
      role: 'hospital_admin',
      hospitalId: hospital.id,
      firstName: 'Hari',
      lastName: 'Adhikari',
      phone: '+977 9800000001',
      isActive: true,
      mustChangePassword: true,
      lastLoginAt: null,
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    const [row] = await t.app.db.select().from(users).where(eq(users.id, res.body.id));
    expect(row).toMatchObject({ role: 'hospital_admin', hospitalId: hospital.id, mustChangePassword: true });
    expect(row!.passwordHash).not.toContain(body.password);
    const [event] = await auditOf('user.created', res.body.id);
    expect(event).toMatchObject({ actorId: rootId, hospitalId: hospital.id, details: { role: 'hospital_admin' } });

    const listed = await root.get(`/api/hospitals/${hospital.id}/admins`);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([res.body.id]);

    const admin = await signIn(t.app, { email: body.email, password: body.password });
    expect((await admin.get('/api/auth/me')).body).toMatchObject({ id: res.body.id, mustChangePassword: true });
    expectProblem(await admin.get(`/api/hospitals/${hospital.id}`), 403, 'password_change_required');
    expectProblem(await admin.patch(`/api/hospitals/${hospital.id}`, { phone: '+977 1 4444444' }), 403, 'password_change_required');
    expect((await admin.post('/api/auth/password', { currentPassword: body.password, newPassword: 'my-own-password-2' })).status).toBe(204);
    expect((await admin.get(`/api/hospitals/${hospital.id}`)).status).toBe(200);
  });

  it('refuses a taken email (in any case) and bad input, and stores nothing', async () => {
    const hospital = await buildHospital(t.app);
    const existing = await buildUser(t.app, 'doctor', hospital.id);
    const before = (await t.app.db.select({ n: count() }).from(users))[0]!.n;
    const beforeAudit = await auditCount();
    expectProblem(await root.post(`/api/hospitals/${hospital.id}/admins`, newAccount({ email: existing.email.toUpperCase() })), 409, 'email_taken', 'email');
    expectProblem(await root.post(`/api/hospitals/${hospital.id}/admins`, newAccount({ password: 'short' })), 400, 'validation_failed', 'password');
    expectProblem(await root.post(`/api/hospitals/${hospital.id}/admins`, newAccount({ email: 'x@' })), 400, 'validation_failed', 'email');
    expectProblem(await root.post('/api/hospitals/00000000-0000-4000-8000-000000000000/admins', newAccount()), 404, 'not_found');
    expect((await t.app.db.select({ n: count() }).from(users))[0]!.n).toBe(before);
    expect(await auditCount()).toBe(beforeAudit);
  });

  it('lets the super admin deactivate an admin, which ends their sessions', async () => {
    const tenant = await buildTenant(t.app);
    const res = await root.patch(`/api/admins/${tenant.admin.id}`, { isActive: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: tenant.admin.id, isActive: false });
    expectProblem(await tenant.as.admin.get('/api/auth/me'), 401, 'unauthenticated');
    expect(await sessionsOf(tenant.admin.id)).toBe(0);
    expectProblem(await new Client(t.app).post('/api/auth/login', { email: tenant.admin.email, password: PASSWORD }), 403, 'account_inactive');
    expect(await auditOf('user.deactivated', tenant.admin.id)).toHaveLength(1);
    // The rest of the hospital carries on.
    expect((await tenant.as.doctor.get('/api/auth/me')).status).toBe(200);
    // Only admins are reached through this route.
    const before = (await t.app.db.select().from(users).where(eq(users.id, tenant.doctor.id)))[0];
    expectProblem(await root.patch(`/api/admins/${tenant.doctor.id}`, { isActive: false }), 404, 'not_found');
    expect((await t.app.db.select().from(users).where(eq(users.id, tenant.doctor.id)))[0]).toEqual(before);
  });

  it('does not let a hospital admin create or change admins', async () => {
    const tenant = await buildTenant(t.app);
    const colleague = await buildUser(t.app, 'hospital_admin', tenant.hospital.id);
    const before = (await t.app.db.select({ n: count() }).from(users))[0]!.n;
    expectProblem(await tenant.as.admin.post(`/api/hospitals/${tenant.hospital.id}/admins`, newAccount()), 403, 'forbidden');
    expectProblem(await tenant.as.admin.patch(`/api/admins/${colleague.id}`, { isActive: false }), 403, 'forbidden');
    for (const client of [tenant.as.doctor, tenant.as.patient])
      expectProblem(await client.post(`/api/hospitals/${tenant.hospital.id}/admins`, newAccount()), 403, 'forbidden');
    expect((await t.app.db.select({ n: count() }).from(users))[0]!.n).toBe(before);
    expect((await t.app.db.select().from(users).where(eq(users.id, colleague.id)))[0]!.isActive).toBe(true);
    // It may see its own hospital's admins.
    const list = await tenant.as.admin.get(`/api/hospitals/${tenant.hospital.id}/admins`);
    expect(list.body.items.map((a: { id: string }) => a.id).sort()).toEqual([tenant.admin.id, colleague.id].sort());
  });
});
