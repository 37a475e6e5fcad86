/**
 * A token bucket per key (a person): `perMinute` on average, up to `burst` at once. Kept in
 * memory per instance, which bounds what one person can do to one instance.
 */
export class RateBudget {
  private buckets = new Map<string, { tokens: number; at: number }>();
  readonly burst: number;
  constructor(
    private readonly perMinute: number,
    burst?: number,
  ) {
    this.burst = burst ?? Math.max(1, Math.ceil(perMinute / 3));
  }

  /** Spends one token: 0 when allowed, otherwise the whole seconds to wait for the next one. */
  take(key: string, nowMs = Date.now()): number {
    const perMs = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    b.tokens = Math.min(this.burst, b.tokens + (nowMs - b.at) * perMs);
    b.at = nowMs;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.prune(nowMs);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / perMs / 1000);
  }

  /** Forgets buckets that have refilled: they hold nothing a fresh one would not. */
  private prune(nowMs: number) {
    const perMs = this.perMinute / 60_000;
    for (const [key, b] of this.buckets) if (b.tokens + (nowMs - b.at) * perMs >= this.burst) this.buckets.delete(key);
  }
}
