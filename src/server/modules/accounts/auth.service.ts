import { and, eq, sql } from 'drizzle-orm';
import type { LoginBody, Me, PasswordChangeBody, SignupBody } from '../../../contracts/auth.js';
import type { ActorCtx, Ctx } from '../../context.js';
import { prepared } from '../../db/prepared.js';
import { hospitals, patientProfiles, sessions, users } from '../../db/schema/index.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { audit } from '../audit/audit.js';
import { ownedBy } from '../../access/scope.js';
import { inTransaction } from '../../realtime/outbox.js';
import { announceSessionChange } from '../../realtime/session-check.js';
import { burnPasswordCheck, hashPassword, refuseCommonPassword, verifyPassword } from './passwords.js';
import { personColumns, personOf, revokeSession, revokeUserSessions, type Person } from './sessions.js';
import { clearEmail, recordFailure, throttleKeys, throttleState } from './throttle.js';
import { insertAccount, type UserRow } from './users.js';

/** "40 seconds", "3 minutes": how long to wait, in words a person reads at a glance. */
const waitWords = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return s < 90 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`;
};

/** How a sign-in attempt is audited when it fails. */
function failedLogin(ctx: Ctx, email: string, user: UserRow | undefined) {
  return (reason: string) =>
    audit(ctx.db, ctx, {
      action: 'auth.login_failed',
      hospitalId: user?.hospitalId ?? null,
      entityType: 'user',
      entityId: user?.id,
      actor: { id: user?.id ?? null, email },
      details: { reason },
    });
}

/** Refuses while this email or address must wait (throttle.ts), telling for how long. */
export async function refuseWhileThrottled(ctx: Ctx, keys: ReturnType<typeof throttleKeys>, failed: (reason: string) => Promise<unknown>) {
  const before = await throttleState(ctx.db, keys, ctx.clock.now());
  if (before.waitMs > 0) {
    await failed('throttled');
    const retryAfterSeconds = Math.ceil(before.waitMs / 1000);
    throw new AppError('login_throttled', `Too many failed sign-ins. Try again in ${waitWords(before.waitMs)}.`, { retryAfterSeconds });
  }
}

/** Counts a failed attempt and refuses it with what the person may know: attempts left, or the wait. */
export async function refuseFailure(ctx: Ctx, keys: ReturnType<typeof throttleKeys>, code: 'invalid_credentials' | 'two_factor_code_invalid', fallback?: string) {
  const after = await recordFailure(ctx.db, keys, ctx.clock.now());
  const hints = { attemptsLeft: after.attemptsLeft, ...(after.waitMs > 0 ? { retryAfterSeconds: Math.ceil(after.waitMs / 1000) } : {}) };
  const detail = after.waitMs > 0 ? `${fallback ?? 'Email or password is incorrect.'} Try again in ${waitWords(after.waitMs)}.` : fallback;
  return new AppError(code, detail, hints);
}

/** A deactivated account or hospital gets no session, whatever it proved. */
export async function refuseInactive(ctx: Ctx, user: UserRow, failed: (reason: string) => Promise<unknown>) {
  const hospital = user.hospitalId
    ? (await ctx.db.select({ isActive: hospitals.isActive }).from(hospitals).where(eq(hospitals.id, user.hospitalId)))[0]
    : undefined;
  if (!user.isActive || hospital?.isActive === false) {
    await failed(user.isActive ? 'hospital_inactive' : 'inactive');
    throw new AppError('account_inactive', user.isActive ? 'Your hospital is not active on this platform.' : undefined);
  }
}

/**
 * Checks a password under throttling (see throttle.ts): the answer is the same whether or not
 * the email has an account, and a person who is made to wait is told for how long. Every
 * attempt is audited. An account with a second factor is not signed in yet: `secondFactor`
 * says the code comes next (two-factor.service.ts), under the same throttling.
 */
export async function login(ctx: Ctx, body: LoginBody): Promise<{ user: UserRow; secondFactor: boolean }> {
  const { db, config } = ctx;
  const keys = throttleKeys(config, body.email, ctx.ip);
  const [user] = await db.select().from(users).where(eq(users.email, body.email));
  const failed = failedLogin(ctx, body.email, user);
  await refuseWhileThrottled(ctx, keys, failed);
  const ok = user ? await verifyPassword(user.passwordHash, body.password) : await burnPasswordCheck(body.password).then(() => false);
  if (!ok) {
    await failed(user ? 'bad_password' : 'unknown_email');
    throw await refuseFailure(ctx, keys, 'invalid_credentials');
  }
  await refuseInactive(ctx, user!, failed);
  if (user!.twoFactorEnabledAt) {
    await audit(db, ctx, { action: 'auth.password_accepted', hospitalId: user!.hospitalId, entityType: 'user', entityId: user!.id, actor: { id: user!.id, email: user!.email } });
    return { user: user!, secondFactor: true };
  }
  return { user: await finishLogin(ctx, user!, keys), secondFactor: false };
}

/** The person is in: their email's failures are forgotten, the time is kept, and it is audited. */
export async function finishLogin(ctx: Ctx, user: UserRow, keys: ReturnType<typeof throttleKeys>, details?: Record<string, unknown>): Promise<UserRow> {
  return ctx.db.transaction(async (tx) => {
    await clearEmail(tx, keys);
    const [row] = await tx.update(users).set({ lastLoginAt: ctx.clock.now() }).where(eq(users.id, user.id)).returning();
    await audit(tx, ctx, { action: 'auth.login', hospitalId: user.hospitalId, entityType: 'user', entityId: user.id, actor: { id: user.id, email: user.email }, details });
    return row!;
  });
}

/** A patient registers themself with a hospital of their choice. */
export async function signup(ctx: Ctx, body: SignupBody): Promise<UserRow> {
  return ctx.db.transaction(async (tx) => {
    const [hospital] = await tx.select().from(hospitals).where(eq(hospitals.id, body.hospitalId));
    if (!hospital) throw fieldError('not_found', 'hospitalId', 'Choose a hospital from the list', 'No such hospital');
    if (!hospital.isActive) throw fieldError('hospital_inactive', 'hospitalId', 'This hospital is not accepting sign-ups');
    const user = await insertAccount(tx, ctx, { ...body, role: 'patient', hospitalId: hospital.id, mustChangePassword: false, selfService: true });
    await tx.insert(patientProfiles).values({ userId: user.id, hospitalId: hospital.id });
    const [row] = await tx.update(users).set({ lastLoginAt: ctx.clock.now() }).where(eq(users.id, user.id)).returning();
    await audit(tx, ctx, { action: 'auth.signup', hospitalId: hospital.id, entityType: 'user', entityId: user.id, actor: { id: user.id, email: user.email } });
    return row!;
  });
}

export async function logout(ctx: ActorCtx) {
  await inTransaction(ctx, async (tx, outbox) => {
    await revokeSession(tx, ctx.actor.sessionId);
    await audit(tx, ctx, { action: 'auth.logout', hospitalId: ctx.actor.hospitalId, entityType: 'user', entityId: ctx.actor.userId });
    announceSessionChange(outbox, `user:${ctx.actor.userId}`);
  });
}

/** Replaces the password (also how a forced change is done) and signs out every other session. */
export async function changePassword(ctx: ActorCtx, body: PasswordChangeBody) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword)))
    throw fieldError('wrong_password', 'currentPassword', 'The current password is incorrect');
  if (body.newPassword === body.currentPassword)
    throw fieldError('password_reused', 'newPassword', 'Choose a password different from the current one');
  await refuseCommonPassword(body.newPassword, 'newPassword');
  const passwordHash = await hashPassword(body.newPassword);
  await inTransaction(ctx, async (tx, outbox) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: ctx.clock.now(), updatedAt: ctx.clock.now() })
      .where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, ctx.actor.sessionId);
    await audit(tx, ctx, { action: 'auth.password_changed', hospitalId: user.hospitalId, entityType: 'user', entityId: user.id });
    announceSessionChange(outbox, `user:${user.id}`);
  });
}

/** The person as `Me` shows them: from the session (`GET /api/auth/me`) or just read (`me`). */
export const meOf = (p: Person): Me => ({
  id: p.userId,
  email: p.email,
  role: p.role,
  hospitalId: p.hospitalId,
  hospitalName: p.hospitalName,
  firstName: p.firstName,
  lastName: p.lastName,
  mustChangePassword: p.mustChangePassword,
  emailConfirmed: p.emailConfirmed,
  twoFactorEnabled: p.twoFactorEnabled,
  twoFactorSetupRequired: p.twoFactorSetupRequired,
});

const personById = prepared('person_by_id', (db) =>
  db
    .select(personColumns)
    .from(users)
    .leftJoin(hospitals, eq(hospitals.id, users.hospitalId))
    .where(eq(users.id, sql.placeholder('id'))),
);

/** Who has just signed in or up, read afresh (there is no session to take it from yet). */
export async function me(ctx: Ctx, userId: string): Promise<Me> {
  const [row] = await personById(ctx.db, { id: userId });
  if (!row) throw new AppError('unauthenticated');
  return meOf(personOf(row, ctx.config.session));
}

export async function listSessions(ctx: ActorCtx) {
  const rows = await ctx.db.select().from(sessions).where(ownedBy(ctx.scope, sessions.userId)).orderBy(sessions.createdAt);
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
  await inTransaction(ctx, async (tx, outbox) => {
    const deleted = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), ownedBy(ctx.scope, sessions.userId)))
      .returning({ id: sessions.id });
    if (deleted.length === 0) throw notFound('No such session');
    await audit(tx, ctx, { action: 'auth.session_revoked', hospitalId: ctx.actor.hospitalId, entityType: 'session', entityId: ctx.actor.userId });
    announceSessionChange(outbox, `user:${ctx.actor.userId}`);
  });
}
