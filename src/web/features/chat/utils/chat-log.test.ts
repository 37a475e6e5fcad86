import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../../contracts/chat.js';
import { withUnread } from '../../../entities/chat/unread-counts.js';
import {
  catchUpAfter,
  deliveryState,
  laterReceipt,
  logFromNewestPage,
  mergeMessages,
  unreadIncoming,
  withMessage,
  withNewerPage,
  withOlderPage,
  withReceipt,
  withReceiptTimes,
  type ChatLog,
} from './chat-log.js';

const APPT = '00000000-0000-4000-8000-000000000001';
const ME = '00000000-0000-4000-8000-0000000000aa';
const THEM = '00000000-0000-4000-8000-0000000000bb';

function msg(seq: number, sender = THEM, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    appointmentId: APPT,
    senderId: sender,
    clientId: null,
    seq,
    text: `message ${seq}`,
    attachment: null,
    deliveredAt: null,
    readAt: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 9, seq)).toISOString(),
    ...extra,
  };
}

const seqs = (log: ChatLog) => log.messages.map((m) => m.seq);

describe('the chat log', () => {
  it('orders the newest page oldest first and pages back without duplicates', () => {
    const log = logFromNewestPage({ items: [msg(9), msg(7), msg(4)], hasMore: true, canWrite: true, maxAttachmentBytes: 1024 });
    expect(seqs(log)).toEqual([4, 7, 9]);
    const older = withOlderPage(log, { items: [msg(4), msg(3), msg(1)], hasMore: false, canWrite: true, maxAttachmentBytes: 1024 });
    expect(seqs(older)).toEqual([1, 3, 4, 7, 9]);
    expect(older.hasMoreOlder).toBe(false);
  });

  it('merges a catch-up with live messages that arrived meanwhile: nothing missed, nothing twice', () => {
    let log = logFromNewestPage({ items: [msg(5), msg(2)], hasMore: false, canWrite: true, maxAttachmentBytes: 1024 });
    log = withMessage(log, msg(8)); // heard live during the catch-up
    log = withNewerPage(log, { items: [msg(6), msg(8), msg(11)], hasMore: false, canWrite: true, maxAttachmentBytes: 1024 });
    expect(seqs(log)).toEqual([2, 5, 6, 8, 11]);
    expect(withMessage(log, msg(11))).toBe(log);
  });

  it('keeps receipts moving forward only', () => {
    const read = '2026-01-01T10:00:00.000Z';
    const delivered = '2026-01-01T09:59:00.000Z';
    const merged = mergeMessages([msg(1, ME, { deliveredAt: delivered, readAt: read })], [msg(1, ME)]);
    expect(merged[0]).toMatchObject({ deliveredAt: delivered, readAt: read });
    let log = logFromNewestPage({ items: [msg(2, ME), msg(1, ME)], hasMore: false, canWrite: true, maxAttachmentBytes: 1024 });
    log = withReceipt(log, { appointmentId: APPT, messageIds: [msg(1).id], deliveredAt: delivered, readAt: null });
    expect(log.messages.map(deliveryState)).toEqual(['delivered', 'sent']);
    log = withReceipt(log, { appointmentId: APPT, messageIds: [msg(1).id, msg(2).id], deliveredAt: read, readAt: read });
    expect(log.messages.map(deliveryState)).toEqual(['read', 'read']);
    expect(log.messages[0]!.deliveredAt).toBe(read);
    expect(withReceipt(log, { appointmentId: APPT, messageIds: ['other'], deliveredAt: read, readAt: read })).toBe(log);
  });

  it('holds a receipt that overtook its message until the message comes', () => {
    const delivered = { deliveredAt: '2026-01-01T10:00:00.000Z', readAt: null };
    const read = { deliveredAt: '2026-01-01T10:01:00.000Z', readAt: '2026-01-01T10:01:00.000Z' };
    const held = laterReceipt(laterReceipt(undefined, read), delivered);
    expect(held).toEqual(read);
    expect(deliveryState(withReceiptTimes(msg(3, ME), held))).toBe('read');
    expect(withReceiptTimes(msg(3, ME, read), delivered)).toMatchObject(read);
  });

  it('catches up from the newest message, or from my oldest unread one to refresh its receipt', () => {
    const empty = logFromNewestPage({ items: [], hasMore: false, canWrite: true, maxAttachmentBytes: 1024 });
    expect(catchUpAfter(empty, ME)).toBe(0);
    const allRead = logFromNewestPage({ items: [msg(9), msg(6, ME, { readAt: '2026-01-01T10:00:00.000Z' })], hasMore: false, canWrite: true, maxAttachmentBytes: 1024 });
    expect(catchUpAfter(allRead, ME)).toBe(9);
    const unread = logFromNewestPage({ items: [msg(9), msg(7, ME), msg(6, ME)], hasMore: false, canWrite: true, maxAttachmentBytes: 1024 });
    expect(catchUpAfter(unread, ME)).toBe(5);
  });

  it('lists the other party’s unread messages', () => {
    const log = logFromNewestPage({
      items: [msg(4), msg(3, ME), msg(2, THEM, { readAt: '2026-01-01T10:00:00.000Z' }), msg(1)],
      hasMore: false,
      maxAttachmentBytes: 1024,
      canWrite: false,
    });
    expect(unreadIncoming(log, ME).map((m) => m.seq)).toEqual([1, 4]);
    expect(log.canWrite).toBe(false);
  });
});

describe('unread counts', () => {
  it('folds one chat’s count into the totals', () => {
    const held = { total: 3, byAppointment: [{ appointmentId: 'a', unread: 1 }, { appointmentId: 'b', unread: 2 }] };
    expect(withUnread(held, 'b', 5, 6)).toEqual({ total: 6, byAppointment: [{ appointmentId: 'a', unread: 1 }, { appointmentId: 'b', unread: 5 }] });
    expect(withUnread(held, 'a', 0, 2)).toEqual({ total: 2, byAppointment: [{ appointmentId: 'b', unread: 2 }] });
  });
});
