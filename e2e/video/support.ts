import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { Api } from '../support/api.js';
import { seedWorld, type World } from '../support/seed.js';
import { startOwnServer } from '../support/own-server.js';

/** Every day, 00:00-23:55 in slots of five minutes: the next slot is never far off. */
const ALL_DAY = { slotMinutes: 5, windows: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, start: '00:00', end: '23:55' })), exceptions: [] };

export interface Visit {
  world: World;
  appointmentId: string;
}

/** A hospital that charges nothing, so an approved visit is confirmed at once: the next free slot. */
export async function seedVisit(baseURL: string, tag: string, world?: World): Promise<Visit> {
  const w = world ?? (await seedWorld(baseURL, tag));
  const admin = await Api.signIn(baseURL, w.admin.email, w.admin.newPassword);
  await admin.send('patch', `/api/hospitals/${w.hospital.id}`, { appointmentFee: 0 });
  const doctor = await Api.signIn(baseURL, w.doctor.email, w.doctor.newPassword);
  await doctor.ctx.put(`/api/doctors/${w.doctor.id}/availability`, { data: ALL_DAY });
  const patient = await Api.signIn(baseURL, w.patient.email, w.patient.password);
  const today = new Date();
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const slots = await patient.send<{ items: { startsAt: string }[] }>('get', `/api/doctors/${w.doctor.id}/slots?from=${day(new Date(today.getTime() - 86_400_000))}&to=${day(new Date(today.getTime() + 2 * 86_400_000))}`);
  const { id } = await patient.send<{ id: string }>('post', '/api/appointments', { doctorId: w.doctor.id, startsAt: slots.items[0]!.startsAt, symptoms: 'Follow-up on a skin rash' }, 201);
  const approved = await doctor.send<{ status: string }>('post', `/api/appointments/${id}/approve`, {});
  expect(approved.status).toBe('confirmed');
  await Promise.all([admin.dispose(), doctor.dispose(), patient.dispose()]);
  return { world: w, appointmentId: id };
}

/**
 * Keeps every peer connection a page makes within reach of the test, and the size of the first
 * frame each video element shows (the page itself has no hook for tests).
 */
const TRACK_PEER_CONNECTIONS = () => {
  const Native = window.RTCPeerConnection;
  const made: RTCPeerConnection[] = [];
  const firstFrames: { width: number; height: number; at: number }[] = [];
  Object.assign(window, { __pcs: made, __firstFrames: firstFrames });
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      made.push(this);
    }
  };
  const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject')!;
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    ...srcObject,
    set(this: HTMLVideoElement, stream: MediaStream | null) {
      srcObject.set!.call(this, stream);
      if (stream && this instanceof HTMLVideoElement && this.dataset.testid === 'remote-video')
        this.requestVideoFrameCallback((_now, meta) => firstFrames.push({ width: meta.width, height: meta.height, at: performance.now() }));
    },
  });
};

/** The size of the first frame the page's remote video showed, since it loaded. */
export const firstRemoteFrame = (page: Page) =>
  page.evaluate(() => (window as unknown as { __firstFrames: { width: number; height: number }[] }).__firstFrames[0] ?? null);

/** A signed-in page in a browser of its own, its peer connections tracked. */
export async function personPage(browser: Browser, baseURL: string, email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'] });
  await context.addInitScript(TRACK_PEER_CONNECTIONS);
  const page = await context.newPage();
  if (process.env.CALL_DEBUG) page.on('console', (m) => console.log(`[${email.split('@')[0]}] ${m.type()} ${m.text()}`));
  const res = await page.request.post('/api/auth/login', { data: { email, password } });
  expect(res.status(), `sign in ${email}`).toBe(200);
  return { context, page };
}

/** The signaling state of every peer connection the page has made, closed ones included. */
export const signalingStates = (page: Page) => page.evaluate(() => (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.map((pc) => pc.signalingState));

export interface LinkReport {
  ice: string | null;
  width: number | null;
  height: number | null;
  framesDecoded: number;
  local: string | null;
  remote: string | null;
}

/** What the page's newest peer connection receives and over which candidate pair, from getStats. */
export function link(page: Page): Promise<LinkReport> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.filter((pc) => pc.connectionState !== 'closed');
    const pc = pcs.at(-1);
    if (!pc) return { ice: null, width: null, height: null, framesDecoded: 0, local: null, remote: null };
    const stats = await pc.getStats();
    let width: number | null = null;
    let height: number | null = null;
    let framesDecoded = 0;
    let pairId: string | null = null;
    stats.forEach((s: Record<string, unknown>) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') {
        width = (s.frameWidth as number) ?? null;
        height = (s.frameHeight as number) ?? null;
        framesDecoded = (s.framesDecoded as number) ?? 0;
      }
      if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') pairId = s.selectedCandidatePairId;
    });
    const pair = pairId ? (stats.get(pairId) as Record<string, string>) : null;
    const type = (id?: string) => (id ? ((stats.get(id) as { candidateType?: string } | undefined)?.candidateType ?? null) : null);
    return { ice: pc.iceConnectionState, width, height, framesDecoded, local: type(pair?.localCandidateId), remote: type(pair?.remoteCandidateId) };
  });
}

/** Waits until the page receives video of that size with frames still coming. */
export async function expectReceiving(page: Page, size: { width: number; height: number }, timeout = 20_000) {
  await expect.poll(async () => link(page), { timeout, intervals: [250] }).toMatchObject({ ice: expect.stringMatching(/connected|completed/), ...size });
  const before = (await link(page)).framesDecoded;
  // After an ICE restart, frames can resume seconds after ICE says connected (the decoder waits
  // for a key frame): allow them as long as the link itself was allowed, never less than 5 s.
  await expect.poll(async () => (await link(page)).framesDecoded, { timeout: Math.max(5_000, timeout) }).toBeGreaterThan(before);
}

/** Another server of our own (say, relay-only), started and stopped by the test. */
export const startServer = (more: Record<string, string>) => startOwnServer(() => ({ WS_HEARTBEAT_SECONDS: '5', ...more }));
