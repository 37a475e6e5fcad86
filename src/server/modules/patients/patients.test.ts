import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { appointments, auditEvents, patientProfiles, sessions, users } from '../../db/schema/index.js';
import { PASSWORD, type Tenant, accountBody, buildHospital, buildSuperAdmin, buildTenant, buildTwoHospitals, buildUser, signIn, unique } from '../../test/factories.js';
import { Client, useTestApp, type Response } from '../../test/harness.js';
import { expectProblem } from '../../test/problems.js';
import { expectFieldsRefused, expectOnlyAdminsCreate } from '../../test/refusals.js';

const t = useTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
let A: Tenant;
let B: Tenant;
let root: Client;

beforeAll(async () => {
  ({ A, B, root } = await buildTwoHospitals(t.app));
});

const newPatient = (over: Record<string, unknown> = {}) =>
  accountBody('patient', ['Sita', 'Rai'], {
    phone: '+977 9812345678',
    medicalHistory: 'Type 2 diabetes since 2015.',
    allergies: 'Sulfa drugs',
    emergencyContact: 'Ram Rai, +977 9800000000',
    bloodType: 'AB-',
    dateOfBirth: '1984-02-29',
    ...over,
  });


const snapshot = async () => ({
  users: (await t.app.db.select({ n: count() }).from(users))[0]!.n,
  patients: (await t.app.db.select({ n: count() }).from(patientProfiles))[0]!.n,
  audit: (await t.app.db.select({ n: count() }).from(auditEvents))[0]!.n,
});
const patientRow = async (id: string) => {
  const [row] = await t.app.db.select().from(patientProfiles).innerJoin(users, eq(users.id, patientProfiles.userId)).where(eq(users.id, id));
  return row;
};
const eventsOf = (action: string, entityId: string) =>
  t.app.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId))).orderBy(auditEvents.id);

describe('creating a patient', () => {
  it('lets an admin create a patient with a medical profile', async () => {
    const body = newPatient({ email: `Sita.Rai-${unique()}@People.TEST` });
    const res = await A.as.admin.post(`/api/hospitals/${A.hospital.id}/patients`, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: body.email.toLowerCase(),
      role: 'patient',
      hospitalId: A.hospital.id,
      firstName: 'Sita',
      lastName: 'Rai',
      isActive: true,
      mustChangePassword: true,
      medicalHistory: 'Type 2 diabetes since 2015.',
      allergies: 'Sulfa drugs',
      emergencyContact: 'Ram Rai, +977 9800000000',
      bloodType: 'AB-',
      dateOfBirth: '1984-02-29',
    });
    const row = await patientRow(res.body.id);
    expect(row?.patient_profiles).toMatchObject({ hospitalId: A.hospital.id, bloodType: 'AB-', dateOfBirth: '1984-02-29', allergies: 'Sulfa drugs' });
    expect(await eventsOf('user.created', res.body.id)).toHaveLength(1);

    const patient = await signIn(t.app, body);
    expect((await patient.get('/api/auth/me')).body).toMatchObject({ id: res.body.id, mustChangePassword: true });
  });

  it('creates a patient with only the account fields; the profile starts empty', async () => {
    const { medicalHistory, allergies, emergencyContact, bloodType, dateOfBirth, ...account } = newPatient();
    const res = await root.post(`/api/hospitals/${B.hospital.id}/patients`, account);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ hospitalId: B.hospital.id, medicalHistory: '', allergies: '', emergencyContact: '', bloodType: null, dateOfBirth: null });
  });

  it('refuses a bad blood type or date, a taken email, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [newPatient({ bloodType: 'C+' }), 'bloodType'],
      [newPatient({ bloodType: 'ab-' }), 'bloodType'],
      [newPatient({ bloodType: '' }), 'bloodType'],
      [newPatient({ dateOfBirth: '1990-02-30' }), 'dateOfBirth'],
      [newPatient({ dateOfBirth: '1985-02-29' }), 'dateOfBirth'],
      [newPatient({ dateOfBirth: '17/05/1990' }), 'dateOfBirth'],
      [newPatient({ dateOfBirth: '1990-05-17T00:00:00Z' }), 'dateOfBirth'],
      [newPatient({ emergencyContact: 'x'.repeat(301) }), 'emergencyContact'],
      [newPatient({ email: 'nope' }), 'email'],
      [newPatient({ firstName: '' }), 'firstName'],
    ];
    await expectFieldsRefused(A.as.admin, `/api/hospitals/${A.hospital.id}/patients`, cases, snapshot);
    const before = await snapshot();
    expectProblem(await A.as.admin.post(`/api/hospitals/${A.hospital.id}/patients`, newPatient({ email: A.patient.email })), 409, 'email_taken', 'email');
    expect(await snapshot()).toEqual(before);
  });

  it("is for the hospital's admins only", () => expectOnlyAdminsCreate(A, B, (id) => `/api/hospitals/${id}/patients`, newPatient, snapshot));
});

