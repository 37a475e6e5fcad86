import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.js';
import { buildHospital, buildUser, signIn } from '../../test/factories.js';
import { ManualClock } from '../../test/clock.js';
import { Client, useTestApp } from '../../test/harness.js';
import { allWeek, slotsOf } from '../../test/appointments.js';
import { expectProblem } from '../../test/problems.js';
import { TestSmtp, linkIn } from '../../test/smtp.js';

/**
 * Where mail is configured: new patients confirm their address before they can book (and the
 * sign-up answer never tells whether an address was registered); accounts an admin creates get
 * a welcome link instead of an initial password. Without mail, both work as before.
 */
const clock = new ManualClock('2031-03-03T03:00:00Z');
const t = useTestApp({}, { clock });
const PUBLIC_URL = 'https://care.example.test';
let smtp: TestSmtp;
let app: FastifyInstance;

beforeAll(async () => {
  smtp = await TestSmtp.start();
  app = await t.another({ SMTP_URL: smtp.url, PUBLIC_URL });
});
afterAll(() => smtp.close());

const signup = (hospitalId: string, email: string) =>
  new Client(app).post('/api/auth/signup', { email, password: 'a-long-password', firstName: 'Sita', lastName: 'Rai', hospitalId });

describe('sign-up with mail', () => {
  it('answers a new and a registered address alike, without a session, and the mail says which', async () => {
    const hospital = await buildHospital(app, { name: 'Dhulikhel Hospital' });
    const registered = await buildUser(app, 'patient', hospital.id);
    const fresh = `new-${Date.now()}@people.test`;
    const a = await signup(hospital.id, fresh);
    const b = await signup(hospital.id, registered.email);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body).toEqual({ confirmationSent: true });
    expect(b.body).toEqual(a.body);
    expect(a.raw.cookies).toEqual([]);
    expect(b.raw.cookies).toEqual([]);
    await app.mail.deliver();
    expect(smtp.to(fresh)[0]!.subject).toBe('Confirm your email address · Dhulikhel Hospital');
    expect(smtp.to(registered.email)[0]!.subject).toBe('You already have an account · Dhulikhel Hospital');
    expect(smtp.to(registered.email)[0]!.text).toContain(`${PUBLIC_URL}/forgot-password`);
    // The registered account is untouched.
    expect((await signIn(app, registered)).cookie).toBeDefined();
  });

  it('lets an unconfirmed patient sign in but not book, until the link is followed once', async () => {
    const hospital = await buildHospital(app, { appointmentFee: 0 });
    const doctor = await buildUser(app, 'doctor', hospital.id);
    await (await signIn(app, doctor)).put(`/api/doctors/${doctor.id}/availability`, allWeek());
    const email = `unconfirmed-${Date.now()}@people.test`;
    await signup(hospital.id, email);
    const patient = await signIn(app, { email, password: 'a-long-password' });
    expect((await patient.get('/api/auth/me')).body).toMatchObject({ emailConfirmed: false });
    const [slot] = await slotsOf(patient, doctor.id);
    const booking = { doctorId: doctor.id, startsAt: slot!.startsAt, symptoms: 'A cough' };
    expectProblem(await patient.post('/api/appointments', booking), 403, 'email_unconfirmed');

    // The first mail went astray: ask again.
    expect((await patient.post('/api/auth/email-confirmation')).status).toBe(202);
    await app.mail.deliver();
    const mails = smtp.to(email);
    expect(mails).toHaveLength(2);
    const token = linkIn(mails[1]!, `${PUBLIC_URL}/confirm-email?token=`).split('token=')[1]!;
    expect((await new Client(app).post('/api/auth/email-confirmation/confirm', { token })).status).toBe(204);
    expectProblem(await new Client(app).post('/api/auth/email-confirmation/confirm', { token }), 400, 'reset_token_invalid');
    // The first link is retired with it.
    const first = linkIn(mails[0]!, `${PUBLIC_URL}/confirm-email?token=`).split('token=')[1]!;
    expectProblem(await new Client(app).post('/api/auth/email-confirmation/confirm', { token: first }), 400, 'reset_token_invalid');

    expect((await patient.get('/api/auth/me')).body).toMatchObject({ emailConfirmed: true });
    expect((await patient.post('/api/appointments', booking)).status).toBe(201);
    // Nothing more to confirm.
    expect((await patient.post('/api/auth/email-confirmation')).status).toBe(202);
    await app.mail.deliver();
    expect(smtp.to(email)).toHaveLength(2);
  });

  it('still refuses bad input the same way, and stores nothing', async () => {
    const hospital = await buildHospital(app);
    const before = (await app.db.select().from(users)).length;
    expectProblem(await new Client(app).post('/api/auth/signup', { email: 'x@people.test', password: 'short', firstName: 'A', lastName: 'B', hospitalId: hospital.id }), 400, 'validation_failed', 'password');
    expectProblem(await signup('00000000-0000-4000-8000-000000000000', 'y@people.test'), 404, 'not_found', 'hospitalId');
    expect((await app.db.select().from(users)).length).toBe(before);
  });
});

