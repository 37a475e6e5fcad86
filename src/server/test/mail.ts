import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { TOTP, Secret } from 'otpauth';
import { outgoingMail } from '../db/schema/index.js';
import type { Client } from './harness.js';

/** A log stream a test can read back (the app's pino lines). */
export function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { stream, text: () => lines.join('') };
}

/** The mail queued to this address, oldest first (what the worker will send). */
export async function queuedTo(app: FastifyInstance, address: string) {
  return (await app.db.select().from(outgoingMail).where(eq(outgoingMail.toAddress, address))).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** The code an authenticator app shows for this secret at `at`, computed here as the app would. */
export const totpCode = (secret: string, at: Date) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });

/** Sets up two-factor sign-in for the signed-in client; returns the secret and the recovery codes. */
export async function enrolTwoFactor(client: Client): Promise<{ secret: string; codes: string[] }> {
  const setup = await client.post('/api/auth/two-factor/setup');
  if (setup.status !== 200) throw new Error(`setup: ${setup.status} ${JSON.stringify(setup.body)}`);
  const enabled = await client.post('/api/auth/two-factor/enable', { code: totpCode(setup.body.secret, client.app.clock.now()) });
  if (enabled.status !== 200) throw new Error(`enable: ${enabled.status} ${JSON.stringify(enabled.body)}`);
  return { secret: setup.body.secret, codes: enabled.body.codes };
}
