import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, appointments, availabilityWindows, chatMessages, doctorProfiles, hospitals, mailPreferences, notifications, outgoingMail, patientProfiles, payments, refunds, users, userTwoFactor } from './db/schema/index.js';
import { type Tenant, buildSuperAdmin, buildTenant } from './test/factories.js';
import { Client, useTestApp } from './test/harness.js';
import { TINY_PNG, multipartFile } from './test/multipart.js';
import { allWeek, slotsOf } from './test/appointments.js';
import { enrolTwoFactor } from './test/mail.js';
import { APPOINTMENT_ACTIONS, ActionBodies } from '../contracts/appointments.js';

/**
 * The tenant-isolation suite. Hospital A's people try every route against hospital B's records:
 * each attempt is refused (404 for B's records, 403 where their role may never act), B's data is
 * unchanged, and lists never show B. Every route the API documents must appear here.
 */
const t = useTestApp();
let A: Tenant;
let B: Tenant;
let root: Client;
let appointmentB: string;
let notificationB: string;
let slotB: string;
let messageB: string;
let paymentB: string;

type Role = 'admin' | 'doctor' | 'patient';
interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  route: string;
  url: () => string;
  body?: () => unknown;
  multipart?: boolean;
  /** What each of A's people gets. */
  expect: Record<Role, 403 | 404>;
}

const newAccount = () => ({ email: `x${Math.random().toString(36).slice(2)}@a.test`, password: 'long-enough-pw', firstName: 'X', lastName: 'Y' });
const all404 = { admin: 404, doctor: 404, patient: 404 } as const;
const adminOnly404 = { admin: 404, doctor: 403, patient: 403 } as const;

