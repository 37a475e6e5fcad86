import type { ChatHistory, ChatMessage } from '../../../../contracts/chat.js';
import type { Receipt } from '../../../../contracts/realtime.js';
import type { z } from 'zod';

/** What the browser holds of one appointment's chat (the `queryKeys.chat.history(id)` entry). */
export interface ChatLog {
  /** Oldest first, each message once. */
  messages: ChatMessage[];
  /** Older messages exist before the first one here. */
  hasMoreOlder: boolean;
  canWrite: boolean;
  /** The server's attachment size limit, to refuse a large file before uploading it. */
  maxAttachmentBytes: number;
}

type ReceiptT = z.infer<typeof Receipt>;

/** The later of two receipt times (a receipt only ever moves forward). */
const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

function combine(existing: ChatMessage, incoming: ChatMessage): ChatMessage {
  const deliveredAt = later(existing.deliveredAt, incoming.deliveredAt);
  const readAt = later(existing.readAt, incoming.readAt);
  // Messages never change after they are stored, except for their receipts.
  if (deliveredAt === existing.deliveredAt && readAt === existing.readAt) return existing;
  return { ...incoming, deliveredAt, readAt };
}

/** Both lists merged by id, ordered by seq: nothing twice, nothing lost, receipts kept. */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current as ChatMessage[];
  const byId = new Map(current.map((m) => [m.id, m] as const));
  let changed = false;
  for (const m of incoming) {
    const existing = byId.get(m.id);
    const next = existing ? combine(existing, m) : m;
    if (next !== existing) {
      byId.set(m.id, next);
      changed = true;
    }
  }
  if (!changed) return current as ChatMessage[];
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** The first page (`GET …/messages`, newest first). */
export function logFromNewestPage(page: ChatHistory): ChatLog {
  return { messages: mergeMessages([], page.items), hasMoreOlder: page.hasMore, canWrite: page.canWrite, maxAttachmentBytes: page.maxAttachmentBytes };
}

/** A page from `before=<oldest seq>`. */
export function withOlderPage(log: ChatLog, page: ChatHistory): ChatLog {
  return { ...log, messages: mergeMessages(log.messages, page.items), hasMoreOlder: page.hasMore, canWrite: page.canWrite };
}

/** Messages from `after=<seq>` (a catch-up) or the newest page fetched again. */
export function withNewerPage(log: ChatLog, page: ChatHistory): ChatLog {
  return { ...log, messages: mergeMessages(log.messages, page.items), canWrite: page.canWrite };
}

export function withMessage(log: ChatLog, message: ChatMessage): ChatLog {
  const messages = mergeMessages(log.messages, [message]);
  return messages === log.messages ? log : { ...log, messages };
}

export type ReceiptTimes = Pick<ChatMessage, 'deliveredAt' | 'readAt'>;

/** A message with a receipt applied (receipts only move forward). */
export function withReceiptTimes(message: ChatMessage, times: ReceiptTimes): ChatMessage {
  return combine(message, { ...message, deliveredAt: times.deliveredAt, readAt: times.readAt });
}

/** Two receipts for one message as one. */
export function laterReceipt(a: ReceiptTimes | undefined, b: ReceiptTimes): ReceiptTimes {
  return a ? { deliveredAt: later(a.deliveredAt, b.deliveredAt), readAt: later(a.readAt, b.readAt) } : b;
}

export function withReceipt(log: ChatLog, receipt: ReceiptT): ChatLog {
  const ids = new Set(receipt.messageIds);
  let changed = false;
  const messages = log.messages.map((m) => {
    if (!ids.has(m.id)) return m;
    const next = withReceiptTimes(m, receipt);
    if (next !== m) changed = true;
    return next;
  });
  return changed ? { ...log, messages } : log;
}

export const newestSeq = (log: ChatLog) => log.messages[log.messages.length - 1]?.seq ?? 0;
export const oldestSeq = (log: ChatLog) => log.messages[0]?.seq;

/**
 * Where a catch-up after a reconnect starts (`after=`): the newest message held, or just before
 * the oldest of my own messages not yet read, so their receipts are refreshed too.
 */
export function catchUpAfter(log: ChatLog, myId: string): number {
  let after = newestSeq(log);
  for (const m of log.messages) {
    if (m.senderId === myId && !m.readAt) {
      after = Math.min(after, m.seq - 1);
      break;
    }
  }
  return Math.max(0, after);
}

/** The other party's messages I have not read yet, oldest first. */
export function unreadIncoming(log: ChatLog, myId: string): ChatMessage[] {
  return log.messages.filter((m) => m.senderId !== myId && !m.readAt);
}

/** What my own stored message shows: sent (stored), delivered (reached their device) or read. */
export type DeliveryState = 'sent' | 'delivered' | 'read';
export function deliveryState(m: Pick<ChatMessage, 'deliveredAt' | 'readAt'>): DeliveryState {
  if (m.readAt) return 'read';
  if (m.deliveredAt) return 'delivered';
  return 'sent';
}
