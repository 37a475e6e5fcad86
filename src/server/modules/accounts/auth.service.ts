import { and, eq } from 'drizzle-orm';
import type { LoginBody, Me, PasswordChangeBody, SignupBody } from '../../../contracts/auth.js';
import type { ActorCtx, Ctx } from '../../context.js';
import { hospitals, patientProfiles, sessions, users } from '../../db/schema/index.js';
import { AppError } from '../../plugins/errors.js';
import { audit } from '../audit/audit.js';
import { announceSessionChange } from '../../realtime/session-check.js';
import { burnPasswordCheck, hashPassword, refuseCommonPassword, verifyPassword } from './passwords.js';
import { revokeSession, revokeUserSessions } from './sessions.js';
import { clearEmail, recordFailure, throttleKeys, throttleState } from './throttle.js';
import { insertAccount, type UserRow } from './users.js';

/** "40 seconds", "3 minutes": how long to wait, in words a person reads at a glance. */
const waitWords = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return s < 90 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`;
};

/**
 * Checks a password under throttling (see throttle.ts): the answer is the same whether or not
 * the email has an account, and a person who is made to wait is told for how long. Every
 * attempt is audited.
 */
export async function login(ctx: Ctx, body: LoginBody): Promise<UserRow> {
  const { db, config } = ctx;
  const now = ctx.clock.now();
  const keys = throttleKeys(config, body.email, ctx.ip);
  const [user] = await db.select().from(users).where(eq(users.email, body.email));
  const failed = (reason: string) =>
    audit(db, ctx, {
      action: 'auth.login_failed',
      hospitalId: user?.hospitalId ?? null,
      entityType: 'user',
      entityId: user?.id,
      actor: { id: user?.id ?? null, email: body.email },
      details: { reason },
    });
  const before = await throttleState(db, keys, now);
  if (before.waitMs > 0) {
    await failed('throttled');
    const retryAfterSeconds = Math.ceil(before.waitMs / 1000);
    throw new AppError(429, 'login_throttled', `Too many failed sign-ins. Try again in ${waitWords(before.waitMs)}.`, undefined, { retryAfterSeconds });
  }
  const ok = user ? await verifyPassword(user.passwordHash, body.password) : await burnPasswordCheck(body.password).then(() => false);
  if (!ok) {
    const after = await recordFailure(db, keys, now);
    await failed(user ? 'bad_password' : 'unknown_email');
    const hints = { attemptsLeft: after.attemptsLeft, ...(after.waitMs > 0 ? { retryAfterSeconds: Math.ceil(after.waitMs / 1000) } : {}) };
    const detail = after.waitMs > 0 ? `Email or password is incorrect. Try again in ${waitWords(after.waitMs)}.` : undefined;
    throw new AppError(401, 'invalid_credentials', detail, undefined, hints);
  }
  const hospital = user!.hospitalId
    ? (await db.select({ isActive: hospitals.isActive }).from(hospitals).where(eq(hospitals.id, user!.hospitalId)))[0]
    : undefined;
  if (!user!.isActive || hospital?.isActive === false) {
    await failed(user!.isActive ? 'hospital_inactive' : 'inactive');
    throw new AppError(403, 'account_inactive', user!.isActive ? 'Your hospital is not active on this platform.' : undefined);
  }
  return db.transaction(async (tx) => {
    await clearEmail(tx, keys);
    const [row] = await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user!.id)).returning();
    await audit(tx, ctx, { action: 'auth.login', hospitalId: user!.hospitalId, entityType: 'user', entityId: user!.id, actor: { id: user!.id, email: user!.email } });
    return row!;
  });
}

/** A patient registers themself with a hospital of their choice. */
export async function signup(ctx: Ctx, body: SignupBody): Promise<UserRow> {
  return ctx.db.transaction(async (tx) => {
    const [hospital] = await tx.select().from(hospitals).where(eq(hospitals.id, body.hospitalId));
    if (!hospital) throw new AppError(404, 'not_found', 'No such hospital', [{ path: 'hospitalId', message: 'Choose a hospital from the list' }]);
    if (!hospital.isActive) throw new AppError(409, 'hospital_inactive', undefined, [{ path: 'hospitalId', message: 'This hospital is not accepting sign-ups' }]);
    const user = await insertAccount(tx, ctx, { ...body, role: 'patient', hospitalId: hospital.id, mustChangePassword: false, selfService: true });
    await tx.insert(patientProfiles).values({ userId: user.id, hospitalId: hospital.id });
    const [row] = await tx.update(users).set({ lastLoginAt: ctx.clock.now() }).where(eq(users.id, user.id)).returning();
    await audit(tx, ctx, { action: 'auth.signup', hospitalId: hospital.id, entityType: 'user', entityId: user.id, actor: { id: user.id, email: user.email } });
    return row!;
  });
}

export async function logout(ctx: ActorCtx) {
  await ctx.db.transaction(async (tx) => {
    await revokeSession(tx, ctx.actor.sessionId);
    await audit(tx, ctx, { action: 'auth.logout', hospitalId: ctx.actor.hospitalId, entityType: 'user', entityId: ctx.actor.userId });
  });
  await announceSessionChange(ctx, `user:${ctx.actor.userId}`);
}

/** Replaces the password (also how a forced change is done) and signs out every other session. */
export async function changePassword(ctx: ActorCtx, body: PasswordChangeBody) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword)))
    throw new AppError(400, 'wrong_password', undefined, [{ path: 'currentPassword', message: 'The current password is incorrect' }]);
  if (body.newPassword === body.currentPassword)
    throw new AppError(400, 'password_reused', undefined, [{ path: 'newPassword', message: 'Choose a password different from the current one' }]);
  await refuseCommonPassword(body.newPassword, 'newPassword');
  const passwordHash = await hashPassword(body.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: ctx.clock.now(), updatedAt: ctx.clock.now() })
      .where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, ctx.actor.sessionId);
    await audit(tx, ctx, { action: 'auth.password_changed', hospitalId: user.hospitalId, entityType: 'user', entityId: user.id });
  });
  await announceSessionChange(ctx, `user:${user.id}`);
}

export async function me(ctx: Ctx, userId: string): Promise<Me> {
  const [row] = await ctx.db
    .select({ user: users, hospitalName: hospitals.name })
    .from(users)
    .leftJoin(hospitals, eq(hospitals.id, users.hospitalId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError(401, 'unauthenticated');
  const u = row.user;
  return {
    id: u.id,
    email: u.email,
    role: u.role,
    hospitalId: u.hospitalId,
    hospitalName: row.hospitalName ?? null,
    firstName: u.firstName,
    lastName: u.lastName,
    mustChangePassword: u.mustChangePassword,
  };
}

export async function listSessions(ctx: ActorCtx) {
  const rows = await ctx.db.select().from(sessions).where(eq(sessions.userId, ctx.actor.userId)).orderBy(sessions.createdAt);
  return rows.map((s) => ({
    id: s.id,
    current: s.id === ctx.actor.sessionId,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
  }));
}

export async function endOwnSession(ctx: ActorCtx, sessionId: string) {
  const deleted = await ctx.db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, ctx.actor.userId)))
    .returning({ id: sessions.id });
  if (deleted.length === 0) throw new AppError(404, 'not_found', 'No such session');
  await audit(ctx.db, ctx, { action: 'auth.session_revoked', hospitalId: ctx.actor.hospitalId, entityType: 'session', entityId: ctx.actor.userId });
  await announceSessionChange(ctx, `user:${ctx.actor.userId}`);
}
