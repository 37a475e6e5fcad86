import type { Bus } from '../../realtime/bus.js';
import type { Actor } from './sessions.js';
import { withFields } from '../../fields.js';

export interface CachedSession {
  actor: Actor;
  /** Shared with touchSession, which moves it forward when it records activity. */
  session: { id: string; lastSeenAt: Date };
  expiresAt: Date;
}

/**
 * Sessions resolved in the last few seconds, so that a request does not look its session up
 * (decision 17). An entry is dropped the moment a session check is announced for its person or
 * hospital (sign-out, password change, deactivation: announceSessionChange), on this instance
 * and, through the bus, on every other; while the bus may be missing events (Redis unreachable)
 * nothing is served from here. Whatever else changes a session directly in the database is seen
 * within `ttlMs`. Expiry and idleness are still checked on every request, on the request's clock.
 */
export class SessionCache {
  private entries = new Map<string, CachedSession & { storedAt: number }>();
  /** Moves on every invalidation: a lookup that began before one must not store what it read. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly reliable: () => boolean = () => true,
    private readonly max = 20_000,
  ) {}

  get(id: string): CachedSession | undefined {
    if (this.ttlMs <= 0 || !this.reliable()) return undefined;
    const e = this.entries.get(id);
    if (e && performance.now() - e.storedAt <= this.ttlMs) return e;
    if (e) this.entries.delete(id);
    return undefined;
  }

  /** Taken before reading a session from the database, and handed back to `set`. */
  mark(): number {
    return this.generation;
  }

  set(id: string, entry: CachedSession, mark: number) {
    if (this.ttlMs <= 0 || mark !== this.generation || !this.reliable()) return;
    this.entries.delete(id);
    // The oldest entry goes first (a Map keeps insertion order).
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, withFields(entry, { storedAt: performance.now() }));
  }

  invalidate(which: (actor: Actor) => boolean) {
    this.generation++;
    for (const [id, e] of this.entries) if (which(e.actor)) this.entries.delete(id);
  }

  clear() {
    this.generation++;
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }

  /** Follows the session checks on the bus (every instance hears them); returns how to stop. */
  listen(bus: Bus): () => void {
    bus.onGap(() => this.clear());
    return bus.subscribe(({ topic, payload }) => {
      if (payload.type !== 'session.check') return;
      const [kind, id] = topic.split(':') as [string, string];
      if (kind === 'user') this.invalidate((a) => a.userId === id);
      else if (kind === 'hospital') this.invalidate((a) => a.hospitalId === id);
      else this.clear();
    });
  }
}