describe('listing patients', () => {
  it('lists the hospital’s patients to its admins, searchable by name and email', async () => {
    const hospital = await buildHospital(t.app);
    const admin = await signIn(t.app, await buildUser(t.app, 'hospital_admin', hospital.id));
    const make = async (over: Record<string, unknown>) => (await admin.post(`/api/hospitals/${hospital.id}/patients`, newPatient(over))).body;
    const a = await make({ firstName: 'Anita', lastName: 'Tamang' });
    const b = await make({ firstName: 'Bimal', lastName: 'Tamang', email: `bimal-${unique()}@people.test` });
    const c = await make({ firstName: 'Chandra', lastName: 'Yadav' });
    const ids = (res: Response) => res.body.items.map((p: { id: string }) => p.id);

    const all = await admin.get(`/api/hospitals/${hospital.id}/patients`);
    expect(all.body.total).toBe(3);
    expect(ids(all)).toEqual([a.id, b.id, c.id]);
    const tamang = await admin.get(`/api/hospitals/${hospital.id}/patients?q=tamang`);
    expect(tamang.body.total).toBe(2);
    expect(ids(tamang)).toEqual([a.id, b.id]);
    expect(ids(await admin.get(`/api/hospitals/${hospital.id}/patients?q=${encodeURIComponent('Chandra Y')}`))).toEqual([c.id]);
    expect(ids(await admin.get(`/api/hospitals/${hospital.id}/patients?q=bimal-`))).toEqual([b.id]);
    expect((await admin.get(`/api/hospitals/${hospital.id}/patients?q=tamang&limit=1`)).body).toMatchObject({ total: 2, items: [{ id: a.id }] });
    expect((await admin.get(`/api/hospitals/${hospital.id}/patients?q=tamang&limit=1&offset=1`)).body).toMatchObject({ total: 2, items: [{ id: b.id }] });
    expect((await admin.get(`/api/hospitals/${hospital.id}/patients?q=tamang&offset=5`)).body).toEqual({ total: 2, items: [] });
    expect((await admin.get(`/api/hospitals/${hospital.id}/patients?q=%25`)).body).toEqual({ items: [], total: 0 });
    // Shorter than a trigram: no index helps, the answer is the same.
    expect(ids(await admin.get(`/api/hospitals/${hospital.id}/patients?q=ta`))).toEqual([a.id, b.id]);
    // A query matches within the name or within the email, never from one into the other.
    expect(ids(await admin.get(`/api/hospitals/${hospital.id}/patients?q=${encodeURIComponent('TAMANG bimal-')}`))).toEqual([]);
    // Found by what they are called now.
    expect((await admin.patch(`/api/patients/${c.id}`, { lastName: 'Shrestha' })).status).toBe(200);
    expect(ids(await admin.get(`/api/hospitals/${hospital.id}/patients?q=${encodeURIComponent('SHREST')}`))).toEqual([c.id]);
    expect(ids(await admin.get(`/api/hospitals/${hospital.id}/patients?q=yadav`))).toEqual([]);
    expect(ids(await root.get(`/api/hospitals/${hospital.id}/patients`))).toEqual([c.id, a.id, b.id]);
    // Namesakes keep one order from page to page: each comes once.
    const twins = await Promise.all([1, 2, 3].map(() => make({ firstName: 'Sita', lastName: 'Rai' })));
    const pages = await Promise.all([0, 1, 2].map(async (offset) => (await admin.get(`/api/hospitals/${hospital.id}/patients?q=sita%20rai&limit=1&offset=${offset}`)).body));
    expect(pages.map((p) => p.total)).toEqual([3, 3, 3]);
    expect(pages.flatMap((p) => p.items.map((x: { id: string }) => x.id)).sort()).toEqual(twins.map((x) => x.id).sort());

    expectProblem(await A.as.admin.get(`/api/hospitals/${hospital.id}/patients`), 404, 'not_found');
    for (const client of [A.as.doctor, A.as.patient]) expectProblem(await client.get(`/api/hospitals/${A.hospital.id}/patients`), 403, 'forbidden');
  });
});

