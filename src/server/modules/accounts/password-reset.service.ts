import { eq, sql } from 'drizzle-orm';
import type { PasswordResetConfirm } from '../../../contracts/auth.js';
import type { Ctx } from '../../context.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { inTransaction } from '../../realtime/outbox.js';
import { announceSessionChange } from '../../realtime/session-check.js';
import { audit } from '../audit/audit.js';
import { sendsMail } from '../mail/queue.js';
import { queueAccountMail } from './account-mail.js';
import { issueToken, recentTokens, retireTokens, useToken } from './link-tokens.js';
import { hashPassword, refuseCommonPassword } from './passwords.js';
import { revokeUserSessions } from './sessions.js';

/** Reset links mailed to one account in an hour, at most: more asks are answered alike and send nothing. */
const RESETS_PER_HOUR = 3;

/**
 * "Forgot password?": mails a single-use link to the account, if there is one (active) and
 * this installation sends mail. The caller answers 202 whatever happened here, so the answer
 * never says whether the address has an account.
 */
export async function requestPasswordReset(ctx: Ctx, email: string) {
  if (!sendsMail(ctx.config)) return;
  const now = ctx.clock.now();
  const [user] = await ctx.db.select({ id: users.id, hospitalId: users.hospitalId, isActive: users.isActive }).from(users).where(eq(users.email, email));
  if (!user?.isActive) return;
  await ctx.db.transaction(async (tx) => {
    // Serialises concurrent asks for one account, so the hourly limit holds under a burst.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update');
    if ((await recentTokens(tx, user.id, 'password_reset', now)) >= RESETS_PER_HOUR) return;
    const token = await issueToken(tx, user.id, 'password_reset', now);
    await queueAccountMail(tx, ctx.config, user.id, { kind: 'password_reset', token }, now);
    await audit(tx, ctx, { action: 'auth.password_reset_requested', hospitalId: user.hospitalId, entityType: 'user', entityId: user.id, actor: { id: null, email } });
  });
}

/**
 * Sets the password from a mailed link (a reset, or the welcome link of an account an admin
 * created), once: every other link of the account stops working and every session of it ends.
 * Following the link also proves the address.
 */
export async function confirmPasswordReset(ctx: Ctx, body: PasswordResetConfirm) {
  // Checked before the token is spent: a refused password leaves the link usable.
  await refuseCommonPassword(body.newPassword, 'newPassword');
  const passwordHash = await hashPassword(body.newPassword);
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx, outbox) => {
    const used = await useToken(tx, body.token, ['password_reset', 'welcome'], now);
    if (!used) throw new AppError('reset_token_invalid', undefined, { errors: [{ path: 'token', message: 'Ask for a new link: this one was used already or has expired' }] });
    const [user] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, emailConfirmedAt: sql`coalesce(${users.emailConfirmedAt}, ${now})`, updatedAt: now })
      .where(eq(users.id, used.userId))
      .returning({ id: users.id, hospitalId: users.hospitalId, isActive: users.isActive });
    if (!user?.isActive) throw new AppError('reset_token_invalid');
    await retireTokens(tx, user.id, ['password_reset', 'welcome'], now);
    await revokeUserSessions(tx, user.id);
    await audit(tx, ctx, { action: used.purpose === 'welcome' ? 'auth.password_set' : 'auth.password_reset', hospitalId: user.hospitalId, entityType: 'user', entityId: user.id, actor: { id: user.id, email: null } });
    announceSessionChange(outbox, `user:${user.id}`);
  });
}
