import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import { perTurn, togetherOrAlone } from '../../db/per-turn.js';

export interface AuditInput {
  action: string;
  hospitalId?: string | null;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
  /** When the actor is not (yet) the signed-in user, e.g. a sign-in attempt. */
  actor?: { id: string | null; email: string | null };
}

/**
 * Records who did what, when and from where. In a transaction, as part of it; outside one (the
 * reads that are audited, such as a doctor's day or an admin's patient search), with the other
 * records of the same turn of the event loop, by one insert. Either way the caller waits for it.
 */
export async function audit(tx: Tx, ctx: Ctx, e: AuditInput) {
  // Work the system did itself is attributed to it, with the reason its context gave.
  const system = ctx.scope.kind === 'system' ? { systemReason: ctx.scope.reason } : {};
  const row: AuditRow = {
    action: e.action,
    actorId: e.actor ? e.actor.id : (ctx.actor?.userId ?? null),
    actorEmail: e.actor ? e.actor.email : (ctx.actor?.email ?? (ctx.scope.kind === 'system' ? 'system' : null)),
    hospitalId: e.hospitalId ?? null,
    entityType: e.entityType ?? null,
    entityId: e.entityId ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    details: { ...e.details, ...system },
  };
  if (tx === ctx.db) await recordLater(tx, row);
  else await tx.insert(auditEvents).values(row);
}

type AuditRow = typeof auditEvents.$inferInsert;

/**
 * The audited reads of one turn, by one statement whose text never changes (the rows as one JSON
 * parameter, as chat messages are stored): built by drizzle, a parameter per value, the insert
 * was 4% of a search's CPU and a text per number of rows, never prepared.
 */
const recordLater = perTurn<AuditRow, void>((db, rows) =>
  togetherOrAlone(rows, async (some) => {
    const json = JSON.stringify(
      some.map((r) => ({
        action: r.action,
        actor_id: r.actorId,
        actor_email: r.actorEmail,
        hospital_id: r.hospitalId,
        entity_type: r.entityType,
        entity_id: r.entityId,
        ip: r.ip,
        user_agent: r.userAgent,
        details: r.details,
      })),
    );
    await db.execute(sql`insert into audit_events (action, actor_id, actor_email, hospital_id, entity_type, entity_id, ip, user_agent, details)
      select * from json_to_recordset(${json}::json) as e(action text, actor_id uuid, actor_email text, hospital_id uuid, entity_type text, entity_id text, ip text, user_agent text, details jsonb)`);
    return some.map(() => undefined);
  }),
);

/** The names of the fields a patch changed, never their values (the trail holds no patient data). */
export const changedFields = (patch: object) => ({ fields: Object.keys(patch).sort() });
