import { and, count, desc, eq } from 'drizzle-orm';
import type { ActorCtx } from '../../context.js';
import { auditEvents } from '../../db/schema/index.js';
import { inScope } from '../../access/scope.js';

/** The trail an admin may read: the super admin's is everything, a hospital admin's its hospital. */
export async function listAudit(ctx: ActorCtx, q: { action?: string; limit: number; offset: number }) {
  const where = and(inScope(ctx.scope, auditEvents.hospitalId), q.action ? eq(auditEvents.action, q.action) : undefined);
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })),
    total: total!.n,
  };
}
