import { ERRORS, type ErrorCode, type Problem } from '../contracts/errors.js';

export type FieldErrors = NonNullable<Problem['errors']>;
type Extra = { errors?: FieldErrors } & Pick<Problem, 'retryAfterSeconds' | 'attemptsLeft'>;

/**
 * An expected failure: its code decides the status and title (contracts/errors.ts). Anything
 * else thrown is a 500, logged and never described to the client.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly extra: Extra = {},
  ) {
    super(detail ?? ERRORS[code].title);
    this.status = ERRORS[code].status;
  }
  get detail() {
    return this.message === ERRORS[this.code].title ? undefined : this.message;
  }
}

export const notFound = (what = 'Not found') => new AppError('not_found', what);
export const forbidden = (detail?: string) => new AppError('forbidden', detail);
/** A 400 about one field, in the shape forms map back to their inputs. */
export const fieldError = (code: ErrorCode, path: string, message: string, detail?: string) =>
  new AppError(code, detail, { errors: [{ path, message }] });

export function problem(code: ErrorCode, detail?: string, extra: Extra = {}): Problem {
  return {
    type: `https://telemedicine.invalid/problems/${code.replaceAll('_', '-')}`,
    title: ERRORS[code].title,
    status: ERRORS[code].status,
    code,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}
