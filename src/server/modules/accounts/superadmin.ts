import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Email, Password } from '../../../contracts/common.js';
import type { Ctx } from '../../context.js';
import { users } from '../../db/schema/index.js';
import { audit } from '../audit/audit.js';
import { insertAccount } from './users.js';

export const generatePassword = () => randomBytes(18).toString('base64url');

export async function superAdminExists(ctx: Ctx) {
  const [row] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.role, 'super_admin')).limit(1);
  return !!row;
}

/** Creates a super admin (the first one at start-up, or another from the command line). */
export async function createSuperAdmin(ctx: Ctx, input: { email: string; password: string; firstName?: string; lastName?: string }) {
  const email = Email.parse(input.email);
  const password = Password.parse(input.password);
  return ctx.db.transaction(async (tx) => {
    const user = await insertAccount(tx, ctx, {
      email,
      password,
      firstName: input.firstName ?? 'Platform',
      lastName: input.lastName ?? 'Administrator',
      role: 'super_admin',
      hospitalId: null,
      mustChangePassword: false,
    });
    await audit(tx, ctx, { action: 'superadmin.created', entityType: 'user', entityId: user.id });
    return user;
  });
}

/**
 * On first start with no super admin: create one from SUPERADMIN_EMAIL/SUPERADMIN_PASSWORD, or
 * with a generated password that is printed once. Returns what to tell the operator.
 */
export async function ensureSuperAdmin(ctx: Ctx): Promise<string | null> {
  if (await superAdminExists(ctx)) return null;
  const email = ctx.config.superAdmin.email ?? 'admin@localhost.localdomain';
  const given = ctx.config.superAdmin.password;
  const password = given ?? generatePassword();
  const user = await createSuperAdmin(ctx, { email, password });
  return given
    ? `Created super admin ${user.email} (password from SUPERADMIN_PASSWORD).`
    : `Created super admin ${user.email} with the generated password: ${password}\nIt is shown only this once: sign in and keep it safe.`;
}
