import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallStats } from '../../../contracts/video.js';
import { appointments } from '../../db/schema/index.js';
import { allWeek, slotsOf } from '../../test/appointments.js';
import { ManualClock } from '../../test/clock.js';
import { buildTenant, type Tenant } from '../../test/factories.js';
import { Client, useTestApp } from '../../test/harness.js';
import { expectProblem } from '../../test/problems.js';
import { connect, listen, type TestSocket } from '../../test/sockets.js';
import { signRoomToken } from './call-token.js';

// Pinned: a Monday, 09:45 in Kathmandu; the first free slot is 10:00, so its room is open.
const clock = new ManualClock('2030-01-14T04:00:00Z');
const TURN = { TURN_URLS: 'turn:127.0.0.1:3478?transport=udp', TURN_SECRET: 'a-shared-secret-for-turn', STUN_URLS: 'stun:127.0.0.1:3478' };
const t = useTestApp({ WS_HEARTBEAT_SECONDS: '0.2', SESSION_IDLE_MINUTES: '600', ...TURN }, { clock });
const KTM = { timezone: 'Asia/Kathmandu', appointmentFee: 0 };
let base: string;
const open: TestSocket[] = [];

beforeAll(async () => {
  base = await listen(t.app);
});
beforeEach(() => clock.set('2030-01-14T04:00:00Z'));
afterAll(() => open.forEach((s) => s.close()));

/** A confirmed (free) visit at the next slot, its doctor and patient signed in. */
async function confirmedVisit(tenant?: Tenant, fee = 0) {
  const h = tenant ?? (await buildTenant(t.app, { ...KTM, appointmentFee: fee }));
  await h.as.doctor.put(`/api/doctors/${h.doctor.id}/availability`, allWeek());
  const [slot] = await slotsOf(h.as.patient, h.doctor.id, 0, 0, 'Asia/Kathmandu');
  const id = (await h.as.patient.post('/api/appointments', { doctorId: h.doctor.id, startsAt: slot!.startsAt, symptoms: 'Rash' })).body.id as string;
  await h.as.doctor.post(`/api/appointments/${id}/approve`, {});
  return { h, id };
}

const tokenFor = async (client: Client, id: string) => {
  const res = await client.post(`/api/appointments/${id}/video-call/token`);
  if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { token: string; roomId: string; role: string; expiresAt: string; iceServers: { urls: string[]; username?: string; credential?: string }[]; iceTransportPolicy: string };
};

const joinCall = async (client: Client, roomId: string, token: string | null) => {
  const s = await connect(base, `/ws/video-call/${roomId}/`, client.cookie, base, { protocols: ['tm.video', ...(token ? [`tm.token.${token}`] : [])] });
  open.push(s);
  return s;
};

const stats = (over: Partial<CallStats> = {}): CallStats => ({ rttMs: 40, lossPct: 0, jitterMs: 5, bitrateKbps: 1500, fps: 20, width: 1280, height: 720, reconnects: 0, ...over });
const OFFER = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendrecv\r\n';

