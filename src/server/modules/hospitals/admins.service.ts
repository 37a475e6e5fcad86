import { and, asc, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListQuery } from '../../../contracts/common.js';
import type { AccountPatch, HospitalAdminCreate } from '../../../contracts/users.js';
import type { ActorCtx } from '../../context.js';
import { users } from '../../db/schema/index.js';
import { scopedTo } from '../../db/tenancy.js';
import { forbidden, notFound } from '../../errors.js';
import { insertAccount, toUserBase, updateAccount } from '../accounts/users.js';
import { personSearch } from '../accounts/search.js';
import { findVisibleHospital } from './hospitals.service.js';
import { announceSessionChange } from '../../realtime/session-check.js';

export async function listAdmins(ctx: ActorCtx, hospitalId: string, q: ListQuery) {
  await findVisibleHospital(ctx.db, ctx, hospitalId);
  const where = and(eq(users.hospitalId, hospitalId), eq(users.role, 'hospital_admin'), personSearch(q.q));
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(users).where(where).orderBy(asc(users.lastName), asc(users.firstName)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(users).where(where),
  ]);
  return { items: rows.map(toUserBase), total: total!.n };
}

export async function createAdmin(ctx: ActorCtx, hospitalId: string, body: HospitalAdminCreate) {
  return ctx.db.transaction(async (tx) => {
    await findVisibleHospital(tx, ctx, hospitalId);
    const user = await insertAccount(tx, ctx, { ...body, role: 'hospital_admin', hospitalId, mustChangePassword: true });
    return toUserBase(user);
  });
}

export async function patchAdmin(ctx: ActorCtx, adminId: string, patch: z.infer<typeof AccountPatch>) {
  const admin = await ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, adminId), eq(users.role, 'hospital_admin'), scopedTo(ctx.actor, users.hospitalId)));
    if (!user) throw notFound('No such hospital admin');
    // A hospital admin edits their own name and phone; colleagues and activation are the super admin's.
    if (ctx.actor.role !== 'super_admin' && (user.id !== ctx.actor.userId || patch.isActive !== undefined))
      throw forbidden('Ask the platform administrator to change this');
    return toUserBase(await updateAccount(tx, ctx, user, patch));
  });
  if (patch.isActive === false) await announceSessionChange(ctx, `user:${adminId}`);
  return admin;
}
