import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../modules/accounts/sessions.js';
import { notFound } from '../errors.js';

/**
 * Tenancy lives here. A request's hospital comes from the signed-in user, never from the client:
 * every tenant query adds `scopedTo(actor, table.hospitalId)`. Only the super admin is unscoped.
 */
export function scopedTo(actor: Actor, column: PgColumn): SQL | undefined {
  if (actor.role === 'super_admin') return undefined;
  if (!actor.hospitalId) throw new Error('a non-super-admin without a hospital');
  return eq(column, actor.hospitalId);
}

/** Whether the actor may see the hospital with this id. Another hospital answers 404, not 403. */
export function assertHospitalVisible(actor: Actor, hospitalId: string, what = 'No such hospital') {
  if (actor.role !== 'super_admin' && actor.hospitalId !== hospitalId) throw notFound(what);
}
