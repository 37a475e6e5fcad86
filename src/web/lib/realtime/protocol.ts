import { CLOSE, MAX_CLIENT_MESSAGE_BYTES, ServerEvent, type ClientEvent } from '../../../contracts/realtime.js';

/** `/ws/chat/<id>/` on the page's own host: `ws:` beside `http:`, `wss:` beside `https:`. */
export function socketUrl(path: string, location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A frame from the server as a typed event, or null when it is not one we know (ignored). */
export function parseServerEvent(data: unknown): ServerEvent | null {
  if (typeof data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = ServerEvent.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The frame for a client event, or null when it is over the server's size limit for that socket. */
export function encodeClientEvent(event: ClientEvent, maxBytes = MAX_CLIENT_MESSAGE_BYTES): string | null {
  const text = JSON.stringify(event);
  return new TextEncoder().encode(text).byteLength > maxBytes ? null : text;
}

/** Why a socket stopped for good; anything else is a dropped connection worth retrying. */
export type EndReason = 'session_ended' | 'access_withdrawn' | 'replaced' | 'stopped';

export function endReasonOf(closeCode: number): EndReason | null {
  if (closeCode === CLOSE.sessionEnded) return 'session_ended';
  if (closeCode === CLOSE.accessWithdrawn) return 'access_withdrawn';
  // The same person opened the call elsewhere (a reload, another tab): retrying would take it back.
  if (closeCode === CLOSE.replaced) return 'replaced';
  return null;
}
