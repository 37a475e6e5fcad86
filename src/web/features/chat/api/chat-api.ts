import { z } from 'zod';
import { ChatHistory, ChatMessage } from '../../../../contracts/chat.js';
import { api, withQuery } from '../../../lib/api-client.js';
import { uploadFile } from '../../../lib/upload.js';

const base = (appointmentId: string) => `/api/appointments/${appointmentId}/messages`;

export const PAGE_SIZE = 50;
/** Catch-up pages are as large as the server allows. */
export const CATCH_UP_PAGE_SIZE = 200;

/** Newest first, before `before` when given. */
export function fetchPage(appointmentId: string, params: { before?: number; limit?: number }, signal?: AbortSignal) {
  return api.get(withQuery(base(appointmentId), { before: params.before, limit: params.limit ?? PAGE_SIZE }), ChatHistory, signal);
}

/** Oldest first, every message after `after` (the server pages; this follows `hasMore`). */
export async function fetchAfter(appointmentId: string, after: number, signal?: AbortSignal): Promise<ChatHistory> {
  const items: ChatMessage[] = [];
  let cursor = after;
  for (let page = 0; page < 50; page++) {
    const result = await api.get(withQuery(base(appointmentId), { after: cursor, limit: CATCH_UP_PAGE_SIZE }), ChatHistory, signal);
    items.push(...result.items);
    const last = result.items[result.items.length - 1];
    if (!result.hasMore || !last) return { ...result, items, hasMore: false };
    cursor = last.seq;
  }
  throw new Error('The chat has too many new messages to catch up with; reload the page.');
}

export function postMessage(appointmentId: string, body: { text: string; clientId: string }) {
  return api.post(base(appointmentId), body, ChatMessage);
}

export function postRead(appointmentId: string, upToSeq: number) {
  return api.post(`${base(appointmentId)}/read`, { upToSeq }, z.object({ marked: z.number().int() }));
}

export function uploadAttachment(
  appointmentId: string,
  input: { file: File; text: string; clientId: string; onProgress: (fraction: number) => void; signal: AbortSignal },
) {
  const fields: Record<string, string> = { clientId: input.clientId };
  if (input.text) fields.text = input.text;
  return uploadFile({
    method: 'POST',
    path: base(appointmentId),
    file: input.file,
    fields,
    schema: ChatMessage,
    onProgress: input.onProgress,
    signal: input.signal,
  });
}
