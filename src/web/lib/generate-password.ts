const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random temporary password (no look-alike characters), e.g. to read out over the phone. */
export function generatePassword(length = 14): string {
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  // Group in fours for reading aloud: "abcd-efgh-jkmn-pq".
  return out.replace(/(.{4})(?=.)/g, '$1-');
}
