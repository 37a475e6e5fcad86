import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '../../../contracts/enums.js';
import type { AccountPatch, NewAccount, UserBase } from '../../../contracts/users.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { UNIQUE_VIOLATION, sqlState } from '../../db/errors.js';
import { users } from '../../db/schema/index.js';
import { AppError, fieldError } from '../../errors.js';
import { audit, changedFields } from '../audit/audit.js';
import { hashPassword, refuseCommonPassword } from './passwords.js';
import type { Outbox } from '../../realtime/outbox.js';
import { announceSessionChange } from '../../realtime/session-check.js';
import { revokeUserSessions } from './sessions.js';
import { personName } from '../../../contracts/people.js';
import { queueAccountMail } from './account-mail.js';
import { issueToken } from './link-tokens.js';

export type UserRow = typeof users.$inferSelect;

/**
 * The columns an account shows (`toUserBase`), for lists: a page of people never holds their
 * passwords' hashes or second factors' secrets, even in memory. (Leaving them out saved no
 * measurable time: 1.25–1.33 against 1.27–1.86 ms a page on PGlite.)
 */
export const userBaseColumns = {
  id: users.id,
  email: users.email,
  role: users.role,
  hospitalId: users.hospitalId,
  firstName: users.firstName,
  lastName: users.lastName,
  phone: users.phone,
  isActive: users.isActive,
  mustChangePassword: users.mustChangePassword,
  twoFactorEnabledAt: users.twoFactorEnabledAt,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};
export type UserBaseRow = Pick<UserRow, keyof typeof userBaseColumns>;

export function toUserBase(u: UserBaseRow): UserBase {
  return {
    id: u.id,
    email: u.email,
    role: u.role,
    hospitalId: u.hospitalId,
    firstName: u.firstName,
    lastName: u.lastName,
    phone: u.phone,
    isActive: u.isActive,
    mustChangePassword: u.mustChangePassword,
    twoFactorEnabled: u.twoFactorEnabledAt !== null,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}

/**
 * Creates any account; the caller's transaction keeps the user and its profile together.
 * Accounts an admin creates either get an initial password they must change, or (left out,
 * where mail is configured) a welcome mail with a link to choose their own. An address is
 * confirmed when an admin vouches for it with a password, or when the person follows a link.
 */
export async function insertAccount(
  tx: Tx,
  ctx: Ctx,
  input: z.infer<typeof NewAccount> & { role: Role; hospitalId: string | null; mustChangePassword: boolean; selfService?: boolean; emailConfirmed?: boolean },
): Promise<UserRow> {
  const welcome = input.password === undefined;
  if (welcome && ctx.config.mail.delivery !== 'smtp')
    throw fieldError('validation_failed', 'password', 'Give an initial password: this installation sends no mail, so no welcome link can be sent');
  if (input.password !== undefined) await refuseCommonPassword(input.password, 'password');
  // A welcome account has a password nobody knows until the link sets one.
  const passwordHash = await hashPassword(input.password ?? randomBytes(32).toString('base64url'));
  const now = ctx.clock.now();
  try {
    const [row] = await tx
      .insert(users)
      .values({
        email: input.email,
        passwordHash,
        role: input.role,
        hospitalId: input.hospitalId,
        firstName: input.firstName,
        lastName: input.lastName,
        phone: input.phone ?? null,
        mustChangePassword: input.mustChangePassword && !welcome,
        emailConfirmedAt: welcome || input.emailConfirmed === false ? null : now,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'user.created',
      hospitalId: input.hospitalId,
      entityType: 'user',
      entityId: row!.id,
      details: { role: input.role },
      // Someone signing themself up is the actor of their own creation.
      ...(input.selfService ? { actor: { id: row!.id, email: row!.email } } : {}),
    });
    if (welcome) await sendWelcome(tx, ctx, row!.id, now);
    return row!;
  } catch (e) {
    if (sqlState(e) === UNIQUE_VIOLATION) throw fieldError('email_taken', 'email', 'This email is already registered');
    throw e;
  }
}

async function sendWelcome(tx: Tx, ctx: Ctx, userId: string, now: Date) {
  const [creator] = ctx.actor ? await tx.select().from(users).where(eq(users.id, ctx.actor.userId)) : [];
  const token = await issueToken(tx, userId, 'welcome', now);
  await queueAccountMail(tx, ctx.config, userId, { kind: 'welcome', token, createdBy: creator ? personName(creator, creator.role) : 'An administrator' }, now);
}

/** The account's fields a cached session keeps (sessions.ts, `Person`). */
const SHOWN_BY_SESSION = ['firstName', 'lastName'];

/** Applies the account part of a patch; deactivation signs the user out everywhere, sockets too. */
export async function updateAccount(tx: Tx, outbox: Outbox, ctx: Ctx, user: UserRow, patch: z.infer<typeof AccountPatch>): Promise<UserRow> {
  const fields = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(fields).length === 0) return user;
  const [row] = await tx
    .update(users)
    .set({ ...fields, updatedAt: ctx.clock.now() })
    .where(eq(users.id, user.id))
    .returning();
  if (patch.isActive === false) {
    await revokeUserSessions(tx, user.id);
    announceSessionChange(outbox, `user:${user.id}`);
  } else if (SHOWN_BY_SESSION.some((k) => k in fields)) {
    // Their sessions carry what `me` shows: drop the cached copies everywhere.
    announceSessionChange(outbox, `user:${user.id}`);
  }
  const action = patch.isActive === false ? 'user.deactivated' : patch.isActive === true && !user.isActive ? 'user.reactivated' : 'user.updated';
  await audit(tx, ctx, { action, hospitalId: user.hospitalId, entityType: 'user', entityId: user.id, details: changedFields(fields) });
  return row!;
}

/** Splits a combined patch into the account part and the profile part. */
export function splitPatch<P extends Record<string, unknown>>(patch: P) {
  const { firstName, lastName, phone, isActive, ...profile } = patch;
  return { account: { firstName, lastName, phone, isActive } as z.infer<typeof AccountPatch>, profile };
}
