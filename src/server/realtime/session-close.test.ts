import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema/index.js';
import { allWeek, slotsOf } from '../test/appointments.js';
import { ManualClock } from '../test/clock.js';
import { buildSuperAdmin, buildTenant, buildUser, signIn } from '../test/factories.js';
import { useTestApp } from '../test/harness.js';
import { connect, listen, type TestSocket } from '../test/sockets.js';

// A heartbeat far longer than any test: whatever closes a socket here is the change itself.
const t = useTestApp({ WS_HEARTBEAT_SECONDS: '600' });
let base: string;
const open: TestSocket[] = [];
const join = async (path: string, cookie?: string) => {
  const s = await connect(base, path, cookie);
  open.push(s);
  return s;
};
const within = <T>(p: Promise<T>, ms = 3000) => Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('not closed in time')), ms))]);

beforeAll(async () => {
  base = await listen(t.app);
});
afterAll(() => open.forEach((s) => s.close()));

describe('sockets end with the session, at once', () => {
  it('when an admin deactivates the person: chat and notification sockets alike', async () => {
    const h = await buildTenant(t.app);
    await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek());
    const [slot] = await slotsOf(h.as.patient, h.doctor.id);
    const id = (await h.as.patient.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: 'Cough' })).body.id;
    const inbox = await join('/ws/notifications/', h.as.patient.cookie);
    const chat = await join(`/ws/chat/${id}/`, h.as.patient.cookie);
    const doctorChat = await join(`/ws/chat/${id}/`, h.as.doctor.cookie);
    await h.as.admin.patch(`/api/patients/${h.patient.id}`, { isActive: false });
    expect((await within(inbox.closed)).code).toBe(4401);
    expect((await within(chat.closed)).code).toBe(4401);
    expect(doctorChat.ws.readyState).toBe(doctorChat.ws.OPEN);
    // The chat socket heard no notifications meant for the user's own room.
    expect(chat.events.some((e) => e.type === 'notification')).toBe(false);
  });

  it('when the person signs out or changes the password elsewhere', async () => {
    const h = await buildTenant(t.app);
    const phone = await signIn(t.app, h.patient);
    const onPhone = await join('/ws/notifications/', phone.cookie);
    const onLaptop = await join('/ws/notifications/', h.as.patient.cookie);
    await phone.post('/api/auth/logout');
    expect((await within(onPhone.closed)).code).toBe(4401);
    expect(onLaptop.ws.readyState).toBe(onLaptop.ws.OPEN);
    const tablet = await signIn(t.app, h.patient);
    const onTablet = await join('/ws/notifications/', tablet.cookie);
    await h.as.patient.post('/api/auth/password', { currentPassword: h.patient.password, newPassword: 'a-new-password-1' });
    expect((await within(onTablet.closed)).code).toBe(4401);
    expect(onLaptop.ws.readyState).toBe(onLaptop.ws.OPEN);
  });

  it('when the hospital is deactivated', async () => {
    const h = await buildTenant(t.app);
    const root = await buildSuperAdmin(t.app);
    const doctor = await join('/ws/notifications/', h.as.doctor.cookie);
    const other = await buildTenant(t.app);
    const elsewhere = await join('/ws/notifications/', other.as.doctor.cookie);
    await root.client.patch(`/api/hospitals/${h.hospital.id}`, { isActive: false });
    expect((await within(doctor.closed)).code).toBe(4401);
    expect(elsewhere.ws.readyState).toBe(elsewhere.ws.OPEN);
    void buildUser;
  });
});

