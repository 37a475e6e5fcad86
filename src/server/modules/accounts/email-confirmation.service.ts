import { and, count, eq, gt } from 'drizzle-orm';
import type { SignupBody } from '../../../contracts/auth.js';
import type { ActorCtx, Ctx } from '../../context.js';
import { hospitals, outgoingMail, patientProfiles, users } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../errors.js';
import { audit } from '../audit/audit.js';
import { queueAccountMail } from './account-mail.js';
import { issueToken, recentTokens, retireTokens, useToken } from './link-tokens.js';
import { hashPassword, refuseCommonPassword } from './passwords.js';
import { insertAccount } from './users.js';
import { sqlState, UNIQUE_VIOLATION } from '../../db/errors.js';
import { inTransaction } from '../../realtime/outbox.js';
import { announceSessionChange } from '../../realtime/session-check.js';

/** Mails of one kind to one account in an hour, at most; further asks are answered alike and send nothing. */
const PER_HOUR = 3;

/**
 * Sign-up where mail is configured: the account waits for its address to be confirmed by a
 * mailed link before its owner can book. A new and an already registered address get the
 * same answer (the caller's 202); only the mail says which it was.
 */
export async function signupPendingConfirmation(ctx: Ctx, body: SignupBody) {
  const now = ctx.clock.now();
  const [hospital] = await ctx.db.select().from(hospitals).where(eq(hospitals.id, body.hospitalId));
  if (!hospital) throw fieldError('not_found', 'hospitalId', 'Choose a hospital from the list', 'No such hospital');
  if (!hospital.isActive) throw fieldError('hospital_inactive', 'hospitalId', 'This hospital is not accepting sign-ups');
  await refuseCommonPassword(body.password, 'password');
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, body.email));
  if (existing) {
    // As long as creating an account takes (its password hash), so time tells nothing either.
    await hashPassword(body.password);
    return tellExisting(ctx, existing.id, now);
  }
  try {
    await ctx.db.transaction(async (tx) => {
      const user = await insertAccount(tx, ctx, { ...body, role: 'patient', hospitalId: hospital.id, mustChangePassword: false, selfService: true, emailConfirmed: false });
      await tx.insert(patientProfiles).values({ userId: user.id, hospitalId: hospital.id });
      const token = await issueToken(tx, user.id, 'email_confirmation', now);
      await queueAccountMail(tx, ctx.config, user.id, { kind: 'email_confirmation', token }, now);
      await audit(tx, ctx, { action: 'auth.signup', hospitalId: hospital.id, entityType: 'user', entityId: user.id, actor: { id: user.id, email: user.email } });
    });
  } catch (e) {
    // Someone registered the address a moment ago: the same answer as for any registered one.
    const taken = (e instanceof AppError && e.code === 'email_taken') || sqlState(e) === UNIQUE_VIOLATION;
    if (!taken) throw e;
    const [raced] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, body.email));
    if (raced) await tellExisting(ctx, raced.id, now);
  }
}

async function tellExisting(ctx: Ctx, userId: string, now: Date) {
  const [sent] = await ctx.db
    .select({ n: count() })
    .from(outgoingMail)
    .where(and(eq(outgoingMail.recipientId, userId), eq(outgoingMail.kind, 'signup_existing'), gt(outgoingMail.createdAt, new Date(now.getTime() - 3_600_000))));
  if (sent!.n >= PER_HOUR) return;
  await ctx.db.transaction(async (tx) => {
    await queueAccountMail(tx, ctx.config, userId, { kind: 'signup_existing' }, now);
    await audit(tx, ctx, { action: 'auth.signup_existing', entityType: 'user', entityId: userId });
  });
}

/** The mailed link was followed: the address is confirmed (once; the link then stops working). */
export async function confirmEmail(ctx: Ctx, token: string) {
  const now = ctx.clock.now();
  // Announced, so that a session cached as unconfirmed is read again (session-cache.ts).
  await inTransaction(ctx, async (tx, outbox) => {
    const used = await useToken(tx, token, ['email_confirmation'], now);
    if (!used) throw new AppError('reset_token_invalid', 'This confirmation link was used already or has expired: sign in and ask for a new one');
    const [user] = await tx.update(users).set({ emailConfirmedAt: now, updatedAt: now }).where(eq(users.id, used.userId)).returning({ id: users.id, hospitalId: users.hospitalId });
    await retireTokens(tx, used.userId, ['email_confirmation'], now);
    await audit(tx, ctx, { action: 'auth.email_confirmed', hospitalId: user!.hospitalId, entityType: 'user', entityId: user!.id, actor: { id: user!.id, email: null } });
    announceSessionChange(outbox, `user:${user!.id}`);
  });
}

/** A signed-in patient who lost the first mail asks for another link. */
export async function resendConfirmation(ctx: ActorCtx) {
  if (ctx.actor.emailConfirmed) return;
  if (ctx.config.mail.delivery !== 'smtp') throw new AppError('mail_unavailable');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, ctx.actor.userId)).for('update');
    if ((await recentTokens(tx, ctx.actor.userId, 'email_confirmation', now)) >= PER_HOUR) return;
    const token = await issueToken(tx, ctx.actor.userId, 'email_confirmation', now);
    await queueAccountMail(tx, ctx.config, ctx.actor.userId, { kind: 'email_confirmation', token }, now);
  });
}