describe('a patient and their own record', () => {
  it('reads and changes their own profile; the audit trail holds field names, not values', async () => {
    const me = await buildUser(t.app, 'patient', A.hospital.id);
    const client = await signIn(t.app, me);
    const read = await client.get(`/api/patients/${me.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: me.id, allergies: 'Penicillin', bloodType: null });
    expect(await eventsOf('patient.viewed', me.id)).toHaveLength(0);

    const patch = {
      medicalHistory: 'Appendectomy 2010; asthma.',
      allergies: 'Penicillin, peanuts',
      emergencyContact: 'Gita Thapa +977 9811111111',
      bloodType: 'O+',
      dateOfBirth: '1992-11-03',
    };
    const res = await client.patch(`/api/patients/${me.id}`, patch);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(patch);
    expect((await patientRow(me.id))?.patient_profiles).toMatchObject(patch);

    const [event] = await eventsOf('patient.updated', me.id);
    expect(event).toMatchObject({ actorId: me.id, hospitalId: A.hospital.id, entityType: 'user' });
    expect(event!.details).toEqual({ fields: ['allergies', 'bloodType', 'dateOfBirth', 'emergencyContact', 'medicalHistory'] });
    const stored = JSON.stringify({ ...event, id: String(event!.id) });
    for (const value of Object.values(patch)) expect(stored).not.toContain(value);

    const cleared = await client.patch(`/api/patients/${me.id}`, { bloodType: null, dateOfBirth: null });
    expect(cleared.body).toMatchObject({ bloodType: null, dateOfBirth: null });
  });

  it('cannot (de)activate itself, touch another patient, or send bad values', async () => {
    const me = await buildUser(t.app, 'patient', A.hospital.id);
    const neighbour = await buildUser(t.app, 'patient', A.hospital.id);
    const client = await signIn(t.app, me);
    const mine = await patientRow(me.id);
    const theirs = await patientRow(neighbour.id);
    const before = await snapshot();

    expectProblem(await client.patch(`/api/patients/${me.id}`, { isActive: false }), 403, 'forbidden');
    expectProblem(await client.patch(`/api/patients/${me.id}`, { isActive: true, allergies: 'none' }), 403, 'forbidden');
    expectProblem(await client.patch(`/api/patients/${neighbour.id}`, { allergies: 'changed by a stranger' }), 404, 'not_found');
    expectProblem(await client.get(`/api/patients/${neighbour.id}`), 404, 'not_found');
    expectProblem(await client.get(`/api/patients/${B.patient.id}`), 404, 'not_found');
    expectProblem(await client.patch(`/api/patients/${me.id}`, { bloodType: 'Z+' }), 400, 'validation_failed', 'bloodType');
    expectProblem(await client.patch(`/api/patients/${me.id}`, { dateOfBirth: '2001-13-01' }), 400, 'validation_failed', 'dateOfBirth');
    expectProblem(await client.patch(`/api/patients/${me.id}`, {}), 400, 'validation_failed');

    expect(await patientRow(me.id)).toEqual(mine);
    expect(await patientRow(neighbour.id)).toEqual(theirs);
    expect(await snapshot()).toEqual(before);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });
});

describe('a doctor and patient records', () => {
  it('sees a patient only once they share an appointment, and never changes the record', async () => {
    const patient = await buildUser(t.app, 'patient', A.hospital.id);
    const other = await buildUser(t.app, 'patient', A.hospital.id);
    expectProblem(await A.as.doctor.get(`/api/patients/${patient.id}`), 404, 'not_found');

    const startsAt = new Date(t.clock.now().getTime() + 86_400_000);
    await t.app.db.insert(appointments).values({
      hospitalId: A.hospital.id,
      patientId: patient.id,
      doctorId: A.doctor.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    });

    const res = await A.as.doctor.get(`/api/patients/${patient.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: patient.id, allergies: 'Penicillin' });
    const [viewed] = await eventsOf('patient.viewed', patient.id);
    expect(viewed).toMatchObject({ actorId: A.doctor.id, hospitalId: A.hospital.id });
    // The appointment opens this patient's record, not every patient's.
    expectProblem(await A.as.doctor.get(`/api/patients/${other.id}`), 404, 'not_found');
    // Nor does it open the record to the doctor's colleagues.
    const colleague = await signIn(t.app, await buildUser(t.app, 'doctor', A.hospital.id));
    expectProblem(await colleague.get(`/api/patients/${patient.id}`), 404, 'not_found');

    const before = await patientRow(patient.id);
    expectProblem(await A.as.doctor.patch(`/api/patients/${patient.id}`, { medicalHistory: 'written by the doctor' }), 403, 'forbidden');
    expect(await patientRow(patient.id)).toEqual(before);
  });
});

