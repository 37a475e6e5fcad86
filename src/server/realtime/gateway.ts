import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import { CLOSE, MAX_CLIENT_MESSAGE_BYTES, type ServerEvent } from '../../contracts/realtime.js';
import { actorCtx, type ActorCtx } from '../context.js';
import { AppError } from '../errors.js';
import { checkSessions, touchSession } from '../modules/accounts/sessions.js';
import { anyOf } from '../db/any.js';
import { appointments } from '../db/schema/index.js';
import { originAllowed } from '../plugins/origin.js';
import type { BusEvent, Topic } from './events.js';
import { Rooms, type Conn } from './rooms.js';
import { chatSocket } from '../modules/chat/chat.socket.js';
import { notificationsSocket } from '../modules/notifications/notifications.socket.js';
import { callSocket } from '../modules/calls/call.socket.js';

/**
 * One kind of socket: where it is, who may open it, what it listens to, what it accepts, and
 * how its access is re-checked. The gateway does the rest the same way for every kind.
 */
export interface SocketEndpoint<P extends object, M extends { type: string }> {
  kind: string;
  path: string;
  params?: z.ZodType<P>;
  /** Before the upgrade (after sign-in and origin checks): throws an AppError to refuse. */
  admit(ctx: ActorCtx, params: P, req: FastifyRequest): Promise<Admission>;
  /** What a client may send, besides `ping`. */
  messages?: z.ZodType<M>;
  /** Larger than the 16 KB default for kinds that carry more (a call's session descriptions). */
  maxMessageBytes?: number;
  /** The per-socket token bucket, when the default (30 at once, 10 a second) is too tight. */
  budget?: { burst: number; perSecond: number };
  /** Once the socket is open and `ready` was sent. */
  opened?(ctx: ActorCtx, conn: Conn, reply: (event: ServerEvent) => void): Promise<void>;
  /** Once it has closed, for whatever reason. */
  closed?(ctx: ActorCtx, conn: Conn): Promise<void>;
  /** Whether this socket should hear an event of a room it listens to (default: every one). */
  hears?(conn: Conn, event: ServerEvent): boolean;
  onMessage?(ctx: ActorCtx, conn: Conn, message: M, reply: (event: ServerEvent) => void): Promise<void>;
  /**
   * On every heartbeat and whenever its appointment changes, given its appointment as it is now
   * (undefined if gone; the gateway reads them all in one query); false closes the socket with 4403.
   */
  stillAllowed?(ctx: ActorCtx, conn: Conn, appointment: AppointmentRow | undefined): boolean;
  /** After an event reached this socket (the chat receipts a message as delivered). */
  delivered?(ctx: ActorCtx, conn: Conn, event: ServerEvent): Promise<void>;
}

export type AppointmentRow = typeof appointments.$inferSelect;

export interface Admission {
  listens: Topic[];
  /** Rooms it is in without hearing their events: to re-check when its appointment changes. */
  alsoIn?: Topic[];
  appointmentId?: string;
  /** The appointment as read at the upgrade, kept on the socket (and refreshed by its re-checks). */
  appointment?: AppointmentRow;
  call?: Conn['call'];
  ready?: Partial<Extract<ServerEvent, { type: 'ready' }>>;
}

/** Every kind of socket the server has. */
const ENDPOINTS = [notificationsSocket, chatSocket, callSocket] as SocketEndpoint<object, { type: string }>[];

/**
 * WebSockets, authorized at the upgrade like any request and re-checked on every heartbeat.
 * Sockets relay domain events from the bus; services never touch them.
 */
