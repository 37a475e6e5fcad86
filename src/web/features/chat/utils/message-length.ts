import { ChatText } from '../../../../contracts/chat.js';

/** The longest message the server stores (the contract's own limit). */
export const MESSAGE_LIMIT = ChatText.maxLength ?? 4000;
/** The counter shows from this many characters before the limit. */
export const NEAR_LIMIT = 500;

export interface MessageLength {
  /** Characters that count, as the server counts them (leading and trailing space trimmed). */
  count: number;
  limit: number;
  /** Under the limit: how many more fit; over it: how many too many. */
  left: number;
  over: number;
  band: 'ok' | 'near' | 'over';
}

export function messageLength(text: string, limit = MESSAGE_LIMIT, near = NEAR_LIMIT): MessageLength {
  const count = text.trim().length;
  const over = Math.max(0, count - limit);
  return { count, limit, left: Math.max(0, limit - count), over, band: over > 0 ? 'over' : count > limit - near ? 'near' : 'ok' };
}

const number = new Intl.NumberFormat('en-US');
/** "3,612 / 4,000". */
export const counterText = (l: MessageLength) => `${number.format(l.count)} / ${number.format(l.limit)}`;

/** The sentence under the box (and read out when the band changes). */
export function lengthMessage(l: MessageLength): string | null {
  if (l.band === 'over') return `Too long to send: ${number.format(l.over)} ${l.over === 1 ? 'character' : 'characters'} over the ${number.format(l.limit)}-character limit.`;
  if (l.band === 'near') return `${number.format(l.left)} ${l.left === 1 ? 'character' : 'characters'} left.`;
  return null;
}

/** What is read out when the band changes (it stays true while the band lasts, unlike a count). */
export function bandAnnouncement(l: MessageLength): string {
  if (l.band === 'over') return `The message is over the ${number.format(l.limit)}-character limit and cannot be sent.`;
  if (l.band === 'near') return `Nearing the ${number.format(l.limit)}-character limit.`;
  return '';
}
