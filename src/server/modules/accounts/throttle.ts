import { createHmac } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { loginThrottles } from '../../db/schema/index.js';

/**
 * Sign-in throttling (NIST 800-63B §5.2.2): failures are counted per email and per client
 * address. The first `free` failures cost nothing; each one after that makes the key wait
 * twice as long as the last (from `baseMs` up to `capMs`). A success clears the email's count.
 * Unknown emails are counted exactly like real ones, so the answers never reveal which exist.
 */
interface Rule {
  free: number;
  baseMs: number;
  capMs: number;
  /** A count older than this starts again from zero. */
  decayMs: number;
}

interface Key {
  key: string;
  rule: Rule;
}

export interface ThrottleState {
  /** How long sign-in with this email from this address must wait, 0 when it need not. */
  waitMs: number;
  /** Failures this email may still have before waiting begins. */
  attemptsLeft: number;
}

const HOUR = 3_600_000;

export function throttleKeys(config: Config, email: string, ip: string | null): Key[] {
  const mac = (s: string) => createHmac('sha256', config.session.secret).update(s).digest('base64url');
  const { maxFailures, lockMs } = config.login;
  return [
    { key: `email:${mac(email.toLowerCase())}`, rule: { free: maxFailures, baseMs: 30_000, capMs: lockMs, decayMs: 24 * HOUR } },
    // One address may try many accounts (a clinic's shared connection): more room, the same ceiling.
    { key: `ip:${mac(ip ?? 'unknown')}`, rule: { free: maxFailures * 4, baseMs: 5_000, capMs: lockMs, decayMs: HOUR } },
  ];
}

const decayed = (row: { lastFailureAt: Date }, rule: Rule, now: Date) => row.lastFailureAt.getTime() < now.getTime() - rule.decayMs;

export async function throttleState(db: Tx, keys: Key[], now: Date): Promise<ThrottleState> {
  const rows = await db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys.map((k) => k.key)));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  let waitMs = 0;
  for (const { key, rule } of keys) {
    const row = byKey.get(key);
    if (row?.blockedUntil && !decayed(row, rule, now)) waitMs = Math.max(waitMs, row.blockedUntil.getTime() - now.getTime());
  }
  const email = byKey.get(keys[0]!.key);
  const used = email && !decayed(email, keys[0]!.rule, now) ? email.failures : 0;
  return { waitMs: Math.max(0, waitMs), attemptsLeft: Math.max(0, keys[0]!.rule.free - used) };
}

/** Counts a failure against every key, atomically (concurrent attempts each count). */
export async function recordFailure(db: Tx, keys: Key[], now: Date): Promise<ThrottleState> {
  for (const { key, rule } of keys) {
    const count = sql`case when ${loginThrottles.lastFailureAt} < ${new Date(now.getTime() - rule.decayMs)} then 1 else ${loginThrottles.failures} + 1 end`;
    await db
      .insert(loginThrottles)
      .values({ key, failures: 1, lastFailureAt: now, blockedUntil: rule.free <= 1 ? new Date(now.getTime() + rule.baseMs) : null })
      .onConflictDoUpdate({
        target: loginThrottles.key,
        set: {
          failures: count,
          blockedUntil: sql`case when ${count} >= ${rule.free}
            then ${now}::timestamptz + least(${rule.baseMs}::float8 * power(2, ${count} - ${rule.free}), ${rule.capMs}::float8) * interval '1 millisecond'
            else null end`,
          lastFailureAt: now,
        },
      });
  }
  return throttleState(db, keys, now);
}

/** The owner got in: this email starts afresh (the address keeps its count). */
export const clearEmail = (db: Tx, keys: Key[]) => db.delete(loginThrottles).where(inArray(loginThrottles.key, [keys[0]!.key]));