const cases: Case[] = [
  { method: 'GET', route: '/api/hospitals/{hospitalId}', url: () => `/api/hospitals/${B.hospital.id}`, expect: all404 },
  { method: 'PATCH', route: '/api/hospitals/{hospitalId}', url: () => `/api/hospitals/${B.hospital.id}`, body: () => ({ phone: '+977 9800000000' }), expect: adminOnly404 },
  { method: 'GET', route: '/api/hospitals/{hospitalId}/admins', url: () => `/api/hospitals/${B.hospital.id}/admins`, expect: adminOnly404 },
  { method: 'POST', route: '/api/hospitals/{hospitalId}/admins', url: () => `/api/hospitals/${B.hospital.id}/admins`, body: newAccount, expect: { admin: 403, doctor: 403, patient: 403 } },
  { method: 'PATCH', route: '/api/admins/{adminId}', url: () => `/api/admins/${B.admin.id}`, body: () => ({ isActive: false }), expect: adminOnly404 },
  { method: 'GET', route: '/api/hospitals/{hospitalId}/specializations', url: () => `/api/hospitals/${B.hospital.id}/specializations`, expect: all404 },
  { method: 'GET', route: '/api/hospitals/{hospitalId}/doctors', url: () => `/api/hospitals/${B.hospital.id}/doctors`, expect: all404 },
  {
    method: 'POST', route: '/api/hospitals/{hospitalId}/doctors', url: () => `/api/hospitals/${B.hospital.id}/doctors`,
    body: () => ({ ...newAccount(), licenseNumber: `L-${Math.random()}`, specialization: 'Cardiology', experienceYears: 3 }), expect: adminOnly404,
  },
  { method: 'GET', route: '/api/doctors/{doctorId}', url: () => `/api/doctors/${B.doctor.id}`, expect: all404 },
  { method: 'PATCH', route: '/api/doctors/{doctorId}', url: () => `/api/doctors/${B.doctor.id}`, body: () => ({ bio: 'hijacked' }), expect: { admin: 404, doctor: 404, patient: 403 } },
  { method: 'PUT', route: '/api/doctors/{doctorId}/picture', url: () => `/api/doctors/${B.doctor.id}/picture`, multipart: true, expect: { admin: 404, doctor: 404, patient: 403 } },
  { method: 'DELETE', route: '/api/doctors/{doctorId}/picture', url: () => `/api/doctors/${B.doctor.id}/picture`, expect: { admin: 404, doctor: 404, patient: 403 } },
  { method: 'GET', route: '/api/doctors/{doctorId}/picture', url: () => `/api/doctors/${B.doctor.id}/picture`, expect: all404 },
  { method: 'GET', route: '/api/hospitals/{hospitalId}/patients', url: () => `/api/hospitals/${B.hospital.id}/patients`, expect: adminOnly404 },
  { method: 'POST', route: '/api/hospitals/{hospitalId}/patients', url: () => `/api/hospitals/${B.hospital.id}/patients`, body: newAccount, expect: adminOnly404 },
  { method: 'GET', route: '/api/patients/{patientId}', url: () => `/api/patients/${B.patient.id}`, expect: all404 },
  { method: 'PATCH', route: '/api/patients/{patientId}', url: () => `/api/patients/${B.patient.id}`, body: () => ({ allergies: 'hijacked' }), expect: { admin: 404, doctor: 403, patient: 404 } },
  { method: 'GET', route: '/api/doctors/{doctorId}/availability', url: () => `/api/doctors/${B.doctor.id}/availability`, expect: all404 },
  { method: 'PUT', route: '/api/doctors/{doctorId}/availability', url: () => `/api/doctors/${B.doctor.id}/availability`, body: () => allWeek(15), expect: { admin: 404, doctor: 404, patient: 403 } },
  { method: 'GET', route: '/api/doctors/{doctorId}/slots', url: () => `/api/doctors/${B.doctor.id}/slots?from=2030-01-01&to=2030-01-02`, expect: all404 },
  { method: 'POST', route: '/api/appointments', url: () => '/api/appointments', body: () => ({ doctorId: B.doctor.id, startsAt: slotB, symptoms: 'Cough' }), expect: { admin: 403, doctor: 403, patient: 404 } },
  { method: 'GET', route: '/api/appointments/{appointmentId}', url: () => `/api/appointments/${appointmentB}`, expect: all404 },
  { method: 'GET', route: '/api/appointments/{appointmentId}/calendar.ics', url: () => `/api/appointments/${appointmentB}/calendar.ics`, expect: all404 },
  ...APPOINTMENT_ACTIONS.map((action): Case => ({
    method: 'POST', route: `/api/appointments/{appointmentId}/${action}`, url: () => `/api/appointments/${appointmentB}/${action}`,
    // A hospital's admin may cancel: another hospital's appointment is then not found.
    body: () => validBody[action], expect: { admin: action === 'cancel' ? 404 : 403, doctor: 404, patient: 404 },
  })),
  { method: 'GET', route: '/api/appointments/{appointmentId}/messages', url: () => `/api/appointments/${appointmentB}/messages`, expect: all404 },
  { method: 'POST', route: '/api/appointments/{appointmentId}/messages', url: () => `/api/appointments/${appointmentB}/messages`, body: () => ({ text: 'hello' }), expect: { admin: 403, doctor: 404, patient: 404 } },
  { method: 'POST', route: '/api/appointments/{appointmentId}/messages/read', url: () => `/api/appointments/${appointmentB}/messages/read`, body: () => ({ upToSeq: 100 }), expect: { admin: 403, doctor: 404, patient: 404 } },
  { method: 'GET', route: '/api/appointments/{appointmentId}/messages/{messageId}/attachment', url: () => `/api/appointments/${appointmentB}/messages/${messageB}/attachment`, expect: all404 },
  { method: 'POST', route: '/api/notifications/{notificationId}/read', url: () => `/api/notifications/${notificationB}/read`, expect: all404 },
  { method: 'POST', route: '/api/appointments/{appointmentId}/video-call/token', url: () => `/api/appointments/${appointmentB}/video-call/token`, expect: { admin: 403, doctor: 404, patient: 404 } },
  { method: 'POST', route: '/api/appointments/{appointmentId}/payments', url: () => `/api/appointments/${appointmentB}/payments`, expect: { admin: 403, doctor: 403, patient: 404 } },
  { method: 'GET', route: '/api/appointments/{appointmentId}/payments', url: () => `/api/appointments/${appointmentB}/payments`, expect: { admin: 404, doctor: 403, patient: 404 } },
  { method: 'POST', route: '/api/appointments/{appointmentId}/payments/desk', url: () => `/api/appointments/${appointmentB}/payments/desk`, body: () => ({ amount: 50_000 }), expect: { admin: 404, doctor: 403, patient: 403 } },
  { method: 'GET', route: '/api/payments/{paymentId}', url: () => `/api/payments/${paymentB}`, expect: { admin: 404, doctor: 403, patient: 404 } },
  // B's doctor has a second factor: A's admin cannot reset it (it is not theirs to see), nor can anyone else.
  { method: 'DELETE', route: '/api/users/{userId}/two-factor', url: () => `/api/users/${B.doctor.id}/two-factor`, expect: adminOnly404 },
];

