import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, doctorProfiles, sessions, users } from '../../db/schema/index.js';
import { PASSWORD, buildHospital, buildSuperAdmin, buildTenant, buildUser, signIn } from '../../test/factories.js';
import { Client, useTestApp, type Response } from '../../test/harness.js';
import { multipartForm } from '../../test/multipart.js';

const t = useTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
type Tenant = Awaited<ReturnType<typeof buildTenant>>;
let A: Tenant;
let B: Tenant;
let root: Client;

beforeAll(async () => {
  [A, B] = await Promise.all([buildTenant(t.app), buildTenant(t.app)]);
  root = (await buildSuperAdmin(t.app)).client;
});

const unique = () => randomBytes(4).toString('hex');
const newDoctor = (over: Record<string, unknown> = {}) => ({
  email: `dr-${unique()}@clinic.test`,
  password: 'initial-password-1',
  firstName: 'Bishnu',
  lastName: 'Karki',
  phone: '+977 9841000000',
  licenseNumber: `NMC-${unique()}`,
  specialization: 'Neurology',
  experienceYears: 12,
  bio: 'Headaches and worse.',
  ...over,
});

function expectProblem(res: Response, status: number, code: string, path?: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toContain('application/problem+json');
  if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
}

const snapshot = async () => ({
  users: (await t.app.db.select({ n: count() }).from(users))[0]!.n,
  doctors: (await t.app.db.select({ n: count() }).from(doctorProfiles))[0]!.n,
  audit: (await t.app.db.select({ n: count() }).from(auditEvents))[0]!.n,
});
const doctorRow = async (id: string) => {
  const [row] = await t.app.db.select().from(doctorProfiles).innerJoin(users, eq(users.id, doctorProfiles.userId)).where(eq(users.id, id));
  return row;
};

// ---- a real PNG, made here: signature, IHDR, IDAT (zlib), IEND, each chunk with its CRC-32 ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
};
/** An RGB PNG; `noise` fills it with random pixels so it does not compress. */
function png(width: number, height: number, noise = false): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter method, no interlace
  const row = 1 + width * 3;
  const raw = noise ? randomBytes(row * height) : Buffer.alloc(row * height, 0x7f);
  for (let y = 0; y < height; y++) raw[y * row] = 0; // filter type: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: noise ? 0 : 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const upload = (client: Client, doctorId: string, data: Buffer, filename = 'me.png', type = 'image/png') => {
  const { payload, headers } = multipartForm([{ name: 'file', filename, type, data }]);
  return client.request('PUT', `/api/doctors/${doctorId}/picture`, payload, headers);
};
const bytesOf = (res: Response) => res.raw.rawPayload;

