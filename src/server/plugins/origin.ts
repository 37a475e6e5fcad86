import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie sessions: a state-changing request whose Origin (or Sec-Fetch-Site)
 * says it came from another site is refused. Non-browser clients send neither and carry no
 * ambient cookies, so they pass.
 */
export function registerOriginCheck(app: FastifyInstance, allowedOrigins: readonly string[]) {
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const own = `${req.protocol}://${req.host}`;
      if (origin !== own && !allowedOrigins.includes(origin)) throw new AppError(403, 'origin_mismatch');
      return;
    }
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new AppError(403, 'origin_mismatch');
  });
}

/** The same rule for WebSocket upgrades, which browsers always send with an Origin. */
export function originAllowed(origin: string | undefined, own: string, allowedOrigins: readonly string[]) {
  return origin === undefined || origin === own || allowedOrigins.includes(origin);
}
