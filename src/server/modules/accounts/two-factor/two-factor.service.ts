import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { RecoveryCodes, TwoFactorSetup, TwoFactorStatus } from '../../../../contracts/two-factor.js';
import { assertMayResetTwoFactor } from '../../../access/users.policy.js';
import { inScope } from '../../../access/scope.js';
import type { ActorCtx, Ctx } from '../../../context.js';
import type { Tx } from '../../../db/client.js';
import { hospitals, users, userTwoFactor } from '../../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../../errors.js';
import { inTransaction } from '../../../realtime/outbox.js';
import { announceSessionChange } from '../../../realtime/session-check.js';
import { audit } from '../../audit/audit.js';
import { queueAccountMail } from '../account-mail.js';
import { finishLogin, refuseFailure, refuseInactive, refuseWhileThrottled } from '../auth.service.js';
import { verifyPassword } from '../passwords.js';
import { throttleKeys } from '../throttle.js';
import { revokeUserSessions, twoFactorRequired } from '../sessions.js';
import { acceptedStep, enrolment, hashRecoveryCode, newRecoveryCodes, newSecret, openSecret, sealSecret } from './totp.js';

const badCode = () => fieldError('two_factor_code_invalid', 'code', 'That code is not valid: enter the current 6-digit code from your app');

async function accountOf(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ user: users, hospitalRequires: hospitals.adminTwoFactorRequired })
    .from(users)
    .leftJoin(hospitals, eq(hospitals.id, users.hospitalId))
    .where(eq(users.id, userId));
  if (!row) throw notFound('No such account');
  return row;
}

export async function twoFactorStatus(ctx: ActorCtx): Promise<TwoFactorStatus> {
  const { user, hospitalRequires } = await accountOf(ctx.db, ctx.actor.userId);
  const [tf] = user.twoFactorEnabledAt ? await ctx.db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, user.id)) : [];
  return { enabled: !!user.twoFactorEnabledAt, required: twoFactorRequired(ctx.config.session, user.role, hospitalRequires), recoveryCodesLeft: tf?.recoveryCodes.length ?? 0 };
}

/** A new secret for the person's app; it counts once a code from the app confirms it (enable). */
export async function startSetup(ctx: ActorCtx): Promise<TwoFactorSetup> {
  const { user } = await accountOf(ctx.db, ctx.actor.userId);
  if (user.twoFactorEnabledAt) throw new AppError('two_factor_already_enabled', 'Turn it off first to set up another app');
  const secret = newSecret();
  const sealed = sealSecret(secret, ctx.config.session.secret);
  await ctx.db
    .insert(userTwoFactor)
    .values({ userId: user.id, secret: sealed, recoveryCodes: [], createdAt: ctx.clock.now() })
    .onConflictDoUpdate({ target: userTwoFactor.userId, set: { secret: sealed, lastStep: null, recoveryCodes: [], createdAt: ctx.clock.now() } });
  return { secret, ...(await enrolment(secret, user.email)) };
}

/** The app's first code proves it holds the secret: the second factor is on, and ten recovery codes are shown once. */
export async function enableTwoFactor(ctx: ActorCtx, code: string): Promise<RecoveryCodes> {
  const now = ctx.clock.now();
  // Announced: a cached session still says a second factor is missing (session-cache.ts).
  return inTransaction(ctx, async (tx, outbox) => {
    const [row] = await tx.select({ tf: userTwoFactor, enabledAt: users.twoFactorEnabledAt }).from(userTwoFactor).innerJoin(users, eq(users.id, userTwoFactor.userId)).where(eq(userTwoFactor.userId, ctx.actor.userId)).for('update');
    if (row?.enabledAt) throw new AppError('two_factor_already_enabled');
    if (!row) throw new AppError('two_factor_not_enabled', 'Start the setup first: scan the QR code, then enter a code');
    const secret = openSecret(row.tf.secret, ctx.config.session.secret);
    const step = secret ? acceptedStep(secret, code, now) : null;
    if (step === null) throw badCode();
    const codes = newRecoveryCodes();
    await tx.update(userTwoFactor).set({ lastStep: step, recoveryCodes: codes.map(hashRecoveryCode) }).where(eq(userTwoFactor.userId, ctx.actor.userId));
    await tx.update(users).set({ twoFactorEnabledAt: now, updatedAt: now }).where(eq(users.id, ctx.actor.userId));
    await audit(tx, ctx, { action: 'auth.two_factor_enabled', hospitalId: ctx.actor.hospitalId, entityType: 'user', entityId: ctx.actor.userId });
    announceSessionChange(outbox, `user:${ctx.actor.userId}`);
    return { codes };
  });
}

/** Turning it off takes the password (a session left open is not enough), and is refused where it is required. */
export async function disableTwoFactor(ctx: ActorCtx, password: string) {
  const { user, hospitalRequires } = await accountOf(ctx.db, ctx.actor.userId);
  if (!user.twoFactorEnabledAt) throw new AppError('two_factor_not_enabled');
  if (twoFactorRequired(ctx.config.session, user.role, hospitalRequires)) throw new AppError('two_factor_mandatory', 'Your role requires two-factor sign-in: it cannot be turned off');
  if (!(await verifyPassword(user.passwordHash, password))) throw fieldError('wrong_password', 'password', 'The password is incorrect');
  await inTransaction(ctx, async (tx, outbox) => {
    await removeSecondFactor(tx, user.id, ctx.clock.now());
    await audit(tx, ctx, { action: 'auth.two_factor_disabled', hospitalId: user.hospitalId, entityType: 'user', entityId: user.id });
    announceSessionChange(outbox, `user:${user.id}`);
  });
}

