import { and, asc, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListQuery } from '../../../contracts/common.js';
import type { AccountPatch, HospitalAdminCreate } from '../../../contracts/users.js';
import { assertMayPatchAdmin } from '../../access/hospitals.policy.js';
import { inScope } from '../../access/scope.js';
import type { ActorCtx } from '../../context.js';
import { users } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { insertAccount, toUserBase, updateAccount, userBaseColumns } from '../accounts/users.js';
import { personSearch } from '../accounts/search.js';
import { assertHospital } from './hospitals.service.js';
import { inTransaction } from '../../realtime/outbox.js';
import { pagedOver, totalOver } from '../../db/page.js';

export async function listAdmins(ctx: ActorCtx, hospitalId: string, q: ListQuery) {
  await assertHospital(ctx.db, ctx.scope, hospitalId);
  const where = and(eq(users.hospitalId, hospitalId), eq(users.role, 'hospital_admin'), personSearch(q.q));
  const { items: rows, total } = await pagedOver(
    q,
    ctx.db.select({ user: userBaseColumns, total: totalOver }).from(users).where(where).orderBy(asc(users.lastName), asc(users.firstName)).limit(q.limit).offset(q.offset),
    () => ctx.db.select({ n: count() }).from(users).where(where),
  );
  return { items: rows.map((r) => toUserBase(r.user)), total };
}

export async function createAdmin(ctx: ActorCtx, hospitalId: string, body: HospitalAdminCreate) {
  return ctx.db.transaction(async (tx) => {
    await assertHospital(tx, ctx.scope, hospitalId);
    const user = await insertAccount(tx, ctx, { ...body, role: 'hospital_admin', hospitalId, mustChangePassword: true });
    return toUserBase(user);
  });
}

export async function patchAdmin(ctx: ActorCtx, adminId: string, patch: z.infer<typeof AccountPatch>) {
  return inTransaction(ctx, async (tx, outbox) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, adminId), eq(users.role, 'hospital_admin'), inScope(ctx.scope, users.hospitalId)));
    if (!user) throw notFound('No such hospital admin');
    assertMayPatchAdmin(ctx.scope, user.id, patch);
    return toUserBase(await updateAccount(tx, outbox, ctx, user, patch));
  });
}