describe('creating a doctor', () => {
  it('creates the account and profile; the doctor signs in as that user and must change the password', async () => {
    const body = newDoctor({ email: `Dr.New-${unique()}@Clinic.TEST` });
    const res = await A.as.admin.post(`/api/hospitals/${A.hospital.id}/doctors`, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: body.email.toLowerCase(),
      role: 'doctor',
      hospitalId: A.hospital.id,
      firstName: 'Bishnu',
      lastName: 'Karki',
      phone: '+977 9841000000',
      isActive: true,
      mustChangePassword: true,
      licenseNumber: body.licenseNumber,
      specialization: 'Neurology',
      experienceYears: 12,
      bio: 'Headaches and worse.',
      isAvailable: true,
      pictureUrl: null,
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    const row = await doctorRow(res.body.id);
    expect(row?.doctor_profiles).toMatchObject({ hospitalId: A.hospital.id, licenseNumber: body.licenseNumber, experienceYears: 12 });
    const created = await t.app.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.created'), eq(auditEvents.entityId, res.body.id)));
    expect(created).toHaveLength(1);

    const doctor = await signIn(t.app, { email: body.email, password: body.password });
    const me = await doctor.get('/api/auth/me');
    expect(me.body).toMatchObject({ id: res.body.id, role: 'doctor', hospitalId: A.hospital.id, mustChangePassword: true });
    expectProblem(await doctor.get(`/api/doctors/${res.body.id}`), 403, 'password_change_required');
  });

  it('defaults bio and availability, and lets the super admin create doctors in any hospital', async () => {
    const { bio: _bio, ...body } = newDoctor();
    const res = await root.post(`/api/hospitals/${B.hospital.id}/doctors`, { ...body, isAvailable: false });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ hospitalId: B.hospital.id, bio: '', isAvailable: false });
  });

  it('refuses a taken licence or email with 409, and stores nothing', async () => {
    const first = await A.as.admin.post(`/api/hospitals/${A.hospital.id}/doctors`, newDoctor());
    expect(first.status).toBe(201);
    const before = await snapshot();

    const licence = await B.as.admin.post(`/api/hospitals/${B.hospital.id}/doctors`, newDoctor({ licenseNumber: first.body.licenseNumber }));
    expectProblem(licence, 409, 'license_taken', 'licenseNumber');
    const email = await A.as.admin.post(`/api/hospitals/${A.hospital.id}/doctors`, newDoctor({ email: first.body.email.toUpperCase() }));
    expectProblem(email, 409, 'email_taken', 'email');

    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const before = await snapshot();
    const cases: [Record<string, unknown>, string][] = [
      [newDoctor({ experienceYears: -1 }), 'experienceYears'],
      [newDoctor({ experienceYears: 81 }), 'experienceYears'],
      [newDoctor({ experienceYears: 2.5 }), 'experienceYears'],
      [newDoctor({ experienceYears: '5' }), 'experienceYears'],
      [newDoctor({ licenseNumber: 'X' }), 'licenseNumber'],
      [newDoctor({ specialization: '' }), 'specialization'],
      [newDoctor({ email: 'dr@' }), 'email'],
      [newDoctor({ password: 'short' }), 'password'],
      [newDoctor({ bio: 'x'.repeat(2001) }), 'bio'],
    ];
    for (const [body, path] of cases) expectProblem(await A.as.admin.post(`/api/hospitals/${A.hospital.id}/doctors`, body), 400, 'validation_failed', path);
    expect(await snapshot()).toEqual(before);
  });

  it("is for the hospital's admins only", async () => {
    const before = await snapshot();
    for (const client of [A.as.doctor, A.as.patient])
      expectProblem(await client.post(`/api/hospitals/${A.hospital.id}/doctors`, newDoctor()), 403, 'forbidden');
    expectProblem(await B.as.admin.post(`/api/hospitals/${A.hospital.id}/doctors`, newDoctor()), 404, 'not_found');
    expect(await snapshot()).toEqual(before);
  });
});

