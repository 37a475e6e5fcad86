import { hash, verify } from '@node-rs/argon2';

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