const validBody: Record<(typeof APPOINTMENT_ACTIONS)[number], unknown> = {
  approve: {}, reject: { reason: 'x' }, propose: { startsAt: '2030-01-01T03:15:00.000Z' }, 'accept-proposal': {},
  'decline-proposal': {}, cancel: { reason: 'x' }, start: {}, complete: { notes: 'x' },
};
void ActionBodies;

/** Routes covered elsewhere in this file, or that hold no tenant data. */
const covered = new Set([
  'GET /api/hospitals', 'POST /api/hospitals', 'GET /api/audit', 'GET /api/public/hospitals', 'GET /healthz', 'GET /readyz',
  'POST /api/auth/signup', 'POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/auth/me', 'POST /api/auth/password',
  'GET /api/auth/sessions', 'DELETE /api/auth/sessions/{sessionId}', 'GET /api/appointments', 'GET /api/notifications', 'GET /api/dashboard', 'GET /api/dashboard/doctor',
  'POST /api/notifications/read-all', 'GET /api/chat/unread', 'GET /api/video-call/ice-servers',
  // Lists and reports scoped to the asker (checked below); the configuration holds no tenant data;
  // Khalti's return URL is public by nature and only names an order by its pidx (payments tests).
  'GET /api/payments', 'GET /api/payments/export.csv', 'GET /api/payments/totals', 'GET /api/payments/config', 'GET /api/payments/khalti/return',
  // Mailed links and the second factor act on the account a token or a ticket names, or on the
  // signed-in person's own (checked below: they never reach another hospital's data).
  'POST /api/auth/password-reset', 'POST /api/auth/password-reset/confirm', 'POST /api/auth/email-confirmation/confirm', 'POST /api/auth/email-confirmation',
  'POST /api/auth/login/two-factor', 'GET /api/auth/two-factor', 'POST /api/auth/two-factor/setup', 'POST /api/auth/two-factor/enable',
  'POST /api/auth/two-factor/disable', 'POST /api/auth/two-factor/recovery-codes',
  'GET /api/mail/config', 'GET /api/me/mail-preferences', 'PATCH /api/me/mail-preferences',
]);

async function snapshotOf(hospitalId: string) {
  const people = await t.app.db.select().from(users).where(eq(users.hospitalId, hospitalId)).orderBy(users.id);
  const ids = people.map((p) => p.id);
  return JSON.stringify({
    hospital: await t.app.db.select().from(hospitals).where(eq(hospitals.id, hospitalId)),
    people: people.map(({ lastLoginAt, ...rest }) => rest),
    doctors: await t.app.db.select().from(doctorProfiles).where(inArray(doctorProfiles.userId, ids)),
    patients: await t.app.db.select().from(patientProfiles).where(inArray(patientProfiles.userId, ids)),
    appointments: await t.app.db.select().from(appointments).where(eq(appointments.hospitalId, hospitalId)),
    availability: await t.app.db.select().from(availabilityWindows).where(inArray(availabilityWindows.doctorId, ids)),
    notifications: await t.app.db.select().from(notifications).where(inArray(notifications.recipientId, ids)),
    messages: await t.app.db.select().from(chatMessages).where(inArray(chatMessages.senderId, ids)),
    payments: await t.app.db.select().from(payments).where(eq(payments.hospitalId, hospitalId)),
    refunds: await t.app.db.select().from(refunds).where(eq(refunds.hospitalId, hospitalId)),
    twoFactor: await t.app.db.select().from(userTwoFactor).where(inArray(userTwoFactor.userId, ids)),
    mailPreferences: await t.app.db.select().from(mailPreferences).where(inArray(mailPreferences.userId, ids)),
    tokens: await t.app.db.select().from(accountTokens).where(inArray(accountTokens.userId, ids)),
    mail: (await t.app.db.select().from(outgoingMail).where(inArray(outgoingMail.recipientId, ids))).length,
  });
}

