import { and, eq, sql } from 'drizzle-orm';
import type { LoginBody, Me, PasswordChangeBody, SignupBody } from '../../../contracts/auth.js';
import type { ActorCtx, Ctx } from '../../context.js';
import { hospitals, patientProfiles, sessions, users } from '../../db/schema/index.js';
import { AppError } from '../../plugins/errors.js';
import { audit } from '../audit/audit.js';
import { announceSessionChange } from '../../realtime/session-check.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
import { revokeSession, revokeUserSessions } from './sessions.js';
import { insertAccount, type UserRow } from './users.js';

const minutesUntil = (d: Date) => Math.max(1, Math.ceil((d.getTime() - Date.now()) / 60_000));

/**
 * Checks a password with lockout: after `maxFailures` failures in a row the account is locked
 * for `lockMs`, whatever the source address. Every attempt is audited.
 */
export async function login(ctx: Ctx, body: LoginBody): Promise<UserRow> {
  const { db, config } = ctx;
  const [user] = await db.select().from(users).where(eq(users.email, body.email));
  const failed = (reason: string, u: UserRow | undefined) =>
    audit(db, ctx, {
      action: 'auth.login_failed',
      hospitalId: u?.hospitalId ?? null,
      entityType: 'user',
      entityId: u?.id,
      actor: { id: u?.id ?? null, email: body.email },
      details: { reason },
    });

  if (!user) {
    await burnPasswordCheck(body.password);
    await failed('unknown_email', undefined);
    throw new AppError(401, 'invalid_credentials');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await failed('locked', user);
    throw new AppError(423, 'account_locked', `Too many failed attempts. Try again in ${minutesUntil(user.lockedUntil)} minutes.`);
  }
  if (!(await verifyPassword(user.passwordHash, body.password))) {
    // Counted in SQL so concurrent attempts cannot slip past the limit.
    const [after] = await db
      .update(users)
      .set({
        failedLoginCount: sql`case when ${users.failedLoginCount} + 1 >= ${config.login.maxFailures} then 0 else ${users.failedLoginCount} + 1 end`,
        lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${config.login.maxFailures} then now() + make_interval(secs => ${config.login.lockMs / 1000}) else ${users.lockedUntil} end`,
      })
      .where(eq(users.id, user.id))
      .returning({ lockedUntil: users.lockedUntil });
    const locked = after?.lockedUntil && after.lockedUntil.getTime() > Date.now();
    await failed(locked ? 'bad_password_locked' : 'bad_password', user);
    if (locked) throw new AppError(423, 'account_locked', `Too many failed attempts. Try again in ${minutesUntil(after.lockedUntil!)} minutes.`);
    throw new AppError(401, 'invalid_credentials');
  }
  const hospital = user.hospitalId
    ? (await db.select({ isActive: hospitals.isActive }).from(hospitals).where(eq(hospitals.id, user.hospitalId)))[0]
    : undefined;
  if (!user.isActive || hospital?.isActive === false) {
    await failed(user.isActive ? 'hospital_inactive' : 'inactive', user);
    throw new AppError(403, 'account_inactive', user.isActive ? 'Your hospital is not active on this platform.' : undefined);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id))
      .returning();
    await audit(tx, ctx, { action: 'auth.login', hospitalId: user.hospitalId, entityType: 'user', entityId: user.id, actor: { id: user.id, email: user.email } });
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
    const [row] = await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id)).returning();
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
  const passwordHash = await hashPassword(body.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() })
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
