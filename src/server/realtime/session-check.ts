import type { Outbox } from './outbox.js';
import type { Topic } from './events.js';

/**
 * After sign-out, a password change, or deactivating a person or a hospital: their open sockets
 * re-check at once (and close) instead of at the next heartbeat. Also after a change to what a
 * session shows (a name, a hospital's name): every instance drops its cached copies of those
 * sessions, and the sockets' re-check finds them still good. Queued with the change, so it goes
 * out only once the change has committed.
 */
export function announceSessionChange(outbox: Outbox, room: Extract<Topic, `user:${string}` | `hospital:${string}`>) {
  outbox.add({ topic: room, payload: { type: 'session.check' } });
}
