import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { accountTokens } from '../../db/schema/index.js';

export type TokenPurpose = (typeof accountTokens.$inferSelect)['purpose'];

/** How long each kind of mailed link works. */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  password_reset: 30 * 60_000,
  email_confirmation: 48 * 3_600_000,
  welcome: 7 * 86_400_000,
};

/** Tokens are 256 random bits; a plain SHA-256 of one is as good as any slow hash, and the table stores only that. */
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new single-use token for a mailed link (returned once, never stored as such). */
export async function issueToken(tx: Tx, userId: string, purpose: TokenPurpose, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(accountTokens).values({ userId, purpose, tokenHash: hashOf(token), expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]), createdAt: now });
  return token;
}

/**
 * Uses a token up: one of these purposes, unexpired and unused. Atomic (an update that only
 * one of two concurrent uses can win). Returns whose it was, or null for any token that is not
 * good (unknown, tampered, expired, used): one answer for all of them.
 */
export async function useToken(tx: Tx, token: string, purposes: TokenPurpose[], now: Date): Promise<{ userId: string; purpose: TokenPurpose } | null> {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.tokenHash, hashOf(token)), inArray(accountTokens.purpose, purposes), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
    .returning({ userId: accountTokens.userId, purpose: accountTokens.purpose });
  return row ?? null;
}

/** Every outstanding link of these kinds stops working (a password was set, an address confirmed). */
export const retireTokens = (tx: Tx, userId: string, purposes: TokenPurpose[], now: Date) =>
  tx.update(accountTokens).set({ usedAt: now }).where(and(eq(accountTokens.userId, userId), inArray(accountTokens.purpose, purposes), isNull(accountTokens.usedAt)));

/** How many links of this kind were made for the person in the last hour (mailing them is limited). */
export async function recentTokens(tx: Tx, userId: string, purpose: TokenPurpose, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), gt(accountTokens.createdAt, new Date(now.getTime() - 3_600_000))));
  return row!.n;
}
