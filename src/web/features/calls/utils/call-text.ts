import type { CallQuality } from '../../../../contracts/video.js';
import type { LinkState } from '../../../lib/webrtc/call-engine.js';

/** "04:05", "1:02:09": how long the visit has been going. */
export function elapsed(fromIso: string | null, nowMs: number): string {
  if (!fromIso) return '00:00';
  const total = Math.max(0, Math.floor((nowMs - Date.parse(fromIso)) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

export const QUALITY_TEXT: Record<CallQuality, string> = { good: 'Good', fair: 'Fair', poor: 'Poor' };

/** What to do about a poor link, from the side that has it. */
export const QUALITY_ADVICE: Record<CallQuality, string | null> = {
  good: null,
  fair: 'The connection is unsteady. Moving closer to your Wi-Fi router can help.',
  poor: 'The connection is poor. Turn your camera off to keep the sound clear, or move closer to your Wi-Fi router.',
};

export function linkText(link: LinkState, peerPresent: boolean): string | null {
  if (!peerPresent) return null;
  if (link === 'connecting' || link === 'new') return 'Connecting…';
  if (link === 'reconnecting') return 'Reconnecting…';
  if (link === 'failed') return 'The connection was lost. Trying again…';
  return null;
}

/** Why the page could not join, said the way a patient understands it. */
export function refusalText(code: string | null, message: string | null): string {
  switch (code) {
    case 'payment_required':
      return 'This visit is not paid yet. Pay the fee on the appointment page; the video room opens once it is paid.';
    case 'too_early':
      return message ?? 'The video room is not open yet.';
    case 'call_ended':
      return 'This video visit has ended.';
    case 'call_unavailable':
      return 'There is no video visit to join for this appointment now.';
    case 'not_found':
      return 'This appointment does not exist or you cannot see it.';
    default:
      return message ?? 'The video visit could not be opened.';
  }
}
