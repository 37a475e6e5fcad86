import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, Problem } from '../../contracts/errors.js';
import { sqlState } from '../db/errors.js';

/**
 * Values the database refused that only a client could have sent (characters it cannot store,
 * dates and numbers out of its range). Input validation should catch them first: this is the backstop.
 */
const REFUSED_VALUES = new Set(['22021', '22P05', '22007', '22008', '22003']);

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  unauthenticated: 'Sign in to continue',
  forbidden: 'You are not allowed to do this',
  not_found: 'Not found',
  origin_mismatch: 'Request from another site refused',
  rate_limited: 'Too many requests',
  payload_too_large: 'The upload is too large',
  unsupported_media_type: 'This type of content is not accepted',
  invalid_credentials: 'Email or password is incorrect',
  account_locked: 'Account temporarily locked',
  account_inactive: 'This account is deactivated',
  password_change_required: 'Change your password to continue',
  wrong_password: 'The current password is incorrect',
  password_reused: 'Choose a password different from the current one',
  email_taken: 'This email is already registered',
  license_taken: 'This licence number is already registered',
  hospital_inactive: 'This hospital is not accepting sign-ups',
  slot_unavailable: 'That time is no longer available',
  start_in_past: 'That time has already passed',
  slot_misaligned: 'Appointments start on the doctor\'s slot boundaries',
  outside_availability: 'The doctor does not see patients at that time',
  availability_overlap: 'Availability windows overlap',
  doctor_unavailable: 'This doctor is not taking appointments',
  cancel_too_late: 'It is too late to cancel this appointment',
  too_early: 'It is too early for that',
  invalid_transition: 'That action is not possible now',
  chat_closed: 'This chat is closed: it can be read but not written to',
  login_throttled: 'Too many sign-in attempts',
  password_too_common: 'This password is too common',
  attachment_quota_exceeded: 'This conversation has reached its attachment limit',
  too_many_connections: 'Too many open connections',
  uri_too_long: 'The address is too long',
  internal_error: 'Something went wrong on our side',
};

type Hints = Pick<Problem, 'retryAfterSeconds' | 'attemptsLeft'>;

/** An expected failure with a stable code. Anything else thrown is a 500 and is logged. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    detail?: string,
    readonly errors?: Problem['errors'],
    readonly hints?: Hints,
  ) {
    super(detail ?? TITLES[code]);
  }
  get detail() {
    return this.message === TITLES[this.code] ? undefined : this.message;
  }
}

export const notFound = (what = 'Not found') => new AppError(404, 'not_found', what);
export const forbidden = (detail?: string) => new AppError(403, 'forbidden', detail);
export const invalid = (path: string, message: string) =>
  new AppError(400, 'validation_failed', message, [{ path, message }]);

export function problem(status: number, code: ErrorCode, detail?: string, errors?: Problem['errors'], hints: Hints = {}): Problem {
  return {
    type: `https://telemedicine.invalid/problems/${code.replaceAll('_', '-')}`,
    title: TITLES[code],
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
    ...hints,
  };
}

export function sendProblem(reply: FastifyReply, p: Problem) {
  if (p.retryAfterSeconds !== undefined) reply.header('Retry-After', String(p.retryAfterSeconds));
  return reply.code(p.status).type('application/problem+json').send(p);
}

/** Maps every error to RFC 9457 problem+json. 5xx details are logged, never sent. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return sendProblem(reply, problem(err.status, err.code, err.detail, err.errors, err.hints));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const errors = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || where,
        message: v.message ?? 'Invalid value',
      }));
      return sendProblem(reply, problem(400, 'validation_failed', `Invalid ${where}`, errors));
    }
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT')
      return sendProblem(reply, problem(413, 'payload_too_large'));
    if (status === 415 || err.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      return sendProblem(reply, problem(415, 'unsupported_media_type'));
    if (status === 429) {
      const retryAfterSeconds = Number(reply.getHeader('retry-after')) || 60;
      return sendProblem(reply, problem(429, 'rate_limited', `Too many requests: try again in ${retryAfterSeconds} seconds`, undefined, { retryAfterSeconds }));
    }
    if (status >= 400 && status < 500) return sendProblem(reply, problem(status === 404 ? 404 : 400, status === 404 ? 'not_found' : 'validation_failed', err.message));
    if (REFUSED_VALUES.has(sqlState(err) ?? '')) {
      req.log.warn({ err }, 'the database refused a value that validation let through');
      return sendProblem(reply, problem(400, 'validation_failed', 'A value contains characters, a date or a number that cannot be stored'));
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problem(500, 'internal_error'));
  });
}

/** Errors the router raises before any route runs (Fastify's `frameworkErrors`), as problem+json. */
export function frameworkError(err: FastifyError, _req: unknown, reply: FastifyReply) {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, problem(414, 'uri_too_long'));
  if (err.code === 'FST_ERR_BAD_URL') return sendProblem(reply, problem(400, 'validation_failed', 'The address is not a valid URL'));
  return sendProblem(reply, problem(500, 'internal_error'));
}

/**
 * Requests Node's HTTP parser refuses (malformed, headers too large) never reach Fastify: answer
 * them with problem+json too, then close the connection.
 */
export function answerClientErrors(server: import('node:http').Server) {
  server.removeAllListeners('clientError');
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') return socket.destroy();
    const [status, code, detail] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'payload_too_large' as const, 'The request headers are too large']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'validation_failed' as const, 'The request took too long to arrive']
          : [400, 'validation_failed' as const, 'The request is malformed'];
    const body = JSON.stringify(problem(status, code, detail));
    const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[status];
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
