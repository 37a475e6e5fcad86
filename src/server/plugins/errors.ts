import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem } from '../../contracts/errors.js';
import { sqlState } from '../db/errors.js';
import { AppError, problem } from '../errors.js';

/**
 * Values the database refused that only a client could have sent (characters it cannot store,
 * dates and numbers out of its range). Input validation should catch them first: this is the backstop.
 */
const REFUSED_VALUES = new Set(['22021', '22P05', '22007', '22008', '22003']);

const sentCompressed = (encoding: string | undefined) => encoding !== undefined && encoding.trim().toLowerCase() !== 'identity';

export function sendProblem(reply: FastifyReply, p: Problem) {
  if (p.retryAfterSeconds !== undefined) reply.header('Retry-After', String(p.retryAfterSeconds));
  return reply.code(p.status).type('application/problem+json').send(p);
}

/** Maps every error to RFC 9457 problem+json. 5xx details are logged, never sent. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return sendProblem(reply, problem(err.code, err.detail, err.extra));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const errors = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || where,
        message: v.message ?? 'Invalid value',
      }));
      return sendProblem(reply, problem('validation_failed', `Invalid ${where}`, { errors }));
    }
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT') return sendProblem(reply, problem('payload_too_large'));
    if (status === 415 || err.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return sendProblem(reply, problem('unsupported_media_type'));
    if (status === 429) {
      const retryAfterSeconds = Number(reply.getHeader('retry-after')) || 60;
      return sendProblem(reply, problem('rate_limited', `Too many requests: try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds }));
    }
    if (status === 404) return sendProblem(reply, problem('not_found', err.message));
    // Bodies are never inflated (compression.ts): one sent compressed is unreadable, not invalid.
    if (status >= 400 && status < 500 && sentCompressed(req.headers['content-encoding']))
      return sendProblem(reply, problem('unsupported_media_type', 'Request bodies are not accepted compressed'));
    if (status >= 400 && status < 500) return sendProblem(reply, problem('validation_failed', err.message));
    if (REFUSED_VALUES.has(sqlState(err) ?? '')) {
      req.log.warn({ err }, 'the database refused a value that validation let through');
      return sendProblem(reply, problem('validation_failed', 'A value contains characters, a date or a number that cannot be stored'));
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problem('internal_error'));
  });
}

/** Errors the router raises before any route runs (Fastify's `frameworkErrors`), as problem+json. */
export function frameworkError(err: FastifyError, _req: unknown, reply: FastifyReply) {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, problem('uri_too_long'));
  if (err.code === 'FST_ERR_BAD_URL') return sendProblem(reply, problem('validation_failed', 'The address is not a valid URL'));
  return sendProblem(reply, problem('internal_error'));
}

/**
 * Requests Node's HTTP parser refuses (malformed, headers too large) never reach Fastify: answer
 * them with problem+json too, then close the connection.
 */
export function answerClientErrors(server: import('node:http').Server) {
  server.removeAllListeners('clientError');
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') return socket.destroy();
    const p =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? problem('headers_too_large')
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? problem('validation_failed', 'The request took too long to arrive')
          : problem('validation_failed', 'The request is malformed');
    const body = JSON.stringify(p);
    const reason = { 400: 'Bad Request', 431: 'Request Header Fields Too Large' }[p.status as 400 | 431];
    socket.end(`HTTP/1.1 ${p.status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
