// Video call setup, measured in real Chromium over loopback (run inside a loopback-only network
// namespace by bench/video.ts): our call (two browsers, signaling through our server) beside two
// bare pages connected directly with default settings, in the same run. Prints one JSON line.
import { spawn } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { freePort } from '../e2e/support/free-port.js';
import { serverEnv } from '../e2e/support/server-env.js';
import { seedVisit } from '../e2e/video/support.js';
import { MEDIA_ARGS } from '../playwright.video.config.js';

const RUNS = Number(process.env.BENCH_VIDEO_RUNS ?? 3);
const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: MEDIA_ARGS });

/** In a page: when ICE connected, when the remote video showed its first frame and its size, and when it first showed 720p. */
const WATCH = () => {
  // tsx (esbuild, keepNames) wraps named functions in __name(): a helper the page does not have.
  (window as unknown as { __name?: unknown }).__name ??= (f: unknown) => f;
  const t0 = performance.now();
  const marks: Record<string, number | { width: number; height: number }> = {};
  Object.assign(window, { __marks: marks, __t0: t0 });
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      this.addEventListener('iceconnectionstatechange', () => {
        if ((this.iceConnectionState === 'connected' || this.iceConnectionState === 'completed') && marks.connected === undefined) marks.connected = performance.now();
      });
      this.addEventListener('track', ({ track }) => {
        if (track.kind !== 'video') return;
        const video = document.createElement('video');
        video.muted = true;
        // Frames are only presented (and so counted by requestVideoFrameCallback) for a video on the page.
        video.style.cssText = 'position:fixed;bottom:0;right:0;width:64px;height:36px';
        const attach = () => document.body.append(video);
        if (document.body) attach();
        else addEventListener('DOMContentLoaded', attach);
        video.srcObject = new MediaStream([track]);
        void video.play();
        const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
          if (marks.firstFrame === undefined) {
            marks.firstFrame = performance.now();
            marks.firstSize = { width: meta.width, height: meta.height };
          }
          if (meta.height >= 720 && marks.hd === undefined) marks.hd = performance.now();
          if (marks.hd === undefined) video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
      });
    }
  };
};

interface Sample {
  connectedMs: number;
  firstFrameMs: number;
  firstHeight: number;
  hdMs: number | null;
}

async function marksOf(page: Page, since: number): Promise<Sample> {
  await page.waitForFunction(() => (window as unknown as { __marks: Record<string, unknown> }).__marks.firstFrame !== undefined, null, { timeout: 30_000 });
  await page.waitForFunction(() => (window as unknown as { __marks: Record<string, unknown> }).__marks.hd !== undefined, null, { timeout: 30_000 }).catch(() => {});
  const m = await page.evaluate(() => (window as unknown as { __marks: Record<string, number | { height: number }> }).__marks);
  return {
    connectedMs: (m.connected as number) - since,
    firstFrameMs: (m.firstFrame as number) - since,
    firstHeight: (m.firstSize as { height: number }).height,
    hdMs: m.hd === undefined ? null : (m.hd as number) - since,
  };
}

/** Two bare pages, default RTCPeerConnection settings, descriptions passed by the bench itself. */
async function barePages(browser: Browser, origin: string): Promise<Sample> {
  const [a, b] = await Promise.all([browser.newPage(), browser.newPage()]);
  for (const p of [a, b]) {
    await p.addInitScript(WATCH);
    await p.goto(`${origin}/api/public/hospitals`);
  }
  const setup = async (p: Page) =>
    p.evaluate(async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: true });
      const pc = new RTCPeerConnection();
      stream.getTracks().forEach((t) => pc.addTrack(t, stream));
      Object.assign(window, { __pc: pc });
    });
  await Promise.all([setup(a), setup(b)]);
  const start = await b.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0);
  const offer = await a.evaluate(async () => {
    const pc = (window as unknown as { __pc: RTCPeerConnection }).__pc;
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise<void>((r) => (pc.iceGatheringState === 'complete' ? r() : pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && r())));
    return pc.localDescription!.toJSON();
  });
  const answer = await b.evaluate(async (o) => {
    const pc = (window as unknown as { __pc: RTCPeerConnection }).__pc;
    await pc.setRemoteDescription(o);
    await pc.setLocalDescription(await pc.createAnswer());
    await new Promise<void>((r) => (pc.iceGatheringState === 'complete' ? r() : pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && r())));
    return pc.localDescription!.toJSON();
  }, offer);
  await a.evaluate((d) => (window as unknown as { __pc: RTCPeerConnection }).__pc.setRemoteDescription(d), answer);
  const t0b = await b.evaluate(() => (window as unknown as { __t0: number }).__t0);
  const sample = await marksOf(b, start + t0b);
  await Promise.all([a.close(), b.close()]);
  return sample;
}

/** Our call: the patient waits, the doctor admits; measured at the patient from the click. */
async function ourCall(doctorBrowser: Browser, patientBrowser: Browser, origin: string, run: number): Promise<Sample> {
  const visit = await seedVisit(origin, `bench${run}`);
  const open = async (browser: Browser, email: string, password: string) => {
    const context = await browser.newContext({ baseURL: origin, permissions: ['camera', 'microphone'] });
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    await page.request.post('/api/auth/login', { data: { email, password } });
    return page;
  };
  const patient = await open(patientBrowser, visit.world.patient.email, visit.world.patient.password);
  const doctor = await open(doctorBrowser, visit.world.doctor.email, visit.world.doctor.newPassword);
  await patient.goto(`/video-call/${visit.appointmentId}`);
  await patient.getByTestId('waiting-room').waitFor();
  await doctor.goto(`/video-call/${visit.appointmentId}`);
  const admit = doctor.getByRole('button', { name: /^Admit / });
  await admit.waitFor();
  // From the click itself, as the doctor's page saw it: Playwright's checks before clicking are
  // not the call's. Pages keep their own clocks; timeOrigin puts both on one.
  await doctor.evaluate(() =>
    document.addEventListener('click', () => Object.assign(window, { __clickAt: performance.timeOrigin + performance.now() }), { capture: true, once: true }),
  );
  await admit.click();
  const clickAt = await doctor.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
  const sample = await marksOf(patient, clickAt - (await patient.evaluate(() => performance.timeOrigin)));
  await Promise.all([patient.context().close(), doctor.context().close()]);
  return sample;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? null;

const port = freePort();
const origin = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/start-server.ts'], { env: { ...process.env, ...serverEnv(port, { DATABASE_URL: '', REDIS_URL: '' }) }, stdio: 'ignore' });
try {
  for (let i = 0; ; i++) {
    if (await fetch(`${origin}/api/public/hospitals`).then((r) => r.ok, () => false)) break;
    if (i > 240) throw new Error('the bench server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  const [one, two] = await Promise.all([launch(), launch()]);
  const bare: Sample[] = [];
  const ours: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    bare.push(await barePages(one, origin));
    ours.push(await ourCall(one, two, origin, run));
  }
  await Promise.all([one.close(), two.close()]);
  const summary = (samples: Sample[]) => ({
    connectedMs: median(samples.map((s) => s.connectedMs)),
    firstFrameMs: median(samples.map((s) => s.firstFrameMs)),
    firstFrameHeights: samples.map((s) => s.firstHeight),
    hdMs: median(samples.map((s) => s.hdMs ?? Number.POSITIVE_INFINITY)),
  });
  console.log(JSON.stringify({ runs: RUNS, bare: summary(bare), ours: summary(ours) }));
} finally {
  server.kill('SIGTERM');
}
process.exit(0);
