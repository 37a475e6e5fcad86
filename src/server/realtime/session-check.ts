import type { Ctx } from '../context.js';

/** An internal bus event: sockets in the room re-check their session and access now. */
export const SESSION_CHECK = 'session.check';

/**
 * After sign-out, a password change, or deactivating a person or a hospital: their open sockets
 * close at once instead of at the next heartbeat. Call after the change has committed.
 */
export async function announceSessionChange(ctx: Pick<Ctx, 'bus'>, room: `user:${string}` | `hospital:${string}`) {
  await ctx.bus.publish({ topic: room, payload: { type: SESSION_CHECK } });
}
