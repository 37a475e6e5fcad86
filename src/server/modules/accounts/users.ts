import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '../../../contracts/enums.js';
import type { AccountPatch, NewAccount, UserBase } from '../../../contracts/users.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { UNIQUE_VIOLATION, sqlState } from '../../db/errors.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../plugins/errors.js';
import { audit, changedFields } from '../audit/audit.js';
import { hashPassword, refuseCommonPassword } from './passwords.js';
import { revokeUserSessions } from './sessions.js';

export type UserRow = typeof users.$inferSelect;

export function toUserBase(u: UserRow): UserBase {
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
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}

/**
 * Creates any account. Accounts an admin creates must change their initial password;
 * the caller's transaction keeps the user and its profile together.
 */
export async function insertAccount(
  tx: Tx,
  ctx: Ctx,
  input: z.infer<typeof NewAccount> & { role: Role; hospitalId: string | null; mustChangePassword: boolean; selfService?: boolean },
): Promise<UserRow> {
  await refuseCommonPassword(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
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
        mustChangePassword: input.mustChangePassword,
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
    return row!;
  } catch (e) {
    if (sqlState(e) === UNIQUE_VIOLATION) throw new AppError(409, 'email_taken', undefined, [{ path: 'email', message: 'This email is already registered' }]);
    throw e;
  }
}

/** Applies the account part of a patch; deactivation signs the user out everywhere at once. */
export async function updateAccount(tx: Tx, ctx: Ctx, user: UserRow, patch: z.infer<typeof AccountPatch>): Promise<UserRow> {
  const fields = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(fields).length === 0) return user;
  const [row] = await tx
    .update(users)
    .set({ ...fields, updatedAt: ctx.clock.now() })
    .where(eq(users.id, user.id))
    .returning();
  if (patch.isActive === false) await revokeUserSessions(tx, user.id);
  const action = patch.isActive === false ? 'user.deactivated' : patch.isActive === true && !user.isActive ? 'user.reactivated' : 'user.updated';
  await audit(tx, ctx, { action, hospitalId: user.hospitalId, entityType: 'user', entityId: user.id, details: changedFields(fields) });
  return row!;
}

/** Splits a combined patch into the account part and the profile part. */
export function splitPatch<P extends Record<string, unknown>>(patch: P) {
  const { firstName, lastName, phone, isActive, ...profile } = patch;
  return { account: { firstName, lastName, phone, isActive } as z.infer<typeof AccountPatch>, profile };
}
