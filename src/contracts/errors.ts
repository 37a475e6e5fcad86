import { z } from 'zod';

/** Every error the API answers with carries one of these stable codes. Clients branch on them. */
export const ErrorCode = z.enum([
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'origin_mismatch',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_credentials',
  'account_locked',
  'account_inactive',
  'password_change_required',
  'wrong_password',
  'password_reused',
  'email_taken',
  'license_taken',
  'hospital_inactive',
  'slot_unavailable',
  'start_in_past',
  'slot_misaligned',
  'outside_availability',
  'availability_overlap',
  'doctor_unavailable',
  'cancel_too_late',
  'too_early',
  'invalid_transition',
  'chat_closed',
  'login_throttled',
  'password_too_common',
  'attachment_quota_exceeded',
  'too_many_connections',
  'uri_too_long',
  'internal_error',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

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