describe('listing and reading doctors', () => {
  it('filters by name, email and specialization, and counts the total', async () => {
    const hospital = await buildHospital(t.app);
    const admin = await signIn(t.app, await buildUser(t.app, 'hospital_admin', hospital.id));
    const make = async (over: Record<string, unknown>) => (await admin.post(`/api/hospitals/${hospital.id}/doctors`, newDoctor(over))).body;
    const neuro = await make({ firstName: 'Bishnu', lastName: 'Karki', specialization: 'Neurology' });
    const cardio = await make({ firstName: 'Gita', lastName: 'Karki', specialization: 'Cardiology' });
    const derm = await make({ firstName: 'Hari', lastName: 'Shrestha', specialization: 'Dermatology', email: `hari.skin-${unique()}@clinic.test` });
    const ids = (res: Response) => res.body.items.map((d: { id: string }) => d.id);

    const all = await admin.get(`/api/hospitals/${hospital.id}/doctors`);
    expect(all.body.total).toBe(3);
    expect(ids(all)).toEqual([neuro.id, cardio.id, derm.id]); // by last name, then first name

    const karki = await admin.get(`/api/hospitals/${hospital.id}/doctors?q=KARKI`);
    expect(karki.body.total).toBe(2);
    expect(ids(karki)).toEqual([neuro.id, cardio.id]);
    expect(ids(await admin.get(`/api/hospitals/${hospital.id}/doctors?q=${encodeURIComponent('gita karki')}`))).toEqual([cardio.id]);
    expect(ids(await admin.get(`/api/hospitals/${hospital.id}/doctors?q=hari.skin`))).toEqual([derm.id]);

    expect(ids(await admin.get(`/api/hospitals/${hospital.id}/doctors?specialization=cardiology`))).toEqual([cardio.id]);
    const both = await admin.get(`/api/hospitals/${hospital.id}/doctors?q=karki&specialization=Neurology`);
    expect(both.body).toMatchObject({ total: 1, items: [{ id: neuro.id }] });
    const page = await admin.get(`/api/hospitals/${hospital.id}/doctors?q=karki&limit=1&offset=1`);
    expect(page.body.total).toBe(2);
    expect(ids(page)).toEqual([cardio.id]);
    // The specialization is matched as written: LIKE wildcards are not wildcards.
    expect((await admin.get(`/api/hospitals/${hospital.id}/doctors?specialization=%25`)).body).toEqual({ items: [], total: 0 });
    expect((await admin.get(`/api/hospitals/${hospital.id}/doctors?specialization=Cardio_ogy`)).body).toEqual({ items: [], total: 0 });
    expect((await admin.get(`/api/hospitals/${hospital.id}/doctors?q=nobody`)).body).toEqual({ items: [], total: 0 });
  });

  it('shows patients and colleagues active doctors only; admins see deactivated ones too', async () => {
    const active = await buildUser(t.app, 'doctor', A.hospital.id);
    const gone = await buildUser(t.app, 'doctor', A.hospital.id);
    expect((await A.as.admin.patch(`/api/doctors/${gone.id}`, { isActive: false })).status).toBe(200);

    for (const client of [A.as.patient, A.as.doctor]) {
      const list = await client.get(`/api/hospitals/${A.hospital.id}/doctors?limit=200`);
      expect(list.status).toBe(200);
      const ids = list.body.items.map((d: { id: string }) => d.id);
      expect(ids).toContain(active.id);
      expect(ids).not.toContain(gone.id);
      expect(list.body.total).toBe(list.body.items.length);
      expect((await client.get(`/api/doctors/${active.id}`)).body).toMatchObject({ id: active.id, isAvailable: true });
      expectProblem(await client.get(`/api/doctors/${gone.id}`), 404, 'not_found');
    }
    for (const client of [A.as.admin, root]) {
      const list = await client.get(`/api/hospitals/${A.hospital.id}/doctors?limit=200`);
      expect(list.body.items.map((d: { id: string }) => d.id)).toContain(gone.id);
      expect((await client.get(`/api/doctors/${gone.id}`)).body).toMatchObject({ id: gone.id, isActive: false });
    }
    expectProblem(await B.as.patient.get(`/api/hospitals/${A.hospital.id}/doctors`), 404, 'not_found');
    expectProblem(await B.as.patient.get(`/api/doctors/${active.id}`), 404, 'not_found');
    expectProblem(await A.as.patient.get('/api/doctors/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expectProblem(await A.as.patient.get(`/api/doctors/${A.patient.id}`), 404, 'not_found');
  });

  it('gives patients and colleagues the public view; admins and the doctor themself the full record', async () => {
    const PRIVATE = ['email', 'phone', 'licenseNumber', 'mustChangePassword', 'lastLoginAt', 'isActive', 'createdAt'];
    const PUBLIC = ['id', 'hospitalId', 'role', 'firstName', 'lastName', 'specialization', 'experienceYears', 'bio', 'isAvailable', 'pictureUrl'];
    for (const client of [A.as.patient, A.as.doctor]) {
      const list = (await client.get(`/api/hospitals/${A.hospital.id}/doctors?limit=200`)).body.items as Record<string, unknown>[];
      const others = list.filter((d) => d.id !== A.doctor.id);
      expect(others.length).toBeGreaterThan(0);
      for (const d of others) expect(Object.keys(d).sort()).toEqual([...PUBLIC].sort());
      const one = (await client.get(`/api/doctors/${others[0]!.id}`)).body;
      for (const key of PRIVATE) expect(one).not.toHaveProperty(key);
      expect(one).toMatchObject({ id: others[0]!.id, role: 'doctor' });
    }
    expect((await A.as.doctor.get(`/api/doctors/${A.doctor.id}`)).body).toMatchObject({ email: A.doctor.email, isActive: true });
    for (const client of [A.as.admin, root]) {
      const one = (await client.get(`/api/doctors/${A.doctor.id}`)).body;
      for (const key of PRIVATE) expect(one).toHaveProperty(key);
    }
  });
});

describe('changing a doctor', () => {
  it('lets an admin change any field, and audits the field names only', async () => {
    const doctor = await buildUser(t.app, 'doctor', A.hospital.id);
    const patch = {
      firstName: 'Asha',
      lastName: 'Shah',
      phone: '+977 9800000002',
      licenseNumber: `NMC-${unique()}`,
      specialization: 'Paediatrics',
      experienceYears: 20,
      bio: 'Children first.',
      isAvailable: false,
    };
    const res = await A.as.admin.patch(`/api/doctors/${doctor.id}`, patch);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: doctor.id, ...patch, isActive: true });
    const row = await doctorRow(doctor.id);
    expect(row?.users).toMatchObject({ firstName: 'Asha', lastName: 'Shah', phone: '+977 9800000002' });
    expect(row?.doctor_profiles).toMatchObject({ licenseNumber: patch.licenseNumber, specialization: 'Paediatrics', experienceYears: 20, bio: 'Children first.', isAvailable: false });
    const [event] = await t.app.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'doctor.updated'), eq(auditEvents.entityId, doctor.id)));
    expect(event!.details).toEqual({ fields: ['bio', 'experienceYears', 'isAvailable', 'licenseNumber', 'specialization'] });
    expect(JSON.stringify(event!.details)).not.toContain('Children first.');

    const cleared = await A.as.admin.patch(`/api/doctors/${doctor.id}`, { phone: null });
    expect(cleared.body.phone).toBeNull();
  });

  it('refuses bad patches and a taken licence, and changes nothing', async () => {
    const doctor = await buildUser(t.app, 'doctor', A.hospital.id);
    const other = await buildUser(t.app, 'doctor', B.hospital.id);
    const otherLicence = (await doctorRow(other.id))!.doctor_profiles.licenseNumber;
    const before = await doctorRow(doctor.id);
    const beforeCounts = await snapshot();
    expectProblem(await A.as.admin.patch(`/api/doctors/${doctor.id}`, {}), 400, 'validation_failed');
    for (const experienceYears of [-1, 81, 2.5])
      expectProblem(await A.as.admin.patch(`/api/doctors/${doctor.id}`, { experienceYears }), 400, 'validation_failed', 'experienceYears');
    expectProblem(await A.as.admin.patch(`/api/doctors/${doctor.id}`, { isAvailable: 'yes' }), 400, 'validation_failed', 'isAvailable');
    expectProblem(await A.as.admin.patch(`/api/doctors/${doctor.id}`, { bio: 'new', licenseNumber: otherLicence }), 409, 'license_taken', 'licenseNumber');
    expect(await doctorRow(doctor.id)).toEqual(before);
    expect(await snapshot()).toEqual(beforeCounts);
  });

  it('lets a doctor change their own bio, phone and availability, and nothing else', async () => {
    const me = await buildUser(t.app, 'doctor', A.hospital.id);
    const colleague = await buildUser(t.app, 'doctor', A.hospital.id);
    const client = await signIn(t.app, me);
    const res = await client.patch(`/api/doctors/${me.id}`, { bio: 'Evening clinic on Fridays.', phone: '+977 9800000003', isAvailable: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ bio: 'Evening clinic on Fridays.', phone: '+977 9800000003', isAvailable: false });
    expect((await doctorRow(me.id))?.doctor_profiles).toMatchObject({ bio: 'Evening clinic on Fridays.', isAvailable: false });

    const before = await doctorRow(me.id);
    const colleagueBefore = await doctorRow(colleague.id);
    for (const body of [{ licenseNumber: 'FAKE-123' }, { specialization: 'Surgery' }, { isActive: false }, { experienceYears: 40 }, { bio: 'ok', specialization: 'Surgery' }])
      expectProblem(await client.patch(`/api/doctors/${me.id}`, body), 403, 'forbidden');
    expectProblem(await client.patch(`/api/doctors/${colleague.id}`, { bio: 'I wrote this' }), 403, 'forbidden');
    expectProblem(await A.as.patient.patch(`/api/doctors/${me.id}`, { bio: 'Patients write this' }), 403, 'forbidden');
    expectProblem(await B.as.admin.patch(`/api/doctors/${me.id}`, { bio: 'Other hospital' }), 404, 'not_found');
    expect(await doctorRow(me.id)).toEqual(before);
    expect(await doctorRow(colleague.id)).toEqual(colleagueBefore);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('ends the sessions of a deactivated doctor and refuses their sign-in', async () => {
    const doctor = await buildUser(t.app, 'doctor', A.hospital.id);
    const laptop = await signIn(t.app, doctor);
    const phone = await signIn(t.app, doctor);
    const res = await A.as.admin.patch(`/api/doctors/${doctor.id}`, { isActive: false });
    expect(res.status).toBe(200);
    expect(res.body.isActive).toBe(false);
    expect(await t.app.db.select().from(sessions).where(eq(sessions.userId, doctor.id))).toHaveLength(0);
    expectProblem(await laptop.get('/api/auth/me'), 401, 'unauthenticated');
    expectProblem(await phone.patch(`/api/doctors/${doctor.id}`, { bio: 'still here?' }), 401, 'unauthenticated');
    expectProblem(await new Client(t.app).post('/api/auth/login', { email: doctor.email, password: PASSWORD }), 403, 'account_inactive');
    expect((await A.as.admin.patch(`/api/doctors/${doctor.id}`, { isActive: true })).body.isActive).toBe(true);
    expect((await (await signIn(t.app, doctor)).get('/api/auth/me')).status).toBe(200);
  });
});

