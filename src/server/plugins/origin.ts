import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from './errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The origins a browser may send state-changing requests and socket upgrades from. With
 * `PUBLIC_URL` set they are exactly it and `ALLOWED_ORIGINS`: the request's own Host header is
 * not trusted then, since a DNS-rebinding page controls it. Without it (development, a single
 * box), the server's own origin as the request names it is allowed too.
 */
export function ownOrigins(config: Pick<Config, 'publicUrl' | 'allowedOrigins'>) {
  return (req: FastifyRequest): readonly string[] =>
    config.publicUrl ? config.allowedOrigins : [`${req.protocol}://${req.host}`, ...config.allowedOrigins];
}

/**
 * CSRF defence for cookie sessions: a state-changing request whose Origin (or Sec-Fetch-Site)
 * says it came from another site is refused. Non-browser clients send neither and carry no
 * ambient cookies, so they pass.
 */
export function registerOriginCheck(app: FastifyInstance, config: Config) {
  const allowed = ownOrigins(config);
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (!allowed(req).includes(origin)) throw new AppError(403, 'origin_mismatch');
      return;
    }
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new AppError(403, 'origin_mismatch');
  });
}

/** The same rule for WebSocket upgrades, which browsers always send with an Origin. */
export function originAllowed(req: FastifyRequest, config: Config) {
  const origin = req.headers.origin;
  return origin === undefined || ownOrigins(config)(req).includes(origin);
}
