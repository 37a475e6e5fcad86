import { SUPERADMIN } from './accounts.js';

/** Chromium as our machines run it headless: no network it cannot reach, no sandbox as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The environment of a test server on `port` (e2e/support/start-server.ts makes its database). */
export const serverEnv = (port: number, more: Record<string, string> = {}) => ({
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: String(port),
  SUPERADMIN_EMAIL: SUPERADMIN.email,
  SUPERADMIN_PASSWORD: SUPERADMIN.password,
  LOG_LEVEL: 'warn',
  // The suite signs in many times a minute from one address.
  AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  // and seeds long chat histories through the API in a second or two.
  CHAT_MESSAGES_PER_MINUTE: '1000',
  // The payment job runs every 2 s instead of 30: an open Khalti order is due again 30 s after
  // its last lookup, so a payment Khalti settles later shows within about half a minute.
  PAYMENT_CHECK_SECONDS: '2',
  // The built app in dist/web, whatever WEB_DIR the caller's environment says.
  WEB_DIR: 'dist/web',
  ...more,
});