describe('profile picture', () => {
  const storedFile = async (doctorId: string) => (await doctorRow(doctorId))!.doctor_profiles.pictureFile;
  const onDisk = (name: string) => existsSync(join(t.config.uploadsDir, 'pictures', name));

  it('stores a real PNG and serves it back with its type and nosniff', async () => {
    const doctor = await buildUser(t.app, 'doctor', A.hospital.id);
    const image = png(4, 3);
    const res = await upload(A.as.admin, doctor.id, image);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(doctor.id);
    expect(res.body.pictureUrl).toMatch(new RegExp(`^/api/doctors/${doctor.id}/picture\\?v=[A-Za-z0-9_-]+$`));
    expect((await A.as.patient.get(`/api/doctors/${doctor.id}`)).body.pictureUrl).toBe(res.body.pictureUrl);
    const [event] = await t.app.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'doctor.picture_changed'), eq(auditEvents.entityId, doctor.id)));
    expect(event).toBeDefined();

    for (const client of [A.as.patient, A.as.doctor, A.as.admin]) {
      const pic = await client.get(res.body.pictureUrl);
      expect(pic.status).toBe(200);
      expect(pic.headers['content-type']).toBe('image/png');
      expect(pic.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(bytesOf(pic), image)).toBe(0);
    }
    expectProblem(await B.as.patient.get(res.body.pictureUrl), 404, 'not_found');
    expectProblem(await new Client(t.app).get(res.body.pictureUrl), 401, 'unauthenticated');
  });

  it('lets the doctor replace their own picture; the old file is removed', async () => {
    const doctor = await buildUser(t.app, 'doctor', A.hospital.id);
    const client = await signIn(t.app, doctor);
    const first = await upload(client, doctor.id, png(2, 2));
    expect(first.status).toBe(200);
    const firstFile = (await storedFile(doctor.id))!;
    expect(onDisk(firstFile)).toBe(true);

    const second = png(5, 5);
    const res = await upload(client, doctor.id, second, 'holiday photo.PNG', 'application/octet-stream');
    expect(res.status).toBe(200);
    expect(res.body.pictureUrl).not.toBe(first.body.pictureUrl);
    expect(onDisk(firstFile)).toBe(false);
    expect(Buffer.compare(bytesOf(await client.get(res.body.pictureUrl)), second)).toBe(0);
    // A colleague may not change it.
    const colleague = await signIn(t.app, await buildUser(t.app, 'doctor', A.hospital.id));
    expectProblem(await upload(colleague, doctor.id, png(1, 1)), 403, 'forbidden');
    expectProblem(await colleague.delete(`/api/doctors/${doctor.id}/picture`), 403, 'forbidden');
    expectProblem(await upload(A.as.patient, doctor.id, png(1, 1)), 403, 'forbidden');
    expect((await A.as.admin.get(`/api/doctors/${doctor.id}`)).body.pictureUrl).toBe(res.body.pictureUrl);
  });

  it('accepts a picture bigger than the 1 MB JSON body limit but within 2 MB', async () => {
    const doctor = await buildUser(t.app, 'doctor', A.hospital.id);
    const image = png(700, 700, true); // ~1.47 MB of incompressible pixels
    expect(image.length).toBeGreaterThan(1024 * 1024);
    expect(image.length).toBeLessThan(2 * 1024 * 1024);
    const res = await upload(A.as.admin, doctor.id, image);
    expect(res.status).toBe(200);
    expect(Buffer.compare(bytesOf(await A.as.admin.get(res.body.pictureUrl)), image)).toBe(0);
  });

  it('refuses what is not a PNG, JPEG or WebP, too large, or not multipart, and keeps the picture', async () => {
    const doctor = await buildUser(t.app, 'doctor', A.hospital.id);
    const image = png(3, 3);
    const { body } = await upload(A.as.admin, doctor.id, image);
    const file = await storedFile(doctor.id);
    const before = await snapshot();

    expectProblem(await upload(A.as.admin, doctor.id, Buffer.from('just some text, honestly'), 'x.png', 'image/png'), 415, 'unsupported_media_type');
    expectProblem(await upload(A.as.admin, doctor.id, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'x.gif', 'image/gif'), 415, 'unsupported_media_type');
    expectProblem(await upload(A.as.admin, doctor.id, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.png', 'image/png'), 415, 'unsupported_media_type');

    const huge = Buffer.concat([png(1, 1), Buffer.alloc(2 * 1024 * 1024 + 1, 0)]);
    expectProblem(await upload(A.as.admin, doctor.id, huge), 413, 'payload_too_large');

    expectProblem(await A.as.admin.put(`/api/doctors/${doctor.id}/picture`, { file: image.toString('base64') }), 415, 'unsupported_media_type');
    expectProblem(await A.as.admin.request('PUT', `/api/doctors/${doctor.id}/picture`, image, { 'content-type': 'image/png' }), 415, 'unsupported_media_type');

    const noFile = multipartForm([{ name: 'note', data: 'no picture here' }]);
    expectProblem(await A.as.admin.request('PUT', `/api/doctors/${doctor.id}/picture`, noFile.payload, noFile.headers), 400, 'validation_failed', 'file');

    expectProblem(await upload(B.as.admin, doctor.id, png(1, 1)), 404, 'not_found');
    expectProblem(await B.as.admin.delete(`/api/doctors/${doctor.id}/picture`), 404, 'not_found');

    expect((await A.as.admin.get(`/api/doctors/${doctor.id}`)).body.pictureUrl).toBe(body.pictureUrl);
    expect(await storedFile(doctor.id)).toBe(file);
    expect(Buffer.compare(bytesOf(await A.as.admin.get(body.pictureUrl)), image)).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('deletes the picture: the URL then answers 404 and the file is gone', async () => {
    const doctor = await buildUser(t.app, 'doctor', A.hospital.id);
    const { body } = await upload(A.as.admin, doctor.id, png(2, 2));
    const file = (await storedFile(doctor.id))!;
    const res = await A.as.admin.delete(`/api/doctors/${doctor.id}/picture`);
    expect(res.status).toBe(200);
    expect(res.body.pictureUrl).toBeNull();
    expect(await storedFile(doctor.id)).toBeNull();
    expect(onDisk(file)).toBe(false);
    expectProblem(await A.as.patient.get(body.pictureUrl), 404, 'not_found');
    expectProblem(await A.as.patient.get(`/api/doctors/${doctor.id}/picture`), 404, 'not_found');
    const [event] = await t.app.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'doctor.picture_removed'), eq(auditEvents.entityId, doctor.id)));
    expect(event).toBeDefined();
  });

  it("hides a deactivated doctor's picture from patients", async () => {
    const doctor = await buildUser(t.app, 'doctor', A.hospital.id);
    const { body } = await upload(A.as.admin, doctor.id, png(2, 2));
    await A.as.admin.patch(`/api/doctors/${doctor.id}`, { isActive: false });
    expectProblem(await A.as.patient.get(body.pictureUrl), 404, 'not_found');
    expect((await A.as.admin.get(body.pictureUrl)).status).toBe(200);
  });
});