describe('room tokens', () => {
  it("go to the appointment's doctor and patient, bound to them and the room, with TURN credentials", async () => {
    const { h, id } = await confirmedVisit();
    const patient = await tokenFor(h.as.patient, id);
    const doctor = await tokenFor(h.as.doctor, id);
    expect(patient.role).toBe('patient');
    expect(doctor.role).toBe('doctor');
    expect(patient.roomId).toBe(doctor.roomId);
    expect(patient.roomId).not.toBe(id);
    const [row] = await t.app.db.select().from(appointments).where(eq(appointments.id, id));
    expect(row!.videoCallRoomId).toBe(patient.roomId);
    // At most a day, and the room closes once the visit may no longer run.
    expect(new Date(patient.expiresAt).getTime()).toBeLessThanOrEqual(clock.now().getTime() + 86_400_000);
    const turn = patient.iceServers.find((s) => s.urls.some((u) => u.startsWith('turn:')))!;
    const [expiry, userId] = turn.username!.split(':');
    expect(userId).toBe(h.patient.id);
    expect(Number(expiry) * 1000).toBe(Math.floor(new Date(patient.expiresAt).getTime() / 1000) * 1000);
    expect(turn.credential).toBe(createHmac('sha1', TURN.TURN_SECRET).update(turn.username!).digest('base64'));
    expect(patient.iceServers.find((s) => s.urls.includes('stun:127.0.0.1:3478'))).toBeDefined();
    expect(patient.iceTransportPolicy).toBe('all');
    const relay = await t.another({ ...TURN, VIDEO_RELAY_ONLY: 'true' });
    const c = new Client(relay);
    c.cookie = h.as.patient.cookie;
    expect((await c.post(`/api/appointments/${id}/video-call/token`)).body.iceTransportPolicy).toBe('relay');
  });

  it('are refused for an unpaid, unagreed, early, foreign or staff request', async () => {
    const { h, id } = await confirmedVisit();
    expectProblem(await new Client(t.app).post(`/api/appointments/${id}/video-call/token`), 401, 'unauthenticated');
    expectProblem(await h.as.admin.post(`/api/appointments/${id}/video-call/token`), 403, 'forbidden');
    const other = await buildTenant(t.app, KTM);
    expectProblem(await other.as.patient.post(`/api/appointments/${id}/video-call/token`), 404, 'not_found');
    expectProblem(await other.as.doctor.post(`/api/appointments/${id}/video-call/token`), 404, 'not_found');
    const unpaid = await buildTenant(t.app, { ...KTM, appointmentFee: 50_000 });
    const { id: scheduled } = await confirmedVisit(unpaid);
    expectProblem(await unpaid.as.patient.post(`/api/appointments/${scheduled}/video-call/token`), 402, 'payment_required');
    const [later] = await slotsOf(h.as.patient, h.doctor.id, 2, 2, 'Asia/Kathmandu');
    const requested = (await h.as.patient.post('/api/appointments', { doctorId: h.doctor.id, startsAt: later!.startsAt, symptoms: 'Cough' })).body.id;
    expectProblem(await h.as.patient.post(`/api/appointments/${requested}/video-call/token`), 409, 'call_unavailable');
    await h.as.doctor.post(`/api/appointments/${requested}/approve`, {});
    expectProblem(await h.as.patient.post(`/api/appointments/${requested}/video-call/token`), 409, 'too_early');
  });
});

