import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatMessages, chatUnread, users } from '../db/schema/index.js';
import { allWeek, slotsOf } from '../test/appointments.js';
import { type Tenant, buildTenant, buildUser, signIn } from '../test/factories.js';
import { Client, useTestApp } from '../test/harness.js';
import { multipartFile, TINY_PNG } from '../test/multipart.js';
import { connect, listen, type TestSocket } from '../test/sockets.js';

const t = useTestApp({ WS_HEARTBEAT_SECONDS: '0.2' });
let h: Tenant;
let base: string;
let appointmentId: string;
const open: TestSocket[] = [];
const join = async (path: string, client?: Client, origin?: string | null) => {
  const s = await connect(base, path, client?.cookie, origin === undefined ? base : origin);
  open.push(s);
  return s;
};

async function newAppointment(tenant: Tenant, day: number) {
  const [slot] = await slotsOf(tenant.as.patient, tenant.doctor.id, day, day);
  return (await tenant.as.patient.post('/api/appointments', { doctorId: tenant.doctor.id, startsAt: slot!.startsAt, symptoms: 'Headache' })).body.id as string;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  base = await listen(t.app);
  h = await buildTenant(t.app);
  await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek());
  appointmentId = await newAppointment(h, 2);
});
afterAll(() => open.forEach((s) => s.close()));

describe('socket upgrade', () => {
  it('refuses the signed-out, foreign origins, strangers and staff before the upgrade', async () => {
    await expect(join(`/ws/chat/${appointmentId}/`)).rejects.toMatchObject({ status: 401 });
    await expect(join('/ws/notifications/')).rejects.toMatchObject({ status: 401 });
    await expect(join(`/ws/chat/${appointmentId}/`, h.as.patient, 'https://evil.example')).rejects.toMatchObject({ status: 403 });
    const stranger = await signIn(t.app, await buildUser(t.app, 'patient', h.hospital.id));
    await expect(join(`/ws/chat/${appointmentId}/`, stranger)).rejects.toMatchObject({ status: 404 });
    await expect(join(`/ws/chat/${appointmentId}/`, h.as.admin)).rejects.toMatchObject({ status: 403 });
    await expect(join('/ws/chat/not-a-uuid/', h.as.patient)).rejects.toMatchObject({ status: 400 });
  });
});

