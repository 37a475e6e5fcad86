import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import { ChatMessage, ChatText, ClientMessageId } from './chat.js';
import { Notification } from './notifications.js';
import { AppointmentStatus } from './enums.js';
import { ErrorCode } from './errors.js';
import { CallClientEvent, CallServerEvents } from './video.js';
import { PaymentStatus } from './payments.js';

/** What a browser may send on a chat socket. */
export const ChatClientEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chat.send'), clientId: ClientMessageId, text: ChatText }),
  z.object({ type: z.literal('chat.typing'), typing: z.boolean() }),
  z.object({ type: z.literal('chat.read'), upToSeq: z.number().int().min(0) }),
]);
export type ChatClientEvent = z.infer<typeof ChatClientEvent>;

/** What a browser may send on a socket (every socket takes `ping`). Anything else is answered with an `error`. */
export const ClientEvent = z.union([z.object({ type: z.literal('ping') }), ChatClientEvent, CallClientEvent]);
export type ClientEvent = z.infer<typeof ClientEvent>;

export const Receipt = z.object({ appointmentId: Id, messageIds: z.array(Id), deliveredAt: IsoDateTime.nullable(), readAt: IsoDateTime.nullable() });

/** Everything the server sends on a socket. */
export const ServerEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), userId: Id, canWrite: z.boolean().optional() }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), code: z.union([ErrorCode, z.enum(['bad_message', 'message_too_large'])]), message: z.string(), clientId: z.string().optional() }),
  z.object({ type: z.literal('chat.ack'), clientId: z.string(), message: ChatMessage }),
  z.object({ type: z.literal('chat.message'), message: ChatMessage }),
  z.object({ type: z.literal('chat.receipt'), receipt: Receipt }),
  z.object({ type: z.literal('chat.typing'), appointmentId: Id, userId: Id, typing: z.boolean() }),
  z.object({ type: z.literal('notification'), notification: Notification }),
  z.object({ type: z.literal('appointment.changed'), appointmentId: Id, status: AppointmentStatus }),
  z.object({ type: z.literal('chat.unread'), appointmentId: Id, unread: z.number().int(), total: z.number().int() }),
  /** The viewer's notifications were marked read: those of one appointment, or all (null). */
  z.object({ type: z.literal('notifications.read'), appointmentId: Id.nullable() }),
  /** A doctor's free time changed (a booking, a cancel, new hours): slot lists should refresh. */
  z.object({ type: z.literal('slots.changed'), doctorId: Id }),
  /** A payment of the viewer's (or of this appointment) changed: receipts and payment states should refresh. */
  z.object({ type: z.literal('payment.changed'), paymentId: Id, appointmentId: Id, status: PaymentStatus }),
  ...CallServerEvents,
]);
export type ServerEvent = z.infer<typeof ServerEvent>;

/**
 * Close codes: 4401 signed out or session ended, 4403 access withdrawn, 4409 the same person
 * joined the call elsewhere; 1012 (WebSocket's "service restart") the instance is shutting down:
 * reconnect now, and the load balancer will take you to another.
 */
export const CLOSE = { sessionEnded: 4401, accessWithdrawn: 4403, replaced: 4409, serviceRestart: 1012 } as const;
export const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;
