import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { Id } from '../../contracts/common.js';
import { CLOSE, ClientEvent, MAX_CLIENT_MESSAGE_BYTES, type ServerEvent } from '../../contracts/realtime.js';
import type { ActorCtx } from '../context.js';
import { resolveSession, touchSession, type Actor } from '../modules/accounts/sessions.js';
import { findAppointment } from '../modules/appointments/appointments.queries.js';
import { chatAccess } from '../modules/chat/chat.policy.js';
import { markDelivered, markRead, sendMessage, spendChatBudget } from '../modules/chat/chat.service.js';
import { AppError, notFound } from '../plugins/errors.js';
import { originAllowed } from '../plugins/origin.js';
import { cookieName } from '../plugins/session.js';
import type { BusEvent } from './bus.js';
import { SESSION_CHECK } from './session-check.js';
import { Rooms, type Conn } from './rooms.js';

const ChatParams = z.object({ appointmentId: Id });

/**
 * WebSockets: `/ws/notifications/` (the user's room) and `/ws/chat/:appointmentId/` (an
 * appointment's room). Authorized at the upgrade like any request; re-checked on every
 * heartbeat and whenever the appointment changes. Sockets only relay domain events from the bus.
 */
export async function realtimeGateway(app: FastifyInstance) {
  const rooms = new Rooms();
  const ctxOf = (conn: Conn): ActorCtx => ({ db: app.db, config: app.config, bus: app.bus, clock: app.clock, log: app.log, actor: conn.actor, ip: conn.ip, userAgent: conn.userAgent });

  // Refuse before the upgrade: a foreign origin, someone not signed in (onRequest), a stranger to the chat.
  const checkOrigin = async (req: FastifyRequest) => {
    if (!originAllowed(req, app.config)) throw new AppError(403, 'origin_mismatch');
  };

  // One person, many tabs and devices, but not without bound: each socket costs memory and heartbeats.
  const withinSocketCap = async (req: FastifyRequest) => {
    if (rooms.in(`user:${req.actor!.userId}`).length >= app.config.wsMaxSocketsPerUser)
      throw new AppError(429, 'too_many_connections', `At most ${app.config.wsMaxSocketsPerUser} open connections per person: close some tabs`);
  };

  const open = (socket: WebSocket, req: FastifyRequest, listens: string[], appointmentId: string | null) => {
    const conn: Conn = {
      socket,
      actor: req.actor!,
      token: req.cookies[cookieName(app.config.session)]!,
      session: { id: req.actor!.sessionId, lastSeenAt: app.clock.now() },
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? null,
      appointmentId,
      alive: true,
      budget: { tokens: 30, at: Date.now() },
    };
    const actor = req.actor!;
    rooms.join(conn, listens, [`user:${actor.userId}`, ...(actor.hospitalId ? [`hospital:${actor.hospitalId}`] : [])].filter((r) => !listens.includes(r)));
    socket.on('pong', () => (conn.alive = true));
    socket.on('close', () => rooms.leave(conn));
    socket.on('message', (raw: Buffer, isBinary: boolean) => void onMessage(conn, raw, isBinary));
    send(conn, { type: 'ready', userId: conn.actor.userId, ...(appointmentId ? { canWrite: true } : {}) });
    return conn;
  };

  app.get('/ws/notifications/', { websocket: true, preValidation: checkOrigin, preHandler: withinSocketCap, schema: { hide: true } }, (socket, req) => {
    // The hospital's room carries what every member may hear: which doctors' free time changed.
    const { userId, hospitalId } = req.actor!;
    open(socket, req, [`user:${userId}`, ...(hospitalId ? [`hospital:${hospitalId}`] : [])], null);
  });

  app.get('/ws/chat/:appointmentId/', {
    websocket: true,
    schema: { hide: true, params: ChatParams },
    preValidation: checkOrigin,
    preHandler: [withinSocketCap, async (req: FastifyRequest) => {
      const { appointmentId } = req.params as { appointmentId: string };
      const row = await findAppointment(app.db, req.actor!, appointmentId);
      if (!row) throw notFound('No such appointment');
      const access = chatAccess(row.appointment, req.actor!, app.config, app.clock.now());
      if (!access.participant) throw new AppError(403, 'forbidden', 'Only the patient and the doctor join this chat');
      if (!access.canWrite) throw new AppError(409, 'chat_closed', 'This chat is read-only: load its history over HTTP');
    }],
  }, (socket, req) => {
    const { appointmentId } = req.params as { appointmentId: string };
    open(socket, req, [`appointment:${appointmentId}`], appointmentId);
  });

  async function onMessage(conn: Conn, raw: Buffer, isBinary: boolean) {
    if (isBinary || raw.byteLength > MAX_CLIENT_MESSAGE_BYTES)
      return send(conn, { type: 'error', code: isBinary ? 'bad_message' : 'message_too_large', message: isBinary ? 'Send JSON text' : `Messages are limited to ${MAX_CLIENT_MESSAGE_BYTES} bytes` });
    let event: ClientEvent;
    try {
      const parsed = ClientEvent.safeParse(JSON.parse(raw.toString('utf8')));
      if (!parsed.success) return send(conn, { type: 'error', code: 'bad_message', message: parsed.error.issues[0]?.message ?? 'Unknown message' });
      event = parsed.data;
    } catch {
      return send(conn, { type: 'error', code: 'bad_message', message: 'Messages are JSON' });
    }
    if (!spend(conn)) return send(conn, { type: 'error', code: 'rate_limited', message: 'Slow down: too many messages', ...(event.type === 'chat.send' ? { clientId: event.clientId } : {}) });
    if (event.type === 'ping') return send(conn, { type: 'pong' });
    // What the person does on the socket keeps their session alive, like a request would.
    await touchSession(app.db, conn.session, app.clock.now()).catch((err) => app.log.error({ err }, 'session touch failed'));
    const appointmentId = conn.appointmentId;
    if (!appointmentId) return send(conn, { type: 'error', code: 'bad_message', message: 'Chat messages go to /ws/chat/<appointment>/' });
    try {
      if (event.type === 'chat.send') {
        spendChatBudget(app, conn.actor.userId);
        const message = await sendMessage(ctxOf(conn), appointmentId, { text: event.text, clientId: event.clientId });
        send(conn, { type: 'chat.ack', clientId: event.clientId, message });
      } else if (event.type === 'chat.read') {
        await markRead(ctxOf(conn), appointmentId, event.upToSeq);
      } else {
        await app.bus.publish({ topic: `appointment:${appointmentId}`, payload: { type: 'chat.typing', appointmentId, userId: conn.actor.userId, typing: event.typing } });
      }
    } catch (err) {
      const clientId = event.type === 'chat.send' ? event.clientId : undefined;
      if (err instanceof AppError) return send(conn, { type: 'error', code: err.code, message: err.message, clientId });
      app.log.error({ err }, 'socket message failed');
      send(conn, { type: 'error', code: 'internal_error', message: 'Something went wrong on our side', clientId });
    }
  }

  // Fan-out: every instance hears every event and hands it to its own sockets in that room.
  const unsubscribe = app.bus.subscribe((event: BusEvent) => void deliver(event));
  async function deliver({ topic, payload }: BusEvent) {
    if ((payload as { type?: string }).type === SESSION_CHECK) {
      for (const conn of rooms.in(topic)) await recheck(conn);
      return;
    }
    const event = payload as ServerEvent;
    const listeners = rooms.in(topic).filter((conn) => rooms.listensTo(conn, topic));
    // Everyone hears the event before any receipt about it goes out.
    for (const conn of listeners) if (!(event.type === 'chat.typing' && event.userId === conn.actor.userId)) send(conn, event);
    for (const conn of listeners) {
      if (event.type === 'chat.message' && event.message.senderId !== conn.actor.userId && !event.message.deliveredAt)
        await markDelivered(ctxOf(conn), event.message.appointmentId, conn.actor.userId, [event.message.id]).catch((err) => app.log.error({ err }, 'delivery receipt failed'));
      if (event.type === 'appointment.changed' && conn.appointmentId) await recheck(conn);
    }
  }

  /** Closes a socket whose session ended or whose access was withdrawn. */
  async function recheck(conn: Conn) {
    const actor = await resolveSession(app.db, app.config.session, conn.token, app.clock.now(), { touch: false }).catch(() => undefined);
    if (actor === undefined) return; // the database did not answer: try again next beat
    if (!actor) return conn.socket.close(CLOSE.sessionEnded, 'Session ended');
    conn.actor = actor;
    if (conn.appointmentId) {
      const row = await findAppointment(app.db, actor, conn.appointmentId);
      if (!row || !chatAccess(row.appointment, actor, app.config, app.clock.now()).canWrite) conn.socket.close(CLOSE.accessWithdrawn, 'Chat closed');
    }
  }

  const beat = setInterval(() => {
    for (const conn of rooms.all()) {
      if (!conn.alive) {
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
      void recheck(conn);
    }
  }, app.config.wsHeartbeatMs);
  beat.unref();
  app.addHook('onClose', async () => {
    clearInterval(beat);
    unsubscribe();
    for (const conn of rooms.all()) conn.socket.close(1001, 'Server shutting down');
  });
}

function send(conn: Conn, event: ServerEvent) {
  if (conn.socket.readyState === conn.socket.OPEN) conn.socket.send(JSON.stringify(event));
}

/** A token bucket per socket: 30 messages, refilled at 10 a second. */
function spend(conn: Conn): boolean {
  const now = Date.now();
  const b = conn.budget;
  b.tokens = Math.min(30, b.tokens + ((now - b.at) / 1000) * 10);
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

export type { Actor };