export async function realtimeGateway(app: FastifyInstance) {
  const rooms = new Rooms();
  const ctxOf = (conn: Conn) => actorCtx(app, conn.actor, conn);
  const byKind = new Map<string, SocketEndpoint<object, { type: string }>>();

  // Refused before any socket exists: a foreign origin, someone signed out (the access hook), too many sockets.
  const beforeUpgrade = async (req: FastifyRequest) => {
    if (!originAllowed(req, app.config)) throw new AppError('origin_mismatch');
    if (rooms.count(`user:${req.actor!.userId}`) >= app.config.wsMaxSocketsPerUser)
      throw new AppError('too_many_connections', `At most ${app.config.wsMaxSocketsPerUser} open connections per person: close some tabs`);
  };

  for (const e of ENDPOINTS) {
    byKind.set(e.kind, e);
    const admitted = new WeakMap<FastifyRequest, Awaited<ReturnType<typeof e.admit>>>();
    app.get(e.path, {
      websocket: true,
      schema: { hide: true, ...(e.params ? { params: e.params } : {}) },
      preValidation: beforeUpgrade,
      preHandler: async (req) => void admitted.set(req, await e.admit(actorCtx(app, req.actor!, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null }), req.params as object, req)),
    }, (socket, req) => open(socket, req, e, admitted.get(req)!));
  }

  function open(socket: WebSocket, req: FastifyRequest, e: SocketEndpoint<object, { type: string }>, bound: Admission) {
    const actor = req.actor!;
    const conn: Conn = {
      socket,
      kind: e.kind,
      actor,
      session: { id: actor.sessionId, lastSeenAt: app.clock.now() },
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? null,
      appointmentId: bound.appointmentId ?? null,
      appointment: bound.appointment ?? null,
      call: bound.call ?? null,
      alive: true,
      budget: { tokens: e.budget?.burst ?? 30, at: Date.now() },
    };
    // Also in the person's and the hospital's rooms, to hear a session check addressed to either.
    rooms.join(conn, bound.listens, [`user:${actor.userId}`, ...(actor.hospitalId ? [`hospital:${actor.hospitalId}` as const] : []), ...(bound.alsoIn ?? [])]);
    socket.on('pong', () => (conn.alive = true));
    socket.on('close', () => {
      rooms.leave(conn);
      void e.closed?.(ctxOf(conn), conn).catch((err) => app.log.error({ err }, 'socket close handler failed'));
    });
    socket.on('message', (raw: Buffer, isBinary: boolean) => void onMessage(conn, raw, isBinary));
    send(conn, { type: 'ready', userId: actor.userId, ...bound.ready });
    void e.opened?.(ctxOf(conn), conn, (event) => send(conn, event)).catch((err) => app.log.error({ err }, 'socket open handler failed'));
  }

  async function onMessage(conn: Conn, raw: Buffer, isBinary: boolean) {
    const reply = (event: ServerEvent) => send(conn, event);
    const e = byKind.get(conn.kind)!;
    const maxBytes = e.maxMessageBytes ?? MAX_CLIENT_MESSAGE_BYTES;
    if (isBinary || raw.byteLength > maxBytes)
      return reply({ type: 'error', code: isBinary ? 'bad_message' : 'message_too_large', message: isBinary ? 'Send JSON text' : `Messages are limited to ${maxBytes} bytes` });
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return reply({ type: 'error', code: 'bad_message', message: 'Messages are JSON' });
    }
    if (!spend(conn, e.budget)) return reply({ type: 'error', code: 'rate_limited', message: 'Slow down: too many messages', ...clientIdOf(json) });
    if ((json as { type?: unknown })?.type === 'ping') return reply({ type: 'pong' });
    const parsed = e.messages?.safeParse(json);
    if (!parsed?.success || !e.onMessage) return reply({ type: 'error', code: 'bad_message', message: parsed?.error?.issues[0]?.message ?? 'This socket accepts no such message' });
    // What the person does on the socket keeps their session alive, like a request would.
    await touchSession(app.db, conn.session, app.clock.now()).catch((err) => app.log.error({ err }, 'session touch failed'));
    try {
      await e.onMessage(ctxOf(conn), conn, parsed.data, reply);
    } catch (err) {
      const { clientId } = clientIdOf(json);
      if (err instanceof AppError) return reply({ type: 'error', code: err.code, message: err.message, ...(clientId ? { clientId } : {}) });
      app.log.error({ err }, 'socket message failed');
      reply({ type: 'error', code: 'internal_error', message: 'Something went wrong on our side', ...(clientId ? { clientId } : {}) });
    }
  }

  // Fan-out: every instance hears every event and hands it to its own sockets in that room.
  const unsubscribe = app.bus.subscribe((event: BusEvent) => void deliver(event));
  async function deliver({ topic, payload }: BusEvent) {
    if (payload.type === 'session.check') return recheck(rooms.in(topic));
    const inRoom = rooms.in(topic);
    // At once, before anything is awaited: no message is taken on what the appointment was.
    if (payload.type === 'appointment.changed') for (const conn of inRoom) conn.appointment = null;
    const listeners = inRoom.filter((conn) => rooms.listensTo(conn, topic) && (byKind.get(conn.kind)?.hears?.(conn, payload) ?? true));
    // Everyone hears the event before any receipt about it goes out.
    for (const conn of listeners) send(conn, payload);
    for (const conn of listeners) await byKind.get(conn.kind)?.delivered?.(ctxOf(conn), conn, payload).catch((err) => app.log.error({ err }, 'after delivery failed'));
    // Every socket bound to the appointment re-checks its access, listening or not.
    if (payload.type === 'appointment.changed') await recheck(inRoom.filter((conn) => conn.appointmentId));
  }

  /**
   * Closes the sockets whose session ended (4401) or whose access was withdrawn (4403). Two
   * queries however many sockets: their sessions, then the appointments they are bound to.
   */
  async function recheck(conns: Conn[]) {
    if (!conns.length) return;
    try {
      const sessions = await checkSessions(app.db, app.config.session, [...new Set(conns.map((c) => c.actor.sessionId))], app.clock.now());
      const live: Conn[] = [];
      for (const conn of conns) {
        const actor = sessions.get(conn.actor.sessionId);
        if (!actor) conn.socket.close(CLOSE.sessionEnded, 'Session ended');
        else live.push(Object.assign(conn, { actor }));
      }
      const bound = live.filter((conn) => conn.appointmentId && byKind.get(conn.kind)?.stillAllowed);
      if (!bound.length) return;
      const rows = await app.db
        .select()
        .from(appointments)
        .where(anyOf(appointments.id, [...new Set(bound.map((c) => c.appointmentId!))], 'uuid'));
      const byId = new Map(rows.map((a) => [a.id, a]));
      for (const conn of bound)
        if (!byKind.get(conn.kind)!.stillAllowed!(ctxOf(conn), conn, byId.get(conn.appointmentId!))) conn.socket.close(CLOSE.accessWithdrawn, 'Access withdrawn');
    } catch (err) {
      // The database did not answer: the next beat tries again.
      app.log.warn({ err }, 'socket re-check failed');
    }
  }

  app.metrics.observe('tm_open_sockets', 'Open WebSockets on this instance, by kind', () => {
    const open: Record<string, number> = Object.fromEntries(ENDPOINTS.map((e) => [e.kind, 0]));
    for (const conn of rooms.all()) open[conn.kind] = (open[conn.kind] ?? 0) + 1;
    return open;
  }, 'kind');

  let checking = false;
  const beat = setInterval(() => {
    const conns: Conn[] = [];
    for (const conn of rooms.all()) {
      if (!conn.alive) {
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
      conns.push(conn);
    }
    // One re-check of every socket per beat, never two at once.
    if (checking) return;
    checking = true;
    void recheck(conns).finally(() => (checking = false));
  }, app.config.wsHeartbeatMs);
  beat.unref();
  app.addHook('onClose', async () => {
    clearInterval(beat);
    unsubscribe();
    // Sockets were told to reconnect elsewhere before the listener closed (shutdown.ts): any left are cut.
    for (const conn of rooms.all()) conn.socket.terminate();
  });
}

function send(conn: Conn, event: ServerEvent) {
  if (conn.socket.readyState === conn.socket.OPEN) conn.socket.send(JSON.stringify(event));
}

const clientIdOf = (json: unknown): { clientId?: string } => {
  const id = (json as { clientId?: unknown } | null)?.clientId;
  return typeof id === 'string' && id.length <= 64 ? { clientId: id } : {};
};

/** A token bucket per socket: 30 messages at once, refilled at 10 a second, unless its kind says otherwise. */
function spend(conn: Conn, rate = { burst: 30, perSecond: 10 }): boolean {
  const now = Date.now();
  const b = conn.budget;
  b.tokens = Math.min(rate.burst, b.tokens + ((now - b.at) / 1000) * rate.perSecond);
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}