async function attempt(client: Client, c: Case) {
  if (c.multipart) {
    const { payload, headers } = multipartFile(TINY_PNG, 'me.png', 'image/png');
    return client.request(c.method, c.url(), payload, headers);
  }
  return client.request(c.method, c.url(), c.body?.() ?? (c.method === 'GET' || c.method === 'DELETE' ? undefined : {}));
}

beforeAll(async () => {
  [A, B] = await Promise.all([buildTenant(t.app), buildTenant(t.app)]);
  root = (await buildSuperAdmin(t.app)).client;
  await B.as.doctor.put(`/api/doctors/${B.doctor.id}/availability`, allWeek());
  const [first, second, third] = await slotsOf(B.as.patient, B.doctor.id);
  slotB = second!.startsAt;
  appointmentB = (await B.as.patient.post('/api/appointments', { doctorId: B.doctor.id, startsAt: first!.startsAt, symptoms: 'Fever' })).body.id;
  notificationB = (await B.as.doctor.get('/api/notifications')).body.items[0].id;
  const pdf = multipartFile(Buffer.from('%PDF-1.4\n%%EOF\n'), 'lab.pdf', 'application/pdf');
  messageB = (await B.as.patient.request('POST', `/api/appointments/${appointmentB}/messages`, pdf.payload, pdf.headers)).body.id;
  // A paid visit in B (at the desk), for the payment routes.
  const paidB = (await B.as.patient.post('/api/appointments', { doctorId: B.doctor.id, startsAt: third!.startsAt, symptoms: 'Cough' })).body.id;
  await B.as.doctor.post(`/api/appointments/${paidB}/approve`, {});
  paymentB = (await B.as.admin.post(`/api/appointments/${paidB}/payments/desk`, { amount: 50_000 })).body.id;
  await enrolTwoFactor(B.as.doctor);
  await B.as.patient.patch('/api/me/mail-preferences', { chatMessages: false });
});

