import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, auditEvents, users } from '../../db/schema/index.js';
import { buildHospital, buildUser, signIn, type Person } from '../../test/factories.js';
import { ManualClock } from '../../test/clock.js';
import { Client, useTestApp } from '../../test/harness.js';
import { queuedTo } from '../../test/mail.js';
import { expectProblem } from '../../test/problems.js';
import { TestSmtp, linkIn } from '../../test/smtp.js';

/**
 * "Forgot password?" over a real SMTP conversation: the same answer whether or not the address
 * has an account, a link that works once for 30 minutes, and a new password that ends every
 * session. Tampered, reused and expired links are refused and change nothing.
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

/** Asks for a reset of `email`, sends the queue, and returns the link's token. */
async function mailedToken(email: string) {
  const res = await new Client(app).post('/api/auth/password-reset', { email });
  expect(res.status).toBe(202);
  await app.mail.deliver();
  const mail = smtp.to(email).at(-1)!;
  return linkIn(mail, `${PUBLIC_URL}/reset-password?token=`).split('token=')[1]!;
}

const passwordOf = async (id: string) => (await app.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id)))[0]!.hash;

describe('password reset', () => {
  let person: Person;
  beforeAll(async () => {
    person = await buildUser(app, 'patient', (await buildHospital(app, { name: 'Patan Hospital' })).id);
  });

  it('answers an unknown and a known address alike, and mails only the account', async () => {
    const unknown = await new Client(app).post('/api/auth/password-reset', { email: 'nobody-here@people.test' });
    const known = await new Client(app).post('/api/auth/password-reset', { email: person.email.toUpperCase() });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    await app.mail.deliver();
    expect(smtp.to('nobody-here@people.test')).toHaveLength(0);
    const [mail] = smtp.to(person.email);
    expect(mail!.subject).toBe('Reset your password · Patan Hospital');
    expect(mail!.text).toContain('30 minutes');
    expect(mail!.html).toContain(`${PUBLIC_URL}/reset-password?token=`);
    // Only a hash of the token is stored.
    const token = linkIn(mail!, `${PUBLIC_URL}/reset-password?token=`).split('token=')[1]!;
    const stored = await app.db.select().from(accountTokens).where(eq(accountTokens.userId, person.id));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('sets the new password once, ends every session, and the link then stops working', async () => {
    const elsewhere = await signIn(app, person);
    const token = await mailedToken(person.email);
    const res = await new Client(app).post('/api/auth/password-reset/confirm', { token, newPassword: 'a-brand-new-password' });
    expect(res.status).toBe(204);
    expectProblem(await elsewhere.get('/api/auth/me'), 401, 'unauthenticated');
    expectProblem(await new Client(app).post('/api/auth/login', { email: person.email, password: person.password }), 401, 'invalid_credentials');
    expect((await new Client(app).post('/api/auth/login', { email: person.email, password: 'a-brand-new-password' })).status).toBe(200);
    person.password = 'a-brand-new-password';

    const hash = await passwordOf(person.id);
    expectProblem(await new Client(app).post('/api/auth/password-reset/confirm', { token, newPassword: 'yet-another-password' }), 400, 'reset_token_invalid', 'token');
    expect(await passwordOf(person.id)).toBe(hash);
    const trail = await app.db.select().from(auditEvents).where(eq(auditEvents.entityId, person.id));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']));
  });

  it('refuses a tampered, an expired and a superseded link, and changes nothing', async () => {
    const hash = await passwordOf(person.id);
    const token = await mailedToken(person.email);
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    for (const bad of [tampered, `${token}x`, 'A'.repeat(43)])
      expectProblem(await new Client(app).post('/api/auth/password-reset/confirm', { token: bad, newPassword: 'tampered-password-1' }), 400, 'reset_token_invalid');
    expectProblem(await new Client(app).post('/api/auth/password-reset/confirm', { token: 'short', newPassword: 'tampered-password-1' }), 400, 'validation_failed', 'token');

    clock.advance(31 * 60_000);
    expectProblem(await new Client(app).post('/api/auth/password-reset/confirm', { token, newPassword: 'expired-password-1' }), 400, 'reset_token_invalid');
    expect(await passwordOf(person.id)).toBe(hash);

    // (Past the hour in which this account's links were mailed, so that two more are.)
    clock.advance(31 * 60_000);
    // A reset by one link retires the others.
    const first = await mailedToken(person.email);
    const second = await mailedToken(person.email);
    expect((await new Client(app).post('/api/auth/password-reset/confirm', { token: second, newPassword: 'second-link-password' })).status).toBe(204);
    expectProblem(await new Client(app).post('/api/auth/password-reset/confirm', { token: first, newPassword: 'first-link-password' }), 400, 'reset_token_invalid');
    person.password = 'second-link-password';
  });

  it('keeps the link usable when the new password is refused', async () => {
    clock.advance(2 * 3_600_000);
    const token = await mailedToken(person.email);
    expectProblem(await new Client(app).post('/api/auth/password-reset/confirm', { token, newPassword: 'password123' }), 400, 'password_too_common', 'newPassword');
    expectProblem(await new Client(app).post('/api/auth/password-reset/confirm', { token, newPassword: 'short' }), 400, 'validation_failed', 'newPassword');
    expect((await new Client(app).post('/api/auth/password-reset/confirm', { token, newPassword: 'a-fine-long-password' })).status).toBe(204);
  });

  it('mails at most three links an hour to one account, answering alike', async () => {
    clock.advance(2 * 3_600_000);
    const before = smtp.to(person.email).length;
    for (let i = 0; i < 5; i++) expect((await new Client(app).post('/api/auth/password-reset', { email: person.email })).status).toBe(202);
    await app.mail.deliver();
    expect(smtp.to(person.email).length - before).toBe(3);
  });

  it('refuses bad input, and sends nothing for a deactivated account', async () => {
    expectProblem(await new Client(app).post('/api/auth/password-reset', { email: 'not-an-email' }), 400, 'validation_failed', 'email');
    expectProblem(await new Client(app).post('/api/auth/password-reset', {}), 400, 'validation_failed', 'email');
    const gone = await buildUser(app, 'doctor', (await buildHospital(app)).id, { isActive: false });
    expect((await new Client(app).post('/api/auth/password-reset', { email: gone.email })).status).toBe(202);
    expect(await queuedTo(app, gone.email)).toEqual([]);
  });
});