describe('an admin and patient records', () => {
  it('leaves a patient.viewed event for every read', async () => {
    const patient = await buildUser(t.app, 'patient', A.hospital.id);
    const admin = await t.app.db.select().from(users).where(eq(users.id, A.admin.id));
    expect((await A.as.admin.get(`/api/patients/${patient.id}`)).status).toBe(200);
    expect((await A.as.admin.get(`/api/patients/${patient.id}`)).status).toBe(200);
    const events = await eventsOf('patient.viewed', patient.id);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorId: A.admin.id, actorEmail: admin[0]!.email, hospitalId: A.hospital.id, entityType: 'user', ip: '127.0.0.1' });
    expectProblem(await B.as.admin.get(`/api/patients/${patient.id}`), 404, 'not_found');
    expect(await eventsOf('patient.viewed', patient.id)).toHaveLength(2);
  });

  it('records reads made at the same moment each as it was made, from wherever it came', async () => {
    // Reads of the same turn are written by one statement: each keeps its own reader, record and browser.
    const patients = await Promise.all([1, 2, 3].map(() => buildUser(t.app, 'patient', A.hospital.id)));
    const agents = ['Mozilla/5.0 "Pixel 8"', 'curl/8.0 \\ {"a":null}', 'नेपाली ब्राउजर 🩺'];
    const reads = await Promise.all(patients.map((p, i) => A.as.admin.request('GET', `/api/patients/${p.id}`, undefined, { 'user-agent': agents[i]! })));
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const [i, p] of patients.entries())
      expect(await eventsOf('patient.viewed', p.id)).toMatchObject([{ actorId: A.admin.id, hospitalId: A.hospital.id, entityType: 'user', entityId: p.id, ip: '127.0.0.1', userAgent: agents[i], details: {} }]);
  });

  it('changes any field, and deactivating a patient ends their sessions', async () => {
    const patient = await buildUser(t.app, 'patient', A.hospital.id);
    const client = await signIn(t.app, patient);
    const res = await A.as.admin.patch(`/api/patients/${patient.id}`, { lastName: 'Magar', allergies: 'Latex', bloodType: 'B-' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lastName: 'Magar', allergies: 'Latex', bloodType: 'B-' });
    const [updated] = await eventsOf('patient.updated', patient.id);
    expect(updated!.details).toEqual({ fields: ['allergies', 'bloodType'] });
    expect(JSON.stringify({ ...updated, id: String(updated!.id) })).not.toContain('Latex');
    const [account] = await eventsOf('user.updated', patient.id);
    expect(account!.details).toEqual({ fields: ['lastName'] });

    expectProblem(await B.as.admin.patch(`/api/patients/${patient.id}`, { allergies: 'none' }), 404, 'not_found');
    expect((await patientRow(patient.id))?.patient_profiles.allergies).toBe('Latex');

    const off = await A.as.admin.patch(`/api/patients/${patient.id}`, { isActive: false });
    expect(off.body.isActive).toBe(false);
    expect(await t.app.db.select().from(sessions).where(eq(sessions.userId, patient.id))).toHaveLength(0);
    expectProblem(await client.get('/api/auth/me'), 401, 'unauthenticated');
    expectProblem(await new Client(t.app).post('/api/auth/login', { email: patient.email, password: PASSWORD }), 403, 'account_inactive');
  });
});
