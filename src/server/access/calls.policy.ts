import type { ErrorCode } from '../../contracts/errors.js';
import type { Config } from '../config.js';
import type { appointments } from '../db/schema/index.js';

type Appointment = typeof appointments.$inferSelect;

/** A visit may run over its booked end by up to this much before its room closes to newcomers. */
export const OVERRUN_MS = 2 * 3_600_000;

/**
 * Why the appointment's doctor or patient may not enter its call now, or null when they may:
 * only a confirmed (paid) or started visit, from `VIDEO_JOIN_EARLY_MINUTES` before its start
 * until it ends, and never once the doctor has ended the call.
 */
export function joinRefusal(a: Appointment, config: Config, now: Date): ErrorCode | null {
  if (a.videoCallStatus === 'ended') return 'call_ended';
  if (a.status === 'scheduled') return 'payment_required';
  if (a.status !== 'confirmed' && a.status !== 'in_progress') return 'call_unavailable';
  const t = now.getTime();
  if (t < a.startsAt.getTime() - config.video.joinEarlyMs) return 'too_early';
  if (a.status === 'confirmed' && t > a.endsAt.getTime() + OVERRUN_MS) return 'call_unavailable';
  return null;
}

/**
 * Whether a session description from the patient tries to send more than one video stream:
 * screen sharing is the doctor's, and the server refuses it from the patient even when the page
 * would not offer it.
 */
export function sendsSecondVideo(sdp: string): boolean {
  const sections = sdp.split(/\r?\nm=/).slice(1).filter((m) => m.startsWith('video'));
  const sending = sections.filter((m) => !/\r?\na=(recvonly|inactive)\r?$/m.test(m) && !/^video 0 /.test(m));
  return sending.length > 1;
}