describe('an idle session', () => {
  it('ends on time although a socket is open: heartbeats are not activity, and the socket closes with 4401', async () => {
    const clock = new ManualClock('2030-03-04T05:00:00Z');
    const app = await t.another({ WS_HEARTBEAT_SECONDS: '0.1', SESSION_IDLE_MINUTES: '2' }, { clock });
    const url = await listen(app);
    const h = await buildTenant(app);
    const s = await connect(url, '/ws/notifications/', h.as.patient.cookie);
    open.push(s);
    const sessionOf = async () => (await app.db.select().from(sessions).where(eq(sessions.userId, h.patient.id)))[0];
    const seen = (await sessionOf())!.lastSeenAt.getTime();
    clock.advance(70_000);
    await sleep(400); // a few heartbeats: each re-checks the session
    expect(s.ws.readyState).toBe(s.ws.OPEN);
    expect((await sessionOf())!.lastSeenAt.getTime()).toBe(seen);
    clock.advance(70_000); // 140 s without a request: past the 2-minute idle limit
    expect((await within(s.closed)).code).toBe(4401);
    expect(await sessionOf()).toBeUndefined();
    expect((await h.as.patient.get('/api/auth/me')).status).toBe(401);
  });

  it('is kept alive by what the person does on the socket', async () => {
    const clock = new ManualClock('2030-03-05T05:00:00Z');
    const app = await t.another({ WS_HEARTBEAT_SECONDS: '0.1', SESSION_IDLE_MINUTES: '2' }, { clock });
    const url = await listen(app);
    const h = await buildTenant(app);
    await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek());
    const [slot] = await slotsOf(h.as.patient, h.doctor.id);
    const id = (await h.as.patient.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: 'Cough' })).body.id;
    const s = await connect(url, `/ws/chat/${id}/`, h.as.patient.cookie);
    open.push(s);
    for (let i = 0; i < 3; i++) {
      clock.advance(70_000);
      s.send({ type: 'chat.send', clientId: `alive-${i}`, text: `Still here ${i}` });
      await s.next('chat.ack');
    }
    await sleep(300);
    expect(s.ws.readyState).toBe(s.ws.OPEN);
    expect((await h.as.patient.get('/api/auth/me')).status).toBe(200);
  });
});

describe('the heartbeat', () => {
  it('re-checks every socket at once: sessions ended behind its back close, the rest stay open', async () => {
    const app = await t.another({ WS_HEARTBEAT_SECONDS: '0.2' });
    const url = await listen(app);
    const people = await Promise.all(Array.from({ length: 6 }, () => buildTenant(app)));
    const sockets = await Promise.all(people.flatMap((h) => [h.as.patient, h.as.doctor]).map((c) => connect(url, '/ws/notifications/', c.cookie)));
    open.push(...sockets);
    // Deleted in the database, no event: only the heartbeat can tell.
    const gone = people.slice(0, 3).map((h) => h.patient.id);
    for (const id of gone) await app.db.delete(sessions).where(eq(sessions.userId, id));
    for (let i = 0; i < 3; i++) expect((await within(sockets[2 * i]!.closed)).code).toBe(4401);
    await sleep(500);
    expect(sockets.filter((s) => s.ws.readyState === s.ws.OPEN)).toHaveLength(9);
  });

  it('closes a chat whose time is over, with 4403', async () => {
    const clock = new ManualClock('2030-03-06T05:00:00Z');
    // Sessions that outlast the day that passes below: what closes the socket is the chat's time.
    const app = await t.another({ WS_HEARTBEAT_SECONDS: '0.2', CHAT_OPEN_DAYS_AFTER: '1', SESSION_IDLE_MINUTES: '3000', SESSION_MAX_HOURS: '100' }, { clock });
    const url = await listen(app);
    const h = await buildTenant(app, { appointmentFee: 0 });
    await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek());
    const [slot] = await slotsOf(h.as.patient, h.doctor.id, 1, 1);
    const id = (await h.as.patient.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: 'Cough' })).body.id;
    await h.as.doctor.post(`/api/appointments/${id}/approve`, {});
    clock.set(new Date(new Date(slot!.startsAt).getTime() + 5 * 60_000));
    await h.as.doctor.post(`/api/appointments/${id}/start`, {});
    await h.as.doctor.post(`/api/appointments/${id}/complete`, { notes: 'Rest and fluids' });
    const s = await connect(url, `/ws/chat/${id}/`, h.as.patient.cookie);
    open.push(s);
    await sleep(500);
    expect(s.ws.readyState).toBe(s.ws.OPEN);
    clock.advance(86_400_000 + 60 * 60_000);
    expect((await within(s.closed)).code).toBe(4403);
  });
});

