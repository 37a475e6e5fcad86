export interface BackoffOptions {
  /** The first retry waits between half of this and this. */
  baseMs: number;
  /** No retry waits longer than this. */
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000, factor: 2 };

/**
 * How long to wait before reconnect attempt `attempt` (0 for the first retry): exponential,
 * capped, with "equal jitter" (a random point in the upper half of the window), so a server
 * restart is not met by every browser at the same instant, yet no retry comes back at once.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt, 30));
  const cap = Math.min(options.maxMs, options.baseMs * options.factor ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(cap / 2 + (cap / 2) * r);
}
