import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config.js';

/**
 * Between the password and the second factor, the browser holds a ticket: an HttpOnly cookie
 * naming the account, when it expires, and an HMAC binding both to the password it was issued
 * for (a password reset meanwhile voids it). It starts no session and opens nothing else.
 */
const TICKET_MS = 5 * 60_000;

const cookieOf = (cfg: Config['session']) => (cfg.cookieSecure ? '__Host-tm_2fa' : 'tm_2fa');
const mac = (secret: string, userId: string, expires: number, passwordChangedAt: Date) =>
  createHmac('sha256', secret).update(`sign-in-ticket|${userId}|${expires}|${passwordChangedAt.getTime()}`).digest('base64url');

export function issueTicket(cfg: Config['session'], reply: FastifyReply, user: { id: string; passwordChangedAt: Date }, now: Date) {
  const expires = now.getTime() + TICKET_MS;
  reply.setCookie(cookieOf(cfg), `${user.id}.${expires}.${mac(cfg.secret, user.id, expires, user.passwordChangedAt)}`, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: cfg.cookieSecure,
    maxAge: TICKET_MS / 1000,
  });
}

/** The account a ticket names while it is good; `check` then confirms it against the account's password date. */
export function readTicket(cfg: Config['session'], req: FastifyRequest, now: Date) {
  const [userId, expiresText, given] = (req.cookies[cookieOf(cfg)] ?? '').split('.');
  const expires = Number(expiresText);
  if (!userId || !given || !Number.isSafeInteger(expires) || expires <= now.getTime()) return null;
  return {
    userId,
    check(passwordChangedAt: Date) {
      const want = Buffer.from(mac(cfg.secret, userId, expires, passwordChangedAt));
      const got = Buffer.from(given);
      return want.length === got.length && timingSafeEqual(want, got);
    },
  };
}

export const clearTicket = (cfg: Config['session'], reply: FastifyReply) => reply.clearCookie(cookieOf(cfg), { path: '/' });
