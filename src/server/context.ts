import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { Actor } from './modules/accounts/sessions.js';
import type { RateBudget } from './plugins/rate-budget.js';
import type { Bus } from './realtime/bus.js';

/** Everything an operation needs to know about who asks and from where. Built once per request. */
export interface Ctx {
  db: Db;
  config: Config;
  bus: Bus;
  clock: Clock;
  log: FastifyBaseLogger;
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
}

/** The same, when the route guarantees someone is signed in. */
export type ActorCtx = Ctx & { actor: Actor };

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    bus: Bus;
    clock: Clock;
    /** Chat messages per person, over HTTP and sockets together. */
    chatSends: RateBudget;
  }
}

export function ctxOf(req: FastifyRequest): Ctx {
  const app = req.server;
  return {
    db: app.db,
    config: app.config,
    bus: app.bus,
    clock: app.clock,
    log: req.log,
    actor: req.actor,
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
  };
}

export function actorCtxOf(req: FastifyRequest): ActorCtx {
  const ctx = ctxOf(req);
  if (!ctx.actor) throw new Error('actorCtxOf on a route without a signed-in user');
  return ctx as ActorCtx;
}

/** A context for work the system does itself (start-up, operator commands): no actor, no address. */
export function systemCtx(app: { db: Db; config: Config; bus: Bus; clock: Clock; log: FastifyBaseLogger }): Ctx {
  return { db: app.db, config: app.config, bus: app.bus, clock: app.clock, log: app.log, actor: null, ip: null, userAgent: 'system' };
}