describe('chat', () => {
  it('stores, acknowledges, relays and receipts a message', async () => {
    const patient = await join(`/ws/chat/${appointmentId}/`, h.as.patient);
    const doctor = await join(`/ws/chat/${appointmentId}/`, h.as.doctor);
    patient.send({ type: 'chat.send', clientId: 'c-1', text: 'Hello doctor' });
    const ack = await patient.next('chat.ack');
    expect(ack.clientId).toBe('c-1');
    const [stored] = await t.app.db.select().from(chatMessages).where(eq(chatMessages.id, ack.message.id));
    expect(stored).toMatchObject({ body: 'Hello doctor', senderId: h.patient.id });
    const got = await doctor.next('chat.message', (e) => e.message.id === ack.message.id);
    expect(got.message.text).toBe('Hello doctor');
    const delivered = await patient.next('chat.receipt', (e) => e.receipt.messageIds.includes(ack.message.id));
    expect(delivered.receipt.deliveredAt).not.toBeNull();
    expect(delivered.receipt.readAt).toBeNull();
    doctor.send({ type: 'chat.read', upToSeq: ack.message.seq });
    const read = await patient.next('chat.receipt', (e) => e.receipt.readAt !== null);
    expect(read.receipt.messageIds).toContain(ack.message.id);
    doctor.send({ type: 'chat.typing', typing: true });
    expect(await patient.next('chat.typing')).toMatchObject({ userId: h.doctor.id, typing: true });
  });

  it('stores a retried message once', async () => {
    const patient = await join(`/ws/chat/${appointmentId}/`, h.as.patient);
    patient.send({ type: 'chat.send', clientId: 'retry-1', text: 'Once' });
    patient.send({ type: 'chat.send', clientId: 'retry-1', text: 'Once' });
    const a = await patient.next('chat.ack');
    const b = await patient.next('chat.ack');
    expect(a.message.id).toBe(b.message.id);
    expect(await t.app.db.select().from(chatMessages).where(eq(chatMessages.clientId, 'retry-1'))).toHaveLength(1);
  });

  it('stores and relays every text as written, sent together, whatever it holds', async () => {
    const texts = ['He said "take two" \\ then {one}, [three]', "It's fine'); drop table chat_messages; --", 'Line one\nline two\ttabbed', 'दुखाइ 😷 🇳🇵', '{"id":"x","seq":1}', 'null'];
    const other = await buildTenant(t.app);
    await other.as.doctor.put(`/api/doctors/${other.doctor.id}/availability`, allWeek());
    const id = await newAppointment(other, 3);
    const patient = await join(`/ws/chat/${id}/`, other.as.patient);
    const doctor = await join(`/ws/chat/${id}/`, other.as.doctor);
    texts.forEach((text, i) => patient.send({ type: 'chat.send', clientId: `odd-${i}`, text }));
    const acks = [];
    for (const _ of texts) acks.push(await patient.next('chat.ack'));
    expect(acks.map((a) => a.message.text)).toEqual(texts);
    for (const [i, a] of acks.entries()) {
      const [stored] = await t.app.db.select().from(chatMessages).where(eq(chatMessages.id, a.message.id));
      expect(stored).toMatchObject({ body: texts[i], clientId: `odd-${i}`, senderId: other.patient.id, seq: a.message.seq, attachmentFile: null, readAt: null });
      expect(stored!.createdAt.toISOString()).toBe(a.message.createdAt);
      expect((await doctor.next('chat.message', (e) => e.message.id === a.message.id)).message.text).toBe(texts[i]);
    }
  });

  it('stores a burst from both sides, acknowledging each message once stored, in the order sent', async () => {
    const other = await buildTenant(t.app);
    await other.as.doctor.put(`/api/doctors/${other.doctor.id}/availability`, allWeek());
    const id = await newAppointment(other, 3);
    const patient = await join(`/ws/chat/${id}/`, other.as.patient);
    const doctor = await join(`/ws/chat/${id}/`, other.as.doctor);
    const N = 10;
    // Sent without waiting: many arrive in the same moment and are stored together.
    for (let i = 0; i < N; i++) {
      patient.send({ type: 'chat.send', clientId: `p-${i}`, text: `from the patient ${i}` });
      doctor.send({ type: 'chat.send', clientId: `d-${i}`, text: `from the doctor ${i}` });
    }
    type Ack = { clientId: string; message: { id: string; seq: number } };
    const acks: Record<'patient' | 'doctor', Ack[]> = { patient: [], doctor: [] };
    for (let i = 0; i < N; i++) {
      acks.patient.push(await patient.next('chat.ack'));
      acks.doctor.push(await doctor.next('chat.ack'));
    }
    for (const [side, prefix] of [['patient', 'p'], ['doctor', 'd']] as const) {
      expect(acks[side].map((a) => a.clientId)).toEqual(Array.from({ length: N }, (_, i) => `${prefix}-${i}`));
      const seqs = acks[side].map((a) => a.message.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    const stored = await t.app.db.select().from(chatMessages).where(eq(chatMessages.appointmentId, id));
    expect(stored).toHaveLength(2 * N);
    expect(new Set(stored.map((m) => m.id))).toEqual(new Set([...acks.patient, ...acks.doctor].map((a) => a.message.id)));
    // Each side hears every message of the other, and the doctor's unread count reaches them all.
    for (let i = 0; i < N; i++) expect((await doctor.next('chat.message', (e) => e.message.senderId === other.patient.id)).message.text).toBe(`from the patient ${i}`);
    const unread = await other.as.doctor.get('/api/chat/unread');
    expect(unread.body.total).toBe(N);
  });

  // Two turns stored at once can hold the same two conversations in opposite orders. Each insert
  // counts its messages for the recipients by key order (migration 0009): the second waits for the
  // first. Counted message by message, in the order sent, they deadlocked, and PostgreSQL failed
  // one of them a second later. Other connections hold both counts so that the two inserts overlap.
  it.runIf(t.database === undefined ? process.env.DATABASE_URL?.startsWith('postgres') : true)(
    'stores two turns holding the same two conversations in opposite orders at once, counting both',
    async ({ skip }) => {
      if (t.database.kind !== 'postgres') return skip();
      const other = await buildTenant(t.app);
      await other.as.doctor.put(`/api/doctors/${other.doctor.id}/availability`, allWeek());
      const [low, high] = [await newAppointment(other, 4), await newAppointment(other, 5)].sort() as [string, string];
      const connect = async () => {
        const c = new pg.Client({ connectionString: t.database.url });
        await c.connect();
        return c;
      };
      const [first, second, holdLow, holdHigh] = [await connect(), await connect(), await connect(), await connect()];
      const pause = () => new Promise((r) => setTimeout(r, 250));
      const hold = async (c: pg.Client, appointment: string) => {
        await c.query('begin');
        await c.query('insert into chat_unread (user_id, appointment_id, unread) values ($1, $2, 0) on conflict (user_id, appointment_id) do update set unread = chat_unread.unread', [other.doctor.id, appointment]);
      };
      const send = (c: pg.Client, appointments: string[]) =>
        c.query(`insert into chat_messages (appointment_id, sender_id, body) values ($1, $3, 'first'), ($2, $3, 'second')`, [...appointments, other.patient.id]);
      try {
        await hold(holdLow, low);
        await hold(holdHigh, high);
        const one = send(first, [low, high]);
        await pause();
        const two = send(second, [high, low]);
        await pause();
        await holdLow.query('commit');
        await pause();
        await holdHigh.query('commit');
        await Promise.all([one, two]);
        for (const appointment of [low, high]) {
          const [count] = await t.app.db.select().from(chatUnread).where(and(eq(chatUnread.userId, other.doctor.id), eq(chatUnread.appointmentId, appointment)));
          expect(count!.unread).toBe(2);
        }
      } finally {
        await Promise.all([first, second, holdLow, holdHigh].map((c) => c.end()));
      }
    },
  );

  it('keeps client ids apart per appointment: the same id in another chat is a new message', async () => {
    const other = await newAppointment(h, 10);
    const first = await h.as.patient.post(`/api/appointments/${appointmentId}/messages`, { text: 'In the first chat', clientId: 'shared-1' });
    const second = await h.as.patient.post(`/api/appointments/${other}/messages`, { text: 'In the second chat', clientId: 'shared-1' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ appointmentId: other, text: 'In the second chat' });
    expect(second.body.id).not.toBe(first.body.id);
    const again = await h.as.patient.post(`/api/appointments/${other}/messages`, { text: 'In the second chat', clientId: 'shared-1' });
    expect(again.body.id).toBe(second.body.id);
    expect(await t.app.db.select().from(chatMessages).where(eq(chatMessages.clientId, 'shared-1'))).toHaveLength(2);
  });

  it('answers bad messages with an error and stays healthy', async () => {
    const s = await join(`/ws/chat/${appointmentId}/`, h.as.patient);
    s.send('not json');
    expect((await s.next('error')).code).toBe('bad_message');
    s.send({ type: 'chat.delete', id: 1 });
    expect((await s.next('error')).code).toBe('bad_message');
    s.send({ type: 'chat.send', clientId: 'x', text: '' });
    expect((await s.next('error')).code).toBe('bad_message');
    s.send({ type: 'chat.send', clientId: 'big', text: 'x'.repeat(20_000) });
    expect((await s.next('error')).code).toBe('message_too_large');
    s.send({ type: 'ping' });
    await s.next('pong');
    expect(s.ws.readyState).toBe(s.ws.OPEN);
  });

  it('sends over HTTP too, broadcast like a socket message; history pages without gaps', async () => {
    const id = await newAppointment(h, 3);
    const doctor = await join(`/ws/chat/${id}/`, h.as.doctor);
    const sent: { id: string; seq: number }[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await h.as.patient.post(`/api/appointments/${id}/messages`, { text: `message ${i}` });
      expect(res.status).toBe(201);
      sent.push(res.body);
    }
    await doctor.next('chat.message', (e) => e.message.id === sent[4]!.id);
    const newest = (await h.as.doctor.get(`/api/appointments/${id}/messages?limit=2`)).body;
    expect(newest.items.map((m: { text: string }) => m.text)).toEqual(['message 5', 'message 4']);
    expect(newest.hasMore).toBe(true);
    const older = (await h.as.doctor.get(`/api/appointments/${id}/messages?limit=10&before=${newest.items[1].seq}`)).body;
    expect(older.items.map((m: { text: string }) => m.text)).toEqual(['message 3', 'message 2', 'message 1']);
    expect(older.hasMore).toBe(false);
    // After a reconnect: everything after the last seen seq, oldest first, nothing twice.
    const missed = (await h.as.doctor.get(`/api/appointments/${id}/messages?after=${sent[1]!.seq}`)).body;
    expect(missed.items.map((m: { text: string }) => m.text)).toEqual(['message 3', 'message 4', 'message 5']);
    const bad = await h.as.doctor.get(`/api/appointments/${id}/messages?limit=0`);
    expect(bad.body.code).toBe('validation_failed');
    expect((await h.as.patient.post(`/api/appointments/${id}/messages`, { text: '   ' })).body.code).toBe('validation_failed');
  });

  it('takes attachments checked by their bytes, and serves them safely', async () => {
    const pdf = multipartFile(PDF, 'lab results.pdf', 'application/pdf');
    const res = await h.as.patient.request('POST', `/api/appointments/${appointmentId}/messages`, pdf.payload, pdf.headers);
    expect(res.status).toBe(201);
    expect(res.body.attachment).toMatchObject({ name: 'lab results.pdf', type: 'application/pdf', size: PDF.byteLength });
    const file = await h.as.doctor.get(res.body.attachment.url);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename\*=UTF-8''lab%20results\.pdf$/);
    expect(file.raw.rawPayload.equals(PDF)).toBe(true);
    const png = multipartFile(TINY_PNG, 'scan.png', 'image/png');
    const image = await h.as.patient.request('POST', `/api/appointments/${appointmentId}/messages`, png.payload, png.headers);
    expect(String((await h.as.doctor.get(image.body.attachment.url)).headers['content-disposition'])).toMatch(/^inline/);
    const before = (await t.app.db.select().from(chatMessages)).length;
    const fake = multipartFile(Buffer.from('<script>alert(1)</script>'), 'report.pdf', 'application/pdf');
    const refused = await h.as.patient.request('POST', `/api/appointments/${appointmentId}/messages`, fake.payload, fake.headers);
    expect(refused.status).toBe(415);
    expect(refused.body.code).toBe('unsupported_media_type');
    const small = await t.another({ CHAT_ATTACHMENT_MAX_MB: '0.0001' });
    const client = new Client(small);
    client.cookie = h.as.patient.cookie;
    const big = multipartFile(Buffer.concat([PDF, Buffer.alloc(2000)]), 'big.pdf', 'application/pdf');
    const tooBig = await client.request('POST', `/api/appointments/${appointmentId}/messages`, big.payload, big.headers);
    expect(tooBig.status).toBe(413);
    expect((await t.app.db.select().from(chatMessages)).length).toBe(before);
    const stranger = await signIn(t.app, await buildUser(t.app, 'patient', h.hospital.id));
    expect((await stranger.get(res.body.attachment.url)).status).toBe(404);
  });

  it('counts unread messages per appointment', async () => {
    const id = await newAppointment(h, 4);
    const before = (await h.as.doctor.get('/api/chat/unread')).body.total;
    await h.as.patient.post(`/api/appointments/${id}/messages`, { text: 'one' });
    const two = (await h.as.patient.post(`/api/appointments/${id}/messages`, { text: 'two' })).body;
    const counts = (await h.as.doctor.get('/api/chat/unread')).body;
    expect(counts.total).toBe(before + 2);
    expect(counts.byAppointment).toContainEqual({ appointmentId: id, unread: 2 });
    expect((await h.as.doctor.post(`/api/appointments/${id}/messages/read`, { upToSeq: two.seq })).body.marked).toBe(2);
    expect((await h.as.doctor.get('/api/chat/unread')).body.total).toBe(before);
  });

  it('lets staff read (audited) but not write, and closes the chat when the appointment is cancelled', async () => {
    const id = await newAppointment(h, 5);
    expect((await h.as.admin.get(`/api/appointments/${id}/messages`)).body.canWrite).toBe(false);
    expect((await h.as.admin.post(`/api/appointments/${id}/messages`, { text: 'hi' })).status).toBe(403);
    const patient = await join(`/ws/chat/${id}/`, h.as.patient);
    await h.as.doctor.post(`/api/appointments/${id}/reject`, { reason: 'Not my field' });
    expect((await patient.closed).code).toBe(4403);
    const late = await h.as.patient.post(`/api/appointments/${id}/messages`, { text: 'Why?' });
    expect(late.status).toBe(409);
    expect((await h.as.patient.get(`/api/appointments/${id}/messages`)).body.canWrite).toBe(false);
    await expect(join(`/ws/chat/${id}/`, h.as.patient)).rejects.toMatchObject({ status: 409 });
    expect(late.body.code).toBe('chat_closed');
  });
});

describe('limits per person', () => {
  it('share one message budget between HTTP and sockets, and say when to try again', async () => {
    const limited = await t.another({ CHAT_MESSAGES_PER_MINUTE: '6' }); // a burst of 2, then one every 10 s
    const url = await listen(limited);
    const id = await newAppointment(h, 11);
    const patient = new Client(limited);
    patient.cookie = h.as.patient.cookie;
    expect((await patient.post(`/api/appointments/${id}/messages`, { text: 'one' })).status).toBe(201);
    const s = await connect(url, `/ws/chat/${id}/`, h.as.patient.cookie);
    open.push(s);
    s.send({ type: 'chat.send', clientId: 'budget-2', text: 'two' });
    await s.next('chat.ack');
    s.send({ type: 'chat.send', clientId: 'budget-3', text: 'three' });
    expect(await s.next('error')).toMatchObject({ code: 'rate_limited', clientId: 'budget-3' });
    const refused = await patient.post(`/api/appointments/${id}/messages`, { text: 'four' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'rate_limited' });
    expect(refused.body.retryAfterSeconds).toBeGreaterThan(0);
    // The doctor has a budget of their own.
    const doctor = new Client(limited);
    doctor.cookie = h.as.doctor.cookie;
    expect((await doctor.post(`/api/appointments/${id}/messages`, { text: 'reply' })).status).toBe(201);
    expect((await t.app.db.select().from(chatMessages).where(eq(chatMessages.appointmentId, id))).map((m) => m.body).sort()).toEqual(['one', 'reply', 'two']);
  });

  it('cap the open sockets of one person', async () => {
    const capped = await t.another({ WS_MAX_SOCKETS_PER_USER: '3' });
    const url = await listen(capped);
    const person = await signIn(capped, await buildUser(capped, 'patient', h.hospital.id));
    const sockets = [];
    for (let i = 0; i < 3; i++) sockets.push(await connect(url, '/ws/notifications/', person.cookie));
    open.push(...sockets);
    await expect(connect(url, '/ws/notifications/', person.cookie)).rejects.toMatchObject({ status: 429 });
    // Someone else is not held back, and a closed socket frees its place.
    open.push(await connect(url, '/ws/notifications/', h.as.doctor.cookie));
    sockets[0]!.close();
    await sockets[0]!.closed;
    await new Promise((r) => setTimeout(r, 50));
    open.push(await connect(url, '/ws/notifications/', person.cookie));
  });

  it("bound what one conversation holds in files, in number and in bytes", async () => {
    const quota = await t.another({ CHAT_ATTACHMENTS_PER_APPOINTMENT: '2', CHAT_ATTACHMENT_QUOTA_MB: '0.001' }); // 2 files, 1,049 bytes
    const id = await newAppointment(h, 12);
    const patient = new Client(quota);
    patient.cookie = h.as.patient.cookie;
    const send = (bytes: Buffer, name: string) => {
      const form = multipartFile(bytes, name, 'application/pdf');
      return patient.request('POST', `/api/appointments/${id}/messages`, form.payload, form.headers);
    };
    expect((await send(PDF, 'a.pdf')).status).toBe(201);
    const big = Buffer.concat([PDF, Buffer.alloc(1000)]);
    const tooMuch = await send(big, 'b.pdf');
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('attachment_quota_exceeded');
    expect(tooMuch.body.detail).toMatch(/at most 2 files/);
    expect((await send(PDF, 'c.pdf')).status).toBe(201);
    expect((await send(PDF, 'd.pdf')).body.code).toBe('attachment_quota_exceeded');
    // Text still goes through, and the files refused were not kept.
    expect((await patient.post(`/api/appointments/${id}/messages`, { text: 'still here' })).status).toBe(201);
    const files = (await t.app.db.select().from(chatMessages).where(eq(chatMessages.appointmentId, id))).filter((m) => m.attachmentFile);
    expect(files.map((m) => m.attachmentName).sort()).toEqual(['a.pdf', 'c.pdf']);
  });
});

describe('live notifications', () => {
  it('pushes every new notification to the recipient at once', async () => {
    const patient = await join('/ws/notifications/', h.as.patient);
    const id = await newAppointment(h, 6);
    await h.as.doctor.post(`/api/appointments/${id}/approve`, {});
    const n = await patient.next('notification', (e) => e.notification.appointmentId === id);
    expect(n.notification.type).toBe('appointment.approve');
    await h.as.patient.post(`/api/appointments/${id}/messages`, { text: 'thanks' });
    const doctor = await join('/ws/notifications/', h.as.doctor);
    await h.as.patient.post(`/api/appointments/${id}/messages`, { text: 'see you' });
    expect(await doctor.next('chat.unread', (e) => e.appointmentId === id)).toMatchObject({ unread: 2 });
  });

  it("tells the doctor's hospital when their free time changes, and nobody else", async () => {
    const watcher = await join('/ws/notifications/', await signIn(t.app, await buildUser(t.app, 'patient', h.hospital.id)));
    const other = await buildTenant(t.app);
    const outsider = await join('/ws/notifications/', other.as.patient);
    const id = await newAppointment(h, 7);
    await watcher.next('slots.changed', (e) => e.doctorId === h.doctor.id);
    await h.as.patient.post(`/api/appointments/${id}/cancel`, { reason: 'Feeling better' });
    await watcher.next('slots.changed', (e) => e.doctorId === h.doctor.id);
    await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek());
    await watcher.next('slots.changed', (e) => e.doctorId === h.doctor.id);
    outsider.send({ type: 'ping' });
    await outsider.next('pong');
    expect(outsider.events.some((e) => e.type === 'slots.changed')).toBe(false);
  });

  it("tells the viewer's other tabs when notifications were read", async () => {
    const tab = await join('/ws/notifications/', h.as.doctor);
    const id = await newAppointment(h, 8);
    await tab.next('notification', (e) => e.notification.appointmentId === id);
    await h.as.doctor.get(`/api/appointments/${id}`);
    expect(await tab.next('notifications.read')).toMatchObject({ appointmentId: id });
    await newAppointment(h, 9);
    await h.as.doctor.post('/api/notifications/read-all');
    expect(await tab.next('notifications.read')).toMatchObject({ appointmentId: null });
  });

  it('drops a peer that stops answering heartbeats', async () => {
    const silent = await connect(base, '/ws/notifications/', h.as.patient.cookie, base, { autoPong: false });
    open.push(silent);
    const healthy = await join('/ws/notifications/', h.as.patient);
    const { code } = await silent.closed;
    expect(code).toBe(1006); // terminated, not closed politely
    expect(healthy.ws.readyState).toBe(healthy.ws.OPEN);
  });

  it('closes the sockets of a deactivated user and of an ended session', async () => {
    const person = await buildUser(t.app, 'patient', h.hospital.id);
    const client = await signIn(t.app, person);
    const s = await join('/ws/notifications/', client);
    await h.as.admin.patch(`/api/patients/${person.id}`, { isActive: false });
    expect((await s.closed).code).toBe(4401);
    const other = await signIn(t.app, h.patient);
    const s2 = await join('/ws/notifications/', other);
    await other.post('/api/auth/logout');
    expect((await s2.closed).code).toBe(4401);
    void users;
  });
});
