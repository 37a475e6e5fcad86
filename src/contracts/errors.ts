import { z } from 'zod';

/**
 * Every error the API answers with: a stable code (clients branch on it), its HTTP status and
 * its title. One table, so a throw names only the code and what it is about.
 */
export const ERRORS = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Sign in to continue' },
  forbidden: { status: 403, title: 'You are not allowed to do this' },
  not_found: { status: 404, title: 'Not found' },
  origin_mismatch: { status: 403, title: 'Request from another site refused' },
  rate_limited: { status: 429, title: 'Too many requests' },
  payload_too_large: { status: 413, title: 'The upload is too large' },
  headers_too_large: { status: 431, title: 'The request headers are too large' },
  uri_too_long: { status: 414, title: 'The address is too long' },
  unsupported_media_type: { status: 415, title: 'This type of content is not accepted' },
  invalid_credentials: { status: 401, title: 'Email or password is incorrect' },
  login_throttled: { status: 429, title: 'Too many sign-in attempts' },
  account_inactive: { status: 403, title: 'This account is deactivated' },
  password_change_required: { status: 403, title: 'Change your password to continue' },
  wrong_password: { status: 400, title: 'The current password is incorrect' },
  password_reused: { status: 400, title: 'Choose a password different from the current one' },
  password_too_common: { status: 400, title: 'This password is too common' },
  email_taken: { status: 409, title: 'This email is already registered' },
  license_taken: { status: 409, title: 'This licence number is already registered' },
  hospital_inactive: { status: 409, title: 'This hospital is not accepting sign-ups' },
  slot_unavailable: { status: 409, title: 'That time is no longer available' },
  start_in_past: { status: 400, title: 'That time has already passed' },
  slot_misaligned: { status: 400, title: "Appointments start on the doctor's slot boundaries" },
  outside_availability: { status: 400, title: 'The doctor does not see patients at that time' },
  availability_overlap: { status: 400, title: 'Availability windows overlap' },
  doctor_unavailable: { status: 409, title: 'This doctor is not taking appointments' },
  cancel_too_late: { status: 409, title: 'It is too late to cancel this appointment' },
  too_early: { status: 409, title: 'It is too early for that' },
  invalid_transition: { status: 409, title: 'That action is not possible now' },
  chat_closed: { status: 409, title: 'This chat is closed: it can be read but not written to' },
  attachment_quota_exceeded: { status: 409, title: 'This conversation has reached its attachment limit' },
  too_many_connections: { status: 429, title: 'Too many open connections' },
  payment_required: { status: 402, title: 'The fee must be paid first' },
  call_unavailable: { status: 409, title: 'There is no visit to join now' },
  call_ended: { status: 409, title: 'This video visit has ended' },
  call_token_invalid: { status: 403, title: 'The room token is not valid for this call' },
  not_payable: { status: 409, title: 'This appointment cannot be paid now' },
  online_payment_unavailable: { status: 409, title: 'Online payment is not available: pay at the hospital' },
  payment_in_progress: { status: 409, title: 'A payment for this appointment is being started: try again in a moment' },
  payment_provider_unavailable: { status: 502, title: 'The payment service could not be reached: try again' },
  amount_mismatch: { status: 400, title: "The amount is not the appointment's fee" },
  reset_token_invalid: { status: 400, title: 'This link is not valid any more: it was used already or it expired' },
  email_unconfirmed: { status: 403, title: 'Confirm your email address first' },
  mail_unavailable: { status: 409, title: 'This installation does not send mail' },
  two_factor_setup_required: { status: 403, title: 'Set up two-factor sign-in to continue' },
  two_factor_code_invalid: { status: 400, title: 'That code is not valid' },
  sign_in_expired: { status: 401, title: 'The sign-in took too long: start again' },
  two_factor_already_enabled: { status: 409, title: 'Two-factor sign-in is already on' },
  two_factor_not_enabled: { status: 409, title: 'Two-factor sign-in is not on' },
  two_factor_mandatory: { status: 409, title: 'Two-factor sign-in is required for this account' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ErrorCode = z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]);

/** RFC 9457 problem details, as every error response body. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: ErrorCode,
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** With 429 (and `login_throttled`): when to try again. Also sent as Retry-After. */
  retryAfterSeconds: z.number().int().optional(),
  /** With a failed sign-in: attempts left before sign-in for this email is slowed down. */
  attemptsLeft: z.number().int().optional(),
});
export type Problem = z.infer<typeof Problem>;
