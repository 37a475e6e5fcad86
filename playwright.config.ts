import { defineConfig, devices } from '@playwright/test';
import { freePort } from './e2e/support/free-port.js';
import { CHROMIUM_ARGS, serverEnv } from './e2e/support/server-env.js';

/**
 * End-to-end tests drive the machine's Chromium against the real server serving the built web
 * app (`npm run test:e2e` builds it first), on an empty database made for the run
 * (e2e/support/start-server.ts). Set E2E_BASE_URL to test a server that is already running.
 */
// A free port unless E2E_PORT names one, so two runs on one machine never collide. The config is
// evaluated again in every worker: the first evaluation (in the runner) puts its choice in the
// environment, which the workers inherit, so all of them agree on one port.
process.env.E2E_PORT ||= String(freePort());
const PORT = Number(process.env.E2E_PORT);
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${PORT}`;
const results = process.env.TEST_RESULTS_DIR ?? 'test-results';


export default defineConfig({
  testDir: 'e2e',
  // Real WebRTC calls run on their own, in a loopback-only network namespace (playwright.video.config.ts).
  testIgnore: ['video/**', 'deploy/**'],
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: `${results}/e2e.json` }]],
  // A folder of its own: Playwright empties it at start (other suites' reports sit beside it).
  outputDir: `${results}/e2e-artifacts`,
  use: {
    baseURL,
    headless: true,
    locale: 'en-US',
    timezoneId: 'Asia/Kathmandu',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: external
    ? undefined
    : {
        command: 'npx tsx e2e/support/start-server.ts',
        url: `${baseURL}/api/public/hospitals`,
        reuseExistingServer: false,
        timeout: 120_000,
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
        stdout: 'ignore',
        stderr: 'pipe',
        env: serverEnv(PORT),
      },
});