describe('tenant isolation', () => {
  it('covers every documented route', async () => {
    const doc = (await new Client(t.app).get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const known = new Set([...covered, ...cases.map((c) => `${c.method} ${c.route}`)]);
    expect(documented.filter((r) => !known.has(r))).toEqual([]);
  });

  for (const role of ['admin', 'doctor', 'patient'] as const) {
    it(`refuses hospital A's ${role} every record of hospital B, and B is unchanged`, async () => {
      const before = await snapshotOf(B.hospital.id);
      for (const c of cases) {
        const res = await attempt(A.as[role], c);
        expect({ route: `${c.method} ${c.route}`, status: res.status }).toEqual({ route: `${c.method} ${c.route}`, status: c.expect[role] });
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.code).toBe(c.expect[role] === 404 ? 'not_found' : 'forbidden');
      }
      expect(await snapshotOf(B.hospital.id)).toBe(before);
    });
  }

  it('lists none of the other hospital\'s appointments or notifications', async () => {
    for (const role of ['admin', 'doctor', 'patient'] as const) {
      expect((await A.as[role].get('/api/appointments')).body.items.map((a: { id: string }) => a.id)).not.toContain(appointmentB);
      expect((await A.as[role].get('/api/notifications')).body.items.map((n: { id: string }) => n.id)).not.toContain(notificationB);
    }
  });

  it("lists, exports and totals none of the other hospital's payments", async () => {
    for (const role of ['admin', 'patient'] as const) {
      const list = await A.as[role].get('/api/payments?limit=200');
      expect(list.status).toBe(200);
      expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(paymentB);
      expect((await A.as[role].get(`/api/payments?hospitalId=${B.hospital.id}`)).body.total).toBe(0);
    }
    const csv = await A.as.admin.get('/api/payments/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.body).not.toContain(paymentB);
    const totals = await A.as.admin.get('/api/payments/totals');
    expect(totals.body.items.map((x: { hospitalId: string }) => x.hospitalId)).toEqual([A.hospital.id]);
    for (const url of ['/api/payments/export.csv', '/api/payments/totals']) {
      expect((await A.as.doctor.get(url)).status).toBe(403);
      expect((await A.as.patient.get(url)).status).toBe(403);
    }
    expect((await root.get(`/api/payments/${paymentB}`)).status).toBe(200);
  });

  it('lists only the own hospital and its audit trail', async () => {
    for (const role of ['admin', 'doctor', 'patient'] as const) {
      const list = await A.as[role].get('/api/hospitals');
      expect(list.body.items.map((h: { id: string }) => h.id)).toEqual([A.hospital.id]);
    }
    await root.patch(`/api/hospitals/${B.hospital.id}`, { phone: '+977 1 5555555' });
    const trail = await A.as.admin.get('/api/audit?limit=200');
    expect(trail.status).toBe(200);
    expect(trail.body.items.length).toBeGreaterThan(0);
    expect(trail.body.items.every((e: { hospitalId: string }) => e.hospitalId === A.hospital.id)).toBe(true);
    const all = await root.get('/api/audit?limit=200');
    expect(all.body.items.some((e: { hospitalId: string }) => e.hospitalId === B.hospital.id)).toBe(true);
  });

  it('keeps admin-only routes from patients and doctors', async () => {
    for (const role of ['doctor', 'patient'] as const) {
      expect((await A.as[role].get('/api/audit')).status).toBe(403);
      expect((await A.as[role].post('/api/hospitals', {})).status).toBe(403);
      expect((await A.as[role].get(`/api/hospitals/${A.hospital.id}/patients`)).status).toBe(403);
      expect((await A.as[role].post(`/api/hospitals/${A.hospital.id}/doctors`, {})).status).toBe(403);
    }
    expect((await A.as.admin.post('/api/hospitals', {})).status).toBe(403);
  });

  it('answers 401 to a signed-out request on every route that is not public', async () => {
    const anonymous = new Client(t.app);
    const urls: [Case['method'], string][] = [
      ['GET', '/api/hospitals'], ['POST', '/api/hospitals'], ['GET', '/api/audit'], ['GET', '/api/auth/me'],
      ['POST', '/api/auth/logout'], ['POST', '/api/auth/password'], ['GET', '/api/auth/sessions'],
      ['GET', '/api/auth/two-factor'], ['POST', '/api/auth/two-factor/setup'], ['POST', '/api/auth/two-factor/enable'],
      ['POST', '/api/auth/two-factor/disable'], ['POST', '/api/auth/two-factor/recovery-codes'], ['POST', '/api/auth/email-confirmation'],
      ['GET', '/api/me/mail-preferences'], ['PATCH', '/api/me/mail-preferences'],
      ...cases.map((c) => [c.method, c.url()] as [Case['method'], string]),
    ];
    for (const [method, url] of urls) {
      const res = await anonymous.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect({ url: `${method} ${url}`, status: res.status, code: res.body.code }).toEqual({ url: `${method} ${url}`, status: 401, code: 'unauthenticated' });
    }
  });

  it("keeps each person's second factor, mail choices and links to themself", async () => {
    const before = await snapshotOf(B.hospital.id);
    for (const role of ['admin', 'doctor', 'patient'] as const) {
      const me = (await A.as[role].get('/api/auth/me')).body;
      expect((await A.as[role].get('/api/auth/two-factor')).body).toMatchObject({ enabled: false });
      expect((await A.as[role].get('/api/me/mail-preferences')).body.chatMessages).toBe(true);
      expect((await A.as[role].patch('/api/me/mail-preferences', { reminders: false })).status).toBe(200);
      // Nothing of B's in the answers, and B's own choices untouched.
      expect(me.hospitalId).toBe(A.hospital.id);
    }
    expect((await A.as.admin.post('/api/auth/password-reset', { email: B.doctor.email })).status).toBe(202);
    expect((await A.as.admin.post('/api/auth/login/two-factor', { code: '123456' })).body.code).toBe('sign_in_expired');
    // A's reset request for B's doctor mails B's doctor (the only one who can use it); nothing else of B changes.
    const after = JSON.parse(await snapshotOf(B.hospital.id));
    const was = JSON.parse(before);
    expect({ ...after, tokens: undefined, mail: undefined }).toEqual({ ...was, tokens: undefined, mail: undefined });
  });

  it('lets the super admin reach every hospital', async () => {
    expect((await root.get(`/api/hospitals/${B.hospital.id}`)).status).toBe(200);
    expect((await root.get(`/api/patients/${B.patient.id}`)).status).toBe(200);
    expect((await root.get('/api/hospitals')).body.total).toBeGreaterThanOrEqual(2);
  });
});