describe('the call socket', () => {
  it('refuses at the upgrade: no token, an expired one, another appointment\'s, a stranger, a cancelled or unpaid visit', async () => {
    const { h, id } = await confirmedVisit();
    const mine = await tokenFor(h.as.patient, id);
    await expect(joinCall(h.as.patient, mine.roomId, null)).rejects.toMatchObject({ status: 403 });
    await expect(joinCall(new Client(t.app), mine.roomId, mine.token)).rejects.toMatchObject({ status: 401 });
    // The doctor's token is not the patient's, and a token for one room opens no other.
    const doctors = await tokenFor(h.as.doctor, id);
    await expect(joinCall(h.as.patient, mine.roomId, doctors.token)).rejects.toMatchObject({ status: 403 });
    const second = await confirmedVisit(await buildTenant(t.app, KTM));
    const elsewhere = await tokenFor(second.h.as.patient, second.id);
    await expect(joinCall(second.h.as.patient, mine.roomId, elsewhere.token)).rejects.toMatchObject({ status: 403 });
    await expect(joinCall(h.as.patient, mine.roomId, elsewhere.token)).rejects.toMatchObject({ status: 403 });
    // A patient of another hospital with a genuine token of their own finds no such room.
    await expect(joinCall(second.h.as.patient, mine.roomId, signRoomToken(t.config.session.secret, { userId: second.h.patient.id, role: 'patient', appointmentId: id, roomId: mine.roomId, expiresAt: clock.now().getTime() + 60_000 }))).rejects.toMatchObject({ status: 404 });
    // A forged token fails its signature.
    await expect(joinCall(h.as.patient, mine.roomId, mine.token.slice(0, -2) + 'xx')).rejects.toMatchObject({ status: 403 });
    // An unpaid visit: even a genuinely signed token does not open it.
    const unpaid = await buildTenant(t.app, { ...KTM, appointmentFee: 50_000 });
    const visit = await confirmedVisit(unpaid);
    const [row] = await t.app.db.select().from(appointments).where(eq(appointments.id, visit.id));
    const signed = signRoomToken(t.config.session.secret, { userId: unpaid.patient.id, role: 'patient', appointmentId: visit.id, roomId: row!.videoCallRoomId, expiresAt: clock.now().getTime() + 60_000 });
    await expect(joinCall(unpaid.as.patient, row!.videoCallRoomId, signed)).rejects.toMatchObject({ status: 402 });
    // Expired: once the visit can no longer run, the same token is refused.
    const live = await joinCall(h.as.patient, mine.roomId, mine.token);
    live.close();
    const expiresIn = new Date(mine.expiresAt).getTime() - clock.now().getTime();
    clock.advance(expiresIn + 1000);
    try {
      await expect(joinCall(h.as.patient, mine.roomId, mine.token)).rejects.toMatchObject({ status: 403 });
    } finally {
      clock.advance(-(expiresIn + 1000));
    }
    // Cancelled (by the hospital, past the patient's cut-off): refused at the upgrade.
    await t.app.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, id));
    await expect(joinCall(h.as.patient, mine.roomId, mine.token)).rejects.toMatchObject({ status: 409 });
  });

  it('keeps the patient in the waiting room until admitted, relays negotiation, and ends with the duration and a summary', async () => {
    const { h, id } = await confirmedVisit();
    const pt = await tokenFor(h.as.patient, id);
    const dt = await tokenFor(h.as.doctor, id);
    const patient = await joinCall(h.as.patient, pt.roomId, pt.token);
    expect((await patient.next('call.state', (e) => e.state.status === 'waiting')).state.admitted).toBe(false);
    patient.send({ type: 'call.signal', description: { type: 'offer', sdp: OFFER } });
    expect((await patient.next('error')).code).toBe('forbidden');
    const doctor = await joinCall(h.as.doctor, dt.roomId, dt.token);
    // Each learns who is there, whoever came first.
    expect(await doctor.next('call.peer', (e) => e.role === 'patient' && e.present)).toMatchObject({ userId: h.patient.id });
    await patient.next('call.peer', (e) => e.role === 'doctor' && e.present);
    // Only the doctor lets someone in, and nothing the patient hands along goes anywhere.
    const candidate = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    patient.send({ type: 'call.admit', signals: [{ engine: 'p1', description: { type: 'offer', sdp: OFFER } }] });
    expect((await patient.next('error')).code).toBe('forbidden');
    // Admitting starts the visit; the offer and candidate the doctor's page readied meanwhile reach
    // the patient right after the news that they are in, in order.
    doctor.send({ type: 'call.admit', signals: [{ engine: 'd1', description: { type: 'offer', sdp: OFFER } }, { engine: 'd1', candidate }] });
    const admitted = await patient.next('call.state', (e) => e.state.admitted && e.state.status === 'in_progress');
    const offer = await patient.next('call.signal');
    const readied = await patient.next('call.signal');
    expect([offer, readied]).toMatchObject([{ from: 'doctor', engine: 'd1', description: { type: 'offer', sdp: OFFER } }, { from: 'doctor', engine: 'd1', candidate: { sdpMid: '0' } }]);
    expect([admitted, offer, readied].map((e) => patient.events.indexOf(e))).toEqual([...[admitted, offer, readied].map((e) => patient.events.indexOf(e))].sort((a, b) => a - b));
    await doctor.next('call.state', (e) => e.state.admitted);
    expect(doctor.events.filter((e) => e.type === 'call.signal')).toHaveLength(0);
    const [started] = await t.app.db.select().from(appointments).where(eq(appointments.id, id));
    expect(started).toMatchObject({ status: 'in_progress', videoCallStatus: 'in_progress', videoCallAdmitted: true });
    expect(started!.videoCallStartedAt!.getTime()).toBe(clock.now().getTime());
    // Negotiation goes to the other side only, marked with who sent it.
    doctor.send({ type: 'call.signal', description: { type: 'offer', sdp: OFFER } });
    expect(await patient.next('call.signal')).toMatchObject({ from: 'doctor', description: { type: 'offer' } });
    patient.send({ type: 'call.signal', candidate });
    expect(await doctor.next('call.signal')).toMatchObject({ from: 'patient', candidate: { sdpMid: '0' } });
    expect(doctor.events.filter((e) => e.type === 'call.signal' && e.from === 'doctor')).toHaveLength(0);
    // Mute state is shown to the other side; screen sharing is the doctor's alone.
    patient.send({ type: 'call.media', audio: false, video: true, screen: false });
    expect(await doctor.next('call.media')).toMatchObject({ from: 'patient', audio: false, video: true });
    patient.send({ type: 'call.media', audio: true, video: true, screen: true });
    expect((await patient.next('error')).message).toMatch(/Only the doctor can share a screen/);
    patient.send({ type: 'call.signal', description: { type: 'offer', sdp: `${OFFER}m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendonly\r\n` } });
    expect((await patient.next('error')).message).toMatch(/Only the doctor can share a screen/);
    doctor.send({ type: 'call.media', audio: true, video: true, screen: true });
    expect(await patient.next('call.media')).toMatchObject({ from: 'doctor', screen: true });
    // Quality: each side's measurements reach the other as good / fair / poor.
    patient.send({ type: 'call.stats', stats: stats() });
    expect(await doctor.next('call.quality')).toMatchObject({ from: 'patient', quality: 'good' });
    doctor.send({ type: 'call.stats', stats: stats({ rttMs: 600, width: 960, height: 540, reconnects: 2 }) });
    expect(await patient.next('call.quality')).toMatchObject({ from: 'doctor', quality: 'poor' });
    // Back to the waiting room, and in again.
    doctor.send({ type: 'call.send-back' });
    await patient.next('call.state', (e) => !e.state.admitted && e.state.status === 'waiting');
    patient.send({ type: 'call.signal', description: { type: 'answer', sdp: OFFER } });
    expect((await patient.next('error')).code).toBe('forbidden');
    doctor.send({ type: 'call.admit' });
    await patient.next('call.state', (e) => e.state.admitted);
    // A reload: the new socket takes over, admitted as before; the old one is closed.
    const again = await joinCall(h.as.patient, (await tokenFor(h.as.patient, id)).roomId, (await tokenFor(h.as.patient, id)).token);
    expect((await again.next('call.state')).state.admitted).toBe(true);
    expect((await patient.closed).code).toBe(4409);
    await doctor.next('call.peer', (e) => e.role === 'patient' && e.present);
    // The doctor ends the call ten minutes in: duration and summary are recorded, the room closes.
    clock.advance(10 * 60_000);
    doctor.send({ type: 'call.end' });
    expect((await again.closed).code).toBe(4403);
    expect((await doctor.closed).code).toBe(4403);
    const [ended] = await t.app.db.select().from(appointments).where(eq(appointments.id, id));
    expect(ended).toMatchObject({ videoCallStatus: 'ended', callDuration: 600, videoCallAdmitted: false });
    expect(ended!.videoCallSummary).toMatchObject({ durationSeconds: 600, maxWidth: 1280, maxHeight: 720, reconnections: 2, samples: 2, avgRttMs: 320 });
    expectProblem(await h.as.patient.post(`/api/appointments/${id}/video-call/token`), 409, 'call_ended');
    // The doctor and the admin see the summary; the patient does not.
    expect((await h.as.doctor.get(`/api/appointments/${id}`)).body).toMatchObject({ callDuration: 600, videoCallStatus: 'ended', videoCallSummary: { durationSeconds: 600 } });
    expect((await h.as.admin.get(`/api/appointments/${id}`)).body.videoCallSummary).toMatchObject({ maxHeight: 720 });
    expect((await h.as.patient.get(`/api/appointments/${id}`)).body).toMatchObject({ callDuration: 600, videoCallSummary: null });
    // Completing the visit afterwards (once its time has begun) is the usual action, with notes.
    clock.advance(10 * 60_000);
    expect((await h.as.doctor.post(`/api/appointments/${id}/complete`, { notes: 'Antihistamines' })).body.status).toBe('completed');
  });

  it('drops both sides at once when the visit is cancelled, and a signed-out person at once', async () => {
    const { h, id } = await confirmedVisit();
    const pt = await tokenFor(h.as.patient, id);
    const patient = await joinCall(h.as.patient, pt.roomId, pt.token);
    const doctor = await joinCall(h.as.doctor, pt.roomId, (await tokenFor(h.as.doctor, id)).token);
    // Cancelled by the hospital (the doctor and patient are past their cut-off).
    await t.app.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, id));
    // The next heartbeat re-checks the appointment: both sockets close, access withdrawn.
    expect((await patient.closed).code).toBe(4403);
    expect((await doctor.closed).code).toBe(4403);
    const other = await confirmedVisit();
    const s = await joinCall(other.h.as.patient, (await tokenFor(other.h.as.patient, other.id)).roomId, (await tokenFor(other.h.as.patient, other.id)).token);
    await other.h.as.patient.post('/api/auth/logout');
    expect((await s.closed).code).toBe(4401);
  });
});
