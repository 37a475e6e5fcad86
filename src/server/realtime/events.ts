import type { ServerEvent } from '../../contracts/realtime.js';

/**
 * The rooms events go to: a person (all their sockets), an appointment (its chat sockets), a
 * hospital (every notification socket of its members) and a call (its room's sockets).
 */
export type Topic = `user:${string}` | `appointment:${string}` | `hospital:${string}` | `call:${string}`;

/** An event for the gateways alone: the sockets in the room re-check their session and access now. */
export interface SessionCheck {
  type: 'session.check';
}

/** What travels on the bus: what a socket may be sent, or an instruction to the gateways. */
export type BusPayload = ServerEvent | SessionCheck;

export interface BusEvent {
  topic: Topic;
  payload: BusPayload;
}

export const toUser = (userId: string, payload: BusPayload): BusEvent => ({ topic: `user:${userId}`, payload });
export const toAppointment = (appointmentId: string, payload: BusPayload): BusEvent => ({ topic: `appointment:${appointmentId}`, payload });
export const toHospital = (hospitalId: string, payload: BusPayload): BusEvent => ({ topic: `hospital:${hospitalId}`, payload });
export const toCall = (roomId: string, payload: BusPayload): BusEvent => ({ topic: `call:${roomId}`, payload });