describe('accounts an admin creates', () => {
  it('get a welcome mail with a link to choose their password (with mail)', async () => {
    const hospital = await buildHospital(app, { name: 'Teaching Hospital' });
    const admin = await signIn(app, await buildUser(app, 'hospital_admin', hospital.id));
    const email = `dr-welcome-${Date.now()}@people.test`;
    const res = await admin.post(`/api/hospitals/${hospital.id}/doctors`, { email, firstName: 'Asha', lastName: 'KC', licenseNumber: `NMC-W-${Date.now()}`, specialization: 'Cardiology', experienceYears: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mustChangePassword: false });
    await app.mail.deliver();
    const [mail] = smtp.to(email);
    expect(mail!.subject).toBe('Your Teaching Hospital account is ready');
    expect(mail!.text).toContain('doctor account');
    const link = linkIn(mail!, `${PUBLIC_URL}/reset-password?token=`);
    const token = new URL(link).searchParams.get('token')!;
    expect((await new Client(app).post('/api/auth/password-reset/confirm', { token, newPassword: 'my-own-password-1' })).status).toBe(204);
    const doctor = await signIn(app, { email, password: 'my-own-password-1' });
    expect((await doctor.get('/api/auth/me')).body).toMatchObject({ mustChangePassword: false, emailConfirmed: true });
  });

  it('keep the initial-password way, with mail or without; without mail a password is required', async () => {
    const hospital = await buildHospital(t.app);
    const admin = await signIn(t.app, await buildUser(t.app, 'hospital_admin', hospital.id));
    const body = { email: `pat-${Date.now()}@people.test`, firstName: 'Hari', lastName: 'Bahadur' };
    expectProblem(await admin.post(`/api/hospitals/${hospital.id}/patients`, body), 400, 'validation_failed', 'password');
    const made = await admin.post(`/api/hospitals/${hospital.id}/patients`, { ...body, password: 'initial-password-1' });
    expect(made.body).toMatchObject({ mustChangePassword: true });
    const withMail = await signIn(app, await buildUser(app, 'hospital_admin', hospital.id));
    const also = await withMail.post(`/api/hospitals/${hospital.id}/patients`, { ...body, email: `pat2-${Date.now()}@people.test`, password: 'initial-password-1' });
    expect(also.body).toMatchObject({ mustChangePassword: true });
  });
});

describe('sign-up without mail', () => {
  it('signs the patient in at once, as before', async () => {
    const hospital = await buildHospital(t.app);
    const res = await new Client(t.app).post('/api/auth/signup', { email: `plain-${Date.now()}@people.test`, password: 'a-long-password', firstName: 'Sita', lastName: 'Rai', hospitalId: hospital.id });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ emailConfirmed: true });
  });
});
