import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { scopeOf, systemScope, VISITOR, type Scope, type UserScope } from './access/scope.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { Actor } from './modules/accounts/sessions.js';
import type { RateBudget } from './plugins/rate-budget.js';
import type { Bus } from './realtime/bus.js';
import type { FileStore } from './files/storage.js';
import type { Metrics } from './metrics/metrics.js';

/**
 * Everything an operation needs to know about who asks and from where. Built once per request.
 * `scope` is what the data access of the operation may touch (access/scope.ts).
 */
export interface Ctx {
  db: Db;
  config: Config;
  bus: Bus;
  clock: Clock;
  /** What one person may do in a while on this instance. */
  limits: Limits;
  /** Where uploads live (a folder or a bucket). */
  files: FileStore;
  metrics: Metrics;
  log: FastifyBaseLogger;
  scope: Scope;
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
}

/** The same, when the route guarantees someone is signed in. */
export type ActorCtx = Ctx & { actor: Actor; scope: UserScope };

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    bus: Bus;
    clock: Clock;
    limits: Limits;
    files: FileStore;
    metrics: Metrics;
  }
}

export interface Limits {
  /** Chat messages per person, over HTTP and sockets together. */
  chatSends: RateBudget;
}

type AppParts = Pick<Ctx, 'db' | 'config' | 'bus' | 'clock' | 'limits' | 'files' | 'metrics' | 'log'>;

/** A signed-in person's context, from a request or a socket. */
export const actorCtx = (app: AppParts, actor: Actor, from: { ip: string | null; userAgent: string | null }): ActorCtx => ({
  db: app.db,
  config: app.config,
  bus: app.bus,
  clock: app.clock,
  limits: app.limits,
  files: app.files,
  metrics: app.metrics,
  log: app.log,
  scope: scopeOf(actor),
  actor,
  ip: from.ip,
  userAgent: from.userAgent?.slice(0, 300) ?? null,
});

export function ctxOf(req: FastifyRequest): Ctx {
  const from = { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
  const { db, config, bus, clock, limits, files, metrics } = req.server;
  if (req.actor) return actorCtx({ db, config, bus, clock, limits, files, metrics, log: req.log }, req.actor, from);
  return { db, config, bus, clock, limits, files, metrics, log: req.log, scope: VISITOR, actor: null, ip: from.ip, userAgent: from.userAgent?.slice(0, 300) ?? null };
}

export function actorCtxOf(req: FastifyRequest): ActorCtx {
  if (!req.actor) throw new Error('actorCtxOf on a route without a signed-in user');
  return ctxOf(req) as ActorCtx;
}

/**
 * Work the system does itself, across every hospital: the sweep, start-up, operator commands,
 * test factories. No actor and no address; `reason` says why it may be unscoped, and is audited.
 */
export function systemCtx(app: AppParts, reason: string): Ctx {
  const { db, config, bus, clock, limits, files, metrics, log } = app;
  return { db, config, bus, clock, limits, files, metrics, log, scope: systemScope(reason), actor: null, ip: null, userAgent: 'system' };
}
