import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../clock.js';
import type { Transport } from '../khalti.client.js';
import { KhaltiStandIn } from './khalti-stand-in.js';

/** Where the stand-in lives on our own server when it runs inside it. */
export const STAND_IN_PATH = '/khalti-sandbox';

let embedded: KhaltiStandIn | undefined;

/**
 * The stand-in this process carries when no Khalti key is set outside production: one per
 * process, like the service it stands in for (its orders live in memory: a restart forgets them).
 * It keeps the time of the clock it was first given (the app's).
 */
export const embeddedStandIn = (clock?: Clock): KhaltiStandIn => (embedded ??= new KhaltiStandIn(clock ? { now: () => clock.now() } : {}));

const aborted = () => Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });

/**
 * Our Khalti client's requests to the embedded stand-in travel by function call but keep
 * HTTP's shape (method, path, headers, status, body), so the client code is the same as for Khalti.
 */
export function inProcessTransport(standIn: KhaltiStandIn): Transport {
  return async (url, init) => {
    const u = new URL(url);
    if (init.signal.aborted) throw aborted();
    const headers = Object.fromEntries(Object.entries(init.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const answer = standIn.handle({
      method: init.method,
      path: u.pathname.slice(STAND_IN_PATH.length),
      query: u.searchParams,
      headers,
      body: init.body,
      base: `${u.origin}${STAND_IN_PATH}`,
      signal: init.signal,
    });
    const out = await Promise.race([answer, new Promise<never>((_, reject) => init.signal.addEventListener('abort', () => reject(aborted())))]);
    return new Response(out.body || null, { status: out.status, headers: out.headers });
  };
}

/**
 * The checkout page (and the API, for curious developers) at `/khalti-sandbox/...` on our server,
 * so `npm start` can take test payments with nothing configured. Hidden from the OpenAPI document.
 */
export async function mountStandIn(app: FastifyInstance, standIn: KhaltiStandIn) {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    const handler = async (req: FastifyRequest, reply: FastifyReply) => {
      const url = new URL(req.url, 'http://stand-in.invalid');
      const origin = req.server.config.publicUrl ?? `${req.protocol}://${req.host}`;
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
      const out = await standIn.handle({
        method: req.method,
        path: url.pathname.slice(STAND_IN_PATH.length),
        query: url.searchParams,
        headers,
        body: typeof req.body === 'string' ? req.body : '',
        base: `${origin}${STAND_IN_PATH}`,
      });
      return reply.code(out.status).headers(out.headers).send(out.body);
    };
    scope.route({ method: ['GET', 'POST'], url: `${STAND_IN_PATH}/*`, schema: { hide: true }, handler });
  });
}
