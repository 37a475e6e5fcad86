import { ApiError } from '../../../lib/api-client.js';

/** Attempts left at or below this are worth a warning. */
export const FEW_ATTEMPTS = 3;

export type SignInRefusal =
  /** Wrong email or password; `warning` when few attempts are left before sign-in slows down. */
  | { kind: 'wrong'; warning: string | null }
  /** Sign-in for this email (or from here) waits: `seconds` from now. */
  | { kind: 'wait'; seconds: number; wrong: boolean };

/**
 * What a refused sign-in means for the person (the server's throttling, decision 10): a wrong
 * password, perhaps with few attempts left, or a wait before the next try. Null for anything else.
 */
export function signInRefusal(error: unknown): SignInRefusal | null {
  if (!(error instanceof ApiError)) return null;
  const wait = error.retryAfterSeconds;
  if (error.code === 'login_throttled' || (error.status === 429 && wait !== undefined)) return { kind: 'wait', seconds: Math.max(1, wait ?? 60), wrong: false };
  if (error.code !== 'invalid_credentials') return null;
  if (wait !== undefined && wait > 0) return { kind: 'wait', seconds: wait, wrong: true };
  const left = error.problem?.attemptsLeft;
  if (left === undefined || left > FEW_ATTEMPTS) return { kind: 'wrong', warning: null };
  if (left === 0) return { kind: 'wrong', warning: 'Another wrong attempt will make sign-in for this email wait a while.' };
  return { kind: 'wrong', warning: `${left} ${left === 1 ? 'attempt' : 'attempts'} left before sign-in for this email is slowed down.` };
}
