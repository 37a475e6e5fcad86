import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { ManualClock } from '../test/clock.js';
import { openDatabase, type Database } from '../db/client.js';
import { createTestDatabase } from '../test/database.js';
import { allWeek, slotsOf } from '../test/appointments.js';
import { buildTenant, signIn } from '../test/factories.js';
import { Client, testConfig } from '../test/harness.js';
import { connect, listen, type TestSocket } from '../test/sockets.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Two app instances on different ports, sharing one PostgreSQL and one Redis: a doctor on one
 * and a patient on the other chat, receive receipts and notifications as if on one server.
 */
const redisUrl = process.env.REDIS_URL;
const postgres = process.env.DATABASE_URL?.startsWith('postgres');
const ready = !!redisUrl && !!postgres;
if (!ready) console.log(`cross-instance realtime test skipped: it needs REDIS_URL and a PostgreSQL DATABASE_URL (REDIS_URL ${redisUrl ? 'set' : 'not set'}); the single-instance suite still runs`);

describe.runIf(ready)('two instances through Redis', () => {
  let database: Database & { url: string };
  let second: Database;
  let a: FastifyInstance;
  let b: FastifyInstance;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    second = await openDatabase({ kind: 'postgres', url: database.url });
    const dir = mkdtempSync(join(tmpdir(), 'tm-x-'));
    // Both instances on one pinned clock (a Monday, 09:45 in Kathmandu): the call's room is open.
    const clock = new ManualClock('2030-01-14T04:00:00Z');
    a = await buildApp(testConfig(dir, { REDIS_URL: redisUrl! }), { database, clock });
    b = await buildApp(testConfig(dir, { REDIS_URL: redisUrl! }), { database: second, clock });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await a?.close();
    await b?.close();
    await second?.close();
    await database?.close();
  });

  it('carries chat, receipts and notifications between them', async () => {
    const h = await buildTenant(a);
    const [urlA, urlB] = await Promise.all([listen(a), listen(b)]);
    expect(urlA).not.toBe(urlB);
    const patientOnB = await signIn(b, h.patient);
    await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek());
    const [slot] = await slotsOf(patientOnB, h.doctor.id);
    const id = (await patientOnB.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: 'Rash' })).body.id;

    const doctorChat = await connect(urlA, `/ws/chat/${id}/`, h.as.doctor.cookie);
    const patientChat = await connect(urlB, `/ws/chat/${id}/`, patientOnB.cookie);
    const patientInbox = await connect(urlB, '/ws/notifications/', patientOnB.cookie);
    sockets.push(doctorChat, patientChat, patientInbox);

    patientChat.send({ type: 'chat.send', clientId: 'x-1', text: 'Hello from instance B' });
    const ack = await patientChat.next('chat.ack');
    const got = await doctorChat.next('chat.message', (e) => e.message.id === ack.message.id);
    expect(got.message.text).toBe('Hello from instance B');
    await patientChat.next('chat.receipt', (e) => e.receipt.messageIds.includes(ack.message.id) && !!e.receipt.deliveredAt);
    doctorChat.send({ type: 'chat.read', upToSeq: ack.message.seq });
    await patientChat.next('chat.receipt', (e) => e.receipt.readAt !== null);
    doctorChat.send({ type: 'chat.typing', typing: true });
    await patientChat.next('chat.typing', (e) => e.userId === h.doctor.id);

    await h.as.doctor.post(`/api/appointments/${id}/approve`, {});
    const n = await patientInbox.next('notification', (e) => e.notification.appointmentId === id);
    expect(n.notification.type).toBe('appointment.approve');
    // And each message reached each socket exactly once.
    expect(doctorChat.events.filter((e) => e.type === 'chat.message')).toHaveLength(1);
  });

  it('carries a video call between a doctor on one instance and a patient on the other', async () => {
    const h = await buildTenant(a, { appointmentFee: 0, timezone: 'Asia/Kathmandu' });
    const [urlA, urlB] = await Promise.all([listen(a), listen(b)]);
    const patientOnB = await signIn(b, h.patient);
    await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek(5));
    const [slot] = await slotsOf(patientOnB, h.doctor.id, 0, 1, 'Asia/Kathmandu');
    const id = (await patientOnB.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: 'Cough' })).body.id;
    await h.as.doctor.post(`/api/appointments/${id}/approve`, {});
    const token = async (c: typeof patientOnB) => (await c.post(`/api/appointments/${id}/video-call/token`)).body as { token: string; roomId: string };
    const [pt, dt] = await Promise.all([token(patientOnB), token(h.as.doctor)]);
    const patient = await connect(urlB, `/ws/video-call/${pt.roomId}/`, patientOnB.cookie, urlB, { protocols: ['tm.video', `tm.token.${pt.token}`] });
    await patient.next('call.state', (e) => e.state.status === 'waiting');
    const doctor = await connect(urlA, `/ws/video-call/${dt.roomId}/`, h.as.doctor.cookie, urlA, { protocols: ['tm.video', `tm.token.${dt.token}`] });
    sockets.push(patient, doctor);
    // Presence crosses instances both ways, whoever came first.
    await doctor.next('call.peer', (e) => e.role === 'patient' && e.present);
    await patient.next('call.peer', (e) => e.role === 'doctor' && e.present);
    doctor.send({ type: 'call.admit' });
    await patient.next('call.state', (e) => e.state.admitted);
    doctor.send({ type: 'call.signal', engine: 'd1', description: { type: 'offer', sdp: 'v=0\r\n' } });
    expect(await patient.next('call.signal')).toMatchObject({ from: 'doctor', engine: 'd1', description: { type: 'offer' } });
    patient.send({ type: 'call.signal', engine: 'p1', target: 'd1', description: { type: 'answer', sdp: 'v=0\r\n' } });
    expect(await doctor.next('call.signal')).toMatchObject({ from: 'patient', target: 'd1' });
    patient.send({ type: 'call.media', audio: false, video: true, screen: false });
    expect(await doctor.next('call.media')).toMatchObject({ from: 'patient', audio: false });
    // Each signal reached the other side once, and never came back to its sender.
    expect(patient.events.filter((e) => e.type === 'call.signal')).toHaveLength(1);
    expect(doctor.events.filter((e) => e.type === 'call.signal' && e.from === 'doctor')).toHaveLength(0);
    doctor.send({ type: 'call.end' });
    expect((await patient.closed).code).toBe(4403);
  });

  it('ends a session revoked on one instance at once on the other, although the other had it cached', async () => {
    const h = await buildTenant(a);
    const onB = (c: Client) => Object.assign(new Client(b), { cookie: c.cookie });
    const me = (c: Client) => c.get('/api/auth/me').then((r) => r.status);
    const phone = await signIn(a, h.patient);
    const phoneOnB = onB(phone);
    expect(await me(phoneOnB)).toBe(200); // now cached on B
    await phone.post('/api/auth/logout');
    expect(await me(phoneOnB)).toBe(401);

    const laptopOnB = onB(h.as.patient);
    expect(await me(laptopOnB)).toBe(200);
    const tablet = await signIn(a, h.patient);
    const tabletOnB = onB(tablet);
    expect(await me(tabletOnB)).toBe(200);
    await h.as.patient.post('/api/auth/password', { currentPassword: h.patient.password, newPassword: 'a-new-password-1' });
    expect(await me(tabletOnB)).toBe(401);
    expect(await me(laptopOnB)).toBe(200);

    const doctorOnB = onB(h.as.doctor);
    expect(await me(doctorOnB)).toBe(200);
    await h.as.admin.patch(`/api/doctors/${h.doctor.id}`, { isActive: false });
    expect(await me(doctorOnB)).toBe(401);
  });
});
