import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';

export interface AuditInput {
  action: string;
  hospitalId?: string | null;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
  /** When the actor is not (yet) the signed-in user, e.g. a sign-in attempt. */
  actor?: { id: string | null; email: string | null };
}

/** Records who did what, when and from where. Runs in the caller's transaction. */
export async function audit(tx: Tx, ctx: Ctx, e: AuditInput) {
  // Work the system did itself is attributed to it, with the reason its context gave.
  const system = ctx.scope.kind === 'system' ? { systemReason: ctx.scope.reason } : {};
  await tx.insert(auditEvents).values({
    action: e.action,
    actorId: e.actor ? e.actor.id : (ctx.actor?.userId ?? null),
    actorEmail: e.actor ? e.actor.email : (ctx.actor?.email ?? (ctx.scope.kind === 'system' ? 'system' : null)),
    hospitalId: e.hospitalId ?? null,
    entityType: e.entityType ?? null,
    entityId: e.entityId ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    details: { ...e.details, ...system },
  });
}

/** The names of the fields a patch changed, never their values (the trail holds no patient data). */
export const changedFields = (patch: object) => ({ fields: Object.keys(patch).sort() });
