import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CallRole } from '../../../contracts/video.js';

/**
 * A room token: who (user and role, as the server decided), which appointment and room, until
 * when. Signed with a key derived from SESSION_SECRET; the socket checks it with the session.
 */
export interface RoomClaims {
  userId: string;
  role: CallRole;
  appointmentId: string;
  roomId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const keyOf = (secret: string) => createHmac('sha256', secret).update('video-call-room-token').digest();
const mac = (secret: string, body: string) => createHmac('sha256', keyOf(secret)).update(body).digest('base64url');

export function signRoomToken(secret: string, claims: RoomClaims): string {
  const body = Buffer.from(JSON.stringify({ u: claims.userId, r: claims.role, a: claims.appointmentId, m: claims.roomId, e: claims.expiresAt })).toString('base64url');
  return `v1.${body}.${mac(secret, body)}`;
}

/** The claims of a genuine, unexpired token; null for anything else. */
export function verifyRoomToken(secret: string, token: string, now: Date): RoomClaims | null {
  const [version, body, sig] = token.split('.');
  if (version !== 'v1' || !body || !sig) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { u: string; r: CallRole; a: string; m: string; e: number };
    if (typeof c.e !== 'number' || c.e <= now.getTime()) return null;
    return { userId: c.u, role: c.r, appointmentId: c.a, roomId: c.m, expiresAt: c.e };
  } catch {
    return null;
  }
}
