import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * TOTP as RFC 6238 and every authenticator app have it: SHA-1, 6 digits, 30-second steps; a
 * code of the step before or after is accepted too (clocks drift).
 */
const PERIOD_S = 30;
const ISSUER = 'Telemedicine';

const totp = (secretBase32: string, label = '') =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secretBase32) });

/** A new 160-bit secret (RFC 4226's recommendation), base32 as apps take it. */
export const newSecret = () => new Secret({ size: 20 }).base32;

/** What an app scans: the otpauth:// URI, and the same as an SVG QR code. */
export async function enrolment(secretBase32: string, account: string) {
  const otpauthUri = totp(secretBase32, account).toString();
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** The time step a code is good for at `now`, or null when it is good for none of this one and its neighbours. */
export function acceptedStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totp(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_S) + delta;
}

/**
 * Secrets are kept encrypted (AES-256-GCM) under a key derived from SESSION_SECRET, so a copy
 * of the database alone does not let anyone make codes. Changing SESSION_SECRET therefore
 * turns off every second factor's app (recovery codes still work, then set it up again).
 */
const keyOf = (sessionSecret: string) => Buffer.from(hkdfSync('sha256', sessionSecret, 'telemedicine', 'totp-secret-v1', 32));

export function sealSecret(secretBase32: string, sessionSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(sessionSecret), iv);
  const data = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** The secret, or null when it cannot be opened (SESSION_SECRET changed since it was sealed). */
export function openSecret(sealed: string, sessionSecret: string): string | null {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(sessionSecret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Lower-case letters and digits a person will not confuse (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes of 16 characters (about 79 bits each), written "abcd-efgh-jkmn-pqrs". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-'),
  );
}

/** As typed: case, spaces and dashes do not matter. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Random codes of that length need no slow hash: SHA-256 of the normalized code. */
export const hashRecoveryCode = (code: string) => createHash('sha256').update(normalizeRecoveryCode(code)).digest('base64url');
