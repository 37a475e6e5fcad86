import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Id } from '../../../contracts/common.js';
import { CLOSE } from '../../../contracts/realtime.js';
import { CallClientEvent, qualityOf } from '../../../contracts/video.js';
import { partyOf } from '../../access/appointments.policy.js';
import { joinRefusal, sendsSecondVideo } from '../../access/calls.policy.js';
import type { ActorCtx } from '../../context.js';
import { forbidden } from '../../errors.js';
import { toCall } from '../../realtime/events.js';
import type { SocketEndpoint } from '../../realtime/gateway.js';
import type { Conn } from '../../realtime/rooms.js';
import { admitPatient, admitToRoom, arrive, callStateOf, endCall, recordStats, roomAppointment, sendBack } from './calls.service.js';

/** The subprotocol a call socket speaks; the room token travels beside it (`tm.token.<token>`), out of URLs and logs. */
export const CALL_PROTOCOL = 'tm.video';
const TOKEN_PREFIX = 'tm.token.';

const tokenOf = (header: string | string[] | undefined) =>
  String(header ?? '')
    .split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith(TOKEN_PREFIX))
    ?.slice(TOKEN_PREFIX.length);

/** Per socket: whether the patient is in the call (kept from `call.state`), and when it last reported stats. */
const state = new WeakMap<Conn, { admitted: boolean; statsAt: number }>();
const STATS_EVERY_MS = 4_000;

type Signal = Omit<Extract<CallClientEvent, { type: 'call.signal' }>, 'type'>;

/** Negotiation passed to the other side, marked with who sent it and from which socket. */
function relay(ctx: ActorCtx, conn: Conn, { engine, target, description, candidate }: Signal) {
  const { roomId, role, connId } = conn.call!;
  return ctx.bus.publish(toCall(roomId, { type: 'call.signal', from: role, connId, engine, target, description, candidate }));
}

/**
 * `/ws/video-call/<roomId>/`: signaling for the appointment's doctor and patient. The token and
 * the session must match; the server decides who is the doctor; the patient waits until let in.
 * Negotiation, presence and mute state are relayed, never stored (like typing, they go straight
 * to the bus); what changes the visit (admit, send back, end) is stored, then announced.
 */
export const callSocket: SocketEndpoint<{ roomId: string }, CallClientEvent> = {
  kind: 'call',
  path: '/ws/video-call/:roomId/',
  params: z.object({ roomId: Id }),
  maxMessageBytes: 64 * 1024,
  // Trickled ICE candidates come in bursts.
  budget: { burst: 200, perSecond: 50 },
  async admit(ctx, { roomId }, req) {
    const { appointment, role } = await admitToRoom(ctx, roomId, tokenOf(req.headers['sec-websocket-protocol']));
    return {
      listens: [`call:${roomId}`],
      alsoIn: [`appointment:${appointment.id}`],
      appointmentId: appointment.id,
      call: { roomId, role, connId: randomUUID() },
    };
  },
  async opened(ctx, conn, reply) {
    const { roomId, role, connId } = conn.call!;
    const a = await roomAppointment(ctx, roomId);
    state.set(conn, { admitted: a.videoCallAdmitted, statsAt: 0 });
    reply({ type: 'call.state', appointmentId: a.id, state: callStateOf(a) });
    await ctx.bus.publish(toCall(roomId, { type: 'call.peer', role, userId: ctx.actor.userId, connId, present: true, hello: true }));
    await arrive(ctx, roomId, role);
  },
  async closed(ctx, conn) {
    const { roomId, role, connId } = conn.call!;
    await ctx.bus.publish(toCall(roomId, { type: 'call.peer', role, userId: ctx.actor.userId, connId, present: false, hello: false }));
  },
  messages: CallClientEvent,
  async onMessage(ctx, conn, event) {
    const { roomId, role } = conn.call!;
    switch (event.type) {
      case 'call.signal': {
        if (!state.get(conn)?.admitted) throw forbidden('The patient is in the waiting room: the call has not begun');
        if (role === 'patient' && event.description?.sdp && sendsSecondVideo(event.description.sdp)) throw forbidden('Only the doctor can share a screen');
        return relay(ctx, conn, event);
      }
      case 'call.media':
        if (role === 'patient' && event.screen) throw forbidden('Only the doctor can share a screen');
        return ctx.bus.publish(toCall(roomId, { type: 'call.media', from: role, audio: event.audio, video: event.video, screen: event.screen }));
      case 'call.stats': {
        const mine = state.get(conn)!;
        if (Date.now() - mine.statsAt >= STATS_EVERY_MS) {
          mine.statsAt = Date.now();
          await recordStats(ctx, conn.appointmentId!, event.stats);
        }
        return ctx.bus.publish(toCall(roomId, { type: 'call.quality', from: role, quality: qualityOf(event.stats), stats: event.stats }));
      }
      case 'call.admit':
        await admitPatient(ctx, roomId, role);
        // Published after the admission's news, in order: the patient's page opens its connection first.
        for (const signal of event.signals ?? []) await relay(ctx, conn, signal);
        return;
      case 'call.send-back':
        return sendBack(ctx, roomId, role);
      case 'call.end':
        return endCall(ctx, roomId, role);
    }
  },
  hears(conn, event) {
    const me = conn.call!;
    if (event.type === 'call.signal' || event.type === 'call.media' || event.type === 'call.quality') return event.from !== me.role;
    if (event.type === 'call.peer') return event.connId !== me.connId;
    return true;
  },
  async delivered(ctx, conn, event) {
    const me = conn.call!;
    if (event.type === 'call.state') {
      state.get(conn)!.admitted = event.state.admitted;
      if (event.state.status === 'ended') conn.socket.close(CLOSE.accessWithdrawn, 'The call has ended');
    }
    if (event.type === 'call.peer' && event.present) {
      // The same person arrived again (a reload, another tab): the newer socket takes over.
      if (event.userId === ctx.actor.userId) return conn.socket.close(CLOSE.replaced, 'Joined from elsewhere');
      // Someone new wants to know who is here.
      if (event.hello) await ctx.bus.publish(toCall(me.roomId, { type: 'call.peer', role: me.role, userId: ctx.actor.userId, connId: me.connId, present: true, hello: false }));
    }
  },
  stillAllowed(ctx, conn, a) {
    return !!a && a.videoCallRoomId === conn.call!.roomId && partyOf(ctx.scope, a) === conn.call!.role && joinRefusal(a, ctx.config, ctx.clock.now()) === null;
  },
};
