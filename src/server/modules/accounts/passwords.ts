import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../plugins/errors.js';

// argon2id with the library's defaults (~10 ms a hash on our machines).
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the time of a real check, so an unknown email is not told apart by timing. */
export async function burnPasswordCheck(password: string) {
  dummy ??= hashPassword('no-such-user-placeholder');
  await verifyPassword(await dummy, password);
}

let common: Promise<Set<string>> | undefined;
/**
 * The most common passwords (zxcvbn-ts's list of ~49,000 from real breaches, the 18,000 of them
 * long enough to pass our length rule), lower-cased: loaded on first use, not at start-up.
 */
const commonPasswords = () =>
  (common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) =>
    new Set((dictionary['passwords-common'] as string[]).filter((p) => p.length >= 8).map((p) => p.toLowerCase())),
  ));

/** NIST 800-63B: refuse passwords known from breach corpora, whatever their case. */
export async function refuseCommonPassword(password: string, path: string) {
  if ((await commonPasswords()).has(password.toLowerCase()))
    throw new AppError(400, 'password_too_common', undefined, [{ path, message: 'This password is one of the most common ones: choose another' }]);
}
