import { defineConfig, devices } from '@playwright/test';
import { freePort } from './e2e/support/free-port.js';
import { CHROMIUM_ARGS, serverEnv } from './e2e/support/server-env.js';
import { fakeCamera720p } from './e2e/video/fake-camera.js';

/**
 * Real video calls: two Chromium browsers with the fake camera and microphone, over real WebRTC.
 * `npm run test:video` runs this inside a network namespace that has only loopback
 * (e2e/video/run.sh), so media never leaves 127.0.0.1: the server, the browsers and coturn all
 * run in it, on the embedded database (the machine's PostgreSQL and Redis are outside it).
 */
process.env.E2E_VIDEO_PORT ||= String(freePort());
const PORT = Number(process.env.E2E_VIDEO_PORT);
const baseURL = `http://127.0.0.1:${PORT}`;
const results = process.env.TEST_RESULTS_DIR ?? 'test-results';

/** What makes WebRTC work headless on loopback (MACHINE-NOTES): fake devices (a 720p camera), loopback candidates. */
export const MEDIA_ARGS = [
  ...CHROMIUM_ARGS,
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${fakeCamera720p(`${results}/fake-camera-720p.y4m`)}`,
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

export default defineConfig({
  testDir: 'e2e/video',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: `${results}/video.json` }]],
  outputDir: `${results}/video-artifacts`,
  use: {
    baseURL,
    headless: true,
    locale: 'en-US',
    timezoneId: 'Asia/Kathmandu',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    permissions: ['camera', 'microphone'],
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: MEDIA_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'npx tsx e2e/support/start-server.ts',
    url: `${baseURL}/api/public/hospitals`,
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: process.env.CALL_DEBUG ? 'pipe' : 'ignore',
    stderr: 'pipe',
    // Inside the namespace only loopback exists: the embedded database and the in-process bus.
    env: serverEnv(PORT, { DATABASE_URL: '', REDIS_URL: '', WS_HEARTBEAT_SECONDS: '5' }),
  },
});