/** Ten new recovery codes (the old ones stop working), for a current code from the app. */
export async function regenerateRecoveryCodes(ctx: ActorCtx, code: string): Promise<RecoveryCodes> {
  const { user } = await accountOf(ctx.db, ctx.actor.userId);
  if (!user.twoFactorEnabledAt) throw new AppError('two_factor_not_enabled');
  if ((await verifySecondFactor(ctx, user.id, code, { recoveryCodes: false })) === null) throw badCode();
  const codes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await tx.update(userTwoFactor).set({ recoveryCodes: codes.map(hashRecoveryCode) }).where(eq(userTwoFactor.userId, user.id));
    await audit(tx, ctx, { action: 'auth.recovery_codes_renewed', hospitalId: user.hospitalId, entityType: 'user', entityId: user.id });
  });
  return { codes };
}

/**
 * Checks a second factor: an app's code, each accepted once (a code, or an earlier one, is
 * never accepted again: the last step is kept), or one of the recovery codes, which is then
 * used up. Both are atomic updates, so two requests with one code cannot both pass.
 */
export async function verifySecondFactor(ctx: Ctx, userId: string, code: string, opts = { recoveryCodes: true }): Promise<'totp' | 'recovery_code' | null> {
  const [tf] = await ctx.db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, userId));
  if (!tf) return null;
  const digits = code.replace(/\s+/g, '');
  if (/^\d{6}$/.test(digits)) {
    const secret = openSecret(tf.secret, ctx.config.session.secret);
    const step = secret ? acceptedStep(secret, digits, ctx.clock.now()) : null;
    if (step === null) return null;
    const taken = await ctx.db
      .update(userTwoFactor)
      .set({ lastStep: step })
      .where(and(eq(userTwoFactor.userId, userId), or(isNull(userTwoFactor.lastStep), lt(userTwoFactor.lastStep, step))))
      .returning({ userId: userTwoFactor.userId });
    return taken.length ? 'totp' : null;
  }
  if (!opts.recoveryCodes) return null;
  const hash = hashRecoveryCode(code);
  const used = await ctx.db
    .update(userTwoFactor)
    .set({ recoveryCodes: sql`${userTwoFactor.recoveryCodes} - ${hash}::text` })
    .where(and(eq(userTwoFactor.userId, userId), sql`${userTwoFactor.recoveryCodes} @> jsonb_build_array(${hash}::text)`))
    .returning({ userId: userTwoFactor.userId });
  return used.length ? 'recovery_code' : null;
}

async function removeSecondFactor(tx: Tx, userId: string, now: Date) {
  await tx.delete(userTwoFactor).where(eq(userTwoFactor.userId, userId));
  await tx.update(users).set({ twoFactorEnabledAt: null, updatedAt: now }).where(eq(users.id, userId));
}

/**
 * An admin turns off another person's second factor (a lost phone): audited, the person is
 * signed out everywhere and told by mail; they sign in with their password and set it up again
 * (at once, where their role requires it).
 */
export async function resetTwoFactor(ctx: ActorCtx, userId: string) {
  await inTransaction(ctx, async (tx, outbox) => {
    const [user] = await tx.select().from(users).where(and(eq(users.id, userId), inScope(ctx.scope, users.hospitalId)));
    if (!user) throw notFound('No such person');
    assertMayResetTwoFactor(ctx.scope, user);
    if (!user.twoFactorEnabledAt) throw new AppError('two_factor_not_enabled', 'This person has no second factor to reset');
    const now = ctx.clock.now();
    await removeSecondFactor(tx, user.id, now);
    await revokeUserSessions(tx, user.id);
    await audit(tx, ctx, { action: 'auth.two_factor_reset', hospitalId: user.hospitalId, entityType: 'user', entityId: user.id, details: { role: user.role } });
    await queueAccountMail(tx, ctx.config, user.id, { kind: 'two_factor_reset', by: ctx.actor.email }, now);
    announceSessionChange(outbox, `user:${user.id}`);
  });
}

/**
 * The second step of a sign-in, for the account the ticket names (sign-in-ticket.ts): under
 * the same throttling as passwords, a wrong code counts as a failed sign-in.
 */
export async function signInWithSecondFactor(ctx: Ctx, ticket: { userId: string; check(passwordChangedAt: Date): boolean } | null, code: string) {
  const [user] = ticket ? await ctx.db.select().from(users).where(eq(users.id, ticket.userId)) : [];
  if (!user || !ticket!.check(user.passwordChangedAt) || !user.twoFactorEnabledAt) throw new AppError('sign_in_expired');
  const keys = throttleKeys(ctx.config, user.email, ctx.ip);
  const failed = (reason: string) =>
    audit(ctx.db, ctx, { action: 'auth.login_failed', hospitalId: user.hospitalId, entityType: 'user', entityId: user.id, actor: { id: user.id, email: user.email }, details: { reason } });
  await refuseWhileThrottled(ctx, keys, failed);
  const method = await verifySecondFactor(ctx, user.id, code);
  if (!method) {
    await failed('bad_second_factor');
    const refusal = await refuseFailure(ctx, keys, 'two_factor_code_invalid', 'That code is not valid.');
    throw new AppError('two_factor_code_invalid', refusal.detail, { ...refusal.extra, errors: [{ path: 'code', message: 'That code is not valid: enter the current code from your app, or a recovery code' }] });
  }
  await refuseInactive(ctx, user, failed);
  return finishLogin(ctx, user, keys, { secondFactor: method });
}
