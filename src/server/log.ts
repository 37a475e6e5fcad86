import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { constraintOf, sqlState } from './db/errors.js';

type Serialized = Record<string, unknown>;

/**
 * An error as the log keeps it. A database error is kept by its SQLSTATE, constraint, table and
 * column: never its SQL, its bound parameters (password hashes, names, medical history) or the
 * values the database quotes in its message and detail.
 */
export function serializeError(err: unknown, depth = 0): Serialized {
  if (!(err instanceof Error)) return { type: typeof err };
  // A stack starts with the message (for a query error: its SQL and parameters, over several
  // lines); keep only the frames.
  const frames = err.stack?.split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
  const state = sqlState(err);
  if (state) {
    const pg = findPgFields(err);
    return { type: 'DatabaseError', sqlState: state, constraint: constraintOf(err), table: pg.table, column: pg.column, stack: frames };
  }
  const e = err as Error & { code?: unknown; statusCode?: unknown; cause?: unknown };
  return {
    type: e.name,
    message: e.message,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    stack: frames,
    ...(e.cause !== undefined && depth < 3 ? { cause: serializeError(e.cause, depth + 1) } : {}),
  };
}

function findPgFields(e: unknown): { table?: string; column?: string } {
  for (let cur = e as { table?: unknown; column?: unknown; cause?: unknown } | undefined, i = 0; cur && i < 4; cur = cur.cause as typeof cur, i++) {
    if (typeof cur.table === 'string') return { table: cur.table, column: typeof cur.column === 'string' ? cur.column : undefined };
  }
  return {};
}

/** A request as the log keeps it: the path without its query string (searches carry names). */
const serializeRequest = (req: { method?: string; url?: string; ip?: string }) => ({
  method: req.method,
  url: req.url?.split('?')[0],
  remoteAddress: req.ip,
});

export function loggerOptions(config: Config, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent' && !stream) return false;
  return {
    level: config.logLevel === 'silent' ? 'info' : config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization'],
    serializers: { err: serializeError as never, error: serializeError, req: serializeRequest as never },
    ...(stream ? { stream } : {}),
  };
}

/**
 * One line per answered request instead of Fastify's two (incoming, completed): method, path
 * (never its query), status and time, with the request id every line of the request carries.
 * Health checks, which a load balancer sends every few seconds, are logged at debug.
 */
export class RequestLog extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const level = error ? 'error' : request.url === '/healthz' ? 'debug' : 'info';
    // pino's level check (not in Fastify's logger type): build nothing for a line nobody keeps.
    if (!(request.log as unknown as { isLevelEnabled?(l: string): boolean }).isLevelEnabled?.(level)) return;
    const line = { method: request.method, url: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    request.log[level](error ? { ...line, err: error } : line, 'request');
  }
}
