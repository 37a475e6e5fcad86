import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { SessionCache } from '../modules/accounts/session-cache.js';
import { createSession, resolveSession, type Actor } from '../modules/accounts/sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const cookieName = (cfg: Config['session']) => (cfg.cookieSecure ? '__Host-tm_session' : 'tm_session');

/** Loads the signed-in user from the session cookie on API and socket requests. */
export function registerSessions(app: FastifyInstance, db: Db, cfg: Config['session'], clock: Clock, cache: SessionCache) {
  const name = cookieName(cfg);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/ws/')) return;
    const token = req.cookies[name];
    if (!token) return;
    req.actor = await resolveSession(db, cfg, token, clock.now(), { cache });
    if (!req.actor) reply.clearCookie(name, { path: '/' });
  });
}

export async function startSession(
  db: Db,
  cfg: Config['session'],
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
) {
  const { token, expiresAt } = await createSession(db, cfg, userId, {
    ip: req.ip,
    userAgent: req.headers['user-agent'] ?? null,
  }, req.server.clock.now());
  reply.setCookie(cookieName(cfg), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cfg.cookieSecure,
    expires: expiresAt,
  });
}

export const endSession = (cfg: Config['session'], reply: FastifyReply) =>
  reply.clearCookie(cookieName(cfg), { path: '/' });
