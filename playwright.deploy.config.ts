import { defineConfig, devices } from '@playwright/test';
import { MEDIA_ARGS } from './playwright.video.config.js';

/**
 * The deployment check (`npm run test:deploy`, e2e/deploy/run.sh): the production build behind
 * nginx with TLS, two instances on PostgreSQL and Redis, in a loopback-only network namespace.
 * The stack starts in the worker (e2e/deploy/fixtures.ts), so there is no webServer here.
 */
const results = process.env.TEST_RESULTS_DIR ?? 'test-results';

export default defineConfig({
  testDir: 'e2e/deploy',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: `${results}/deploy.json` }]],
  outputDir: `${results}/deploy-artifacts`,
  use: {
    headless: true,
    locale: 'en-US',
    timezoneId: 'Asia/Kathmandu',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    permissions: ['camera', 'microphone'],
    ignoreHTTPSErrors: true,
    // The certificate is the check's own, made on the spot (run.sh).
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...MEDIA_ARGS, '--ignore-certificate-errors'] },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
