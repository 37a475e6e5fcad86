import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../../contracts/enums.js';
import { notFound } from '../errors.js';

/**
 * Whose data a piece of work may touch. A request carries its signed-in user's scope; a visitor
 * (sign-in, sign-up) has none; work the system does itself (the sweep, start-up, operator
 * commands, test factories) carries `system` with the reason why, and is the only unscoped kind.
 * Data access takes the scope and applies the policies in this folder: the scoped way is the
 * only easy way, and reaching across hospitals means naming a reason.
 */
export type Scope =
  | { kind: 'visitor' }
  | { kind: 'system'; reason: string }
  | { kind: 'user'; role: Role; userId: string; hospitalId: string | null };

export type UserScope = Extract<Scope, { kind: 'user' }>;

export const VISITOR: Scope = { kind: 'visitor' };
export const systemScope = (reason: string): Scope => ({ kind: 'system', reason });
export const scopeOf = (actor: { role: Role; userId: string; hospitalId: string | null }): UserScope => ({
  kind: 'user',
  role: actor.role,
  userId: actor.userId,
  hospitalId: actor.hospitalId,
});

/** Sees every hospital: the super admin, and the system itself. */
export const isPlatformWide = (scope: Scope) => scope.kind === 'system' || (scope.kind === 'user' && scope.role === 'super_admin');
/** Runs a hospital (or all of them): the admins, and the system. */
export const isStaff = (scope: Scope) => isPlatformWide(scope) || (scope.kind === 'user' && scope.role === 'hospital_admin');
export const userIdOf = (scope: Scope) => (scope.kind === 'user' ? scope.userId : null);

const NOTHING = sql`false`;

/**
 * How a policy puts the scope's ids into its condition: as they are, or (for a query prepared once
 * and run again, db/prepared.ts) as named placeholders whose values are collected aside.
 */
export type Bind = <T>(name: string, value: T) => T;
export const asValue: Bind = (_name, value) => value;

/**
 * Which of a policy's conditions a scope gets, as a key: two scopes with the same key get the same
 * condition text, only the bound ids differ (for queries prepared once per shape).
 */
export const scopeShape = (scope: Scope) => (scope.kind === 'user' ? `${scope.role}:${scope.hospitalId ? 'h' : '-'}` : scope.kind);

/**
 * The rows of a tenant table this scope may see: its own hospital's, every hospital's for the
 * platform-wide, none for a visitor. Another hospital's record is then simply "not found".
 */
export function inScope(scope: Scope, hospitalColumn: PgColumn, bind: Bind = asValue): SQL | undefined {
  if (isPlatformWide(scope)) return undefined;
  if (scope.kind !== 'user' || !scope.hospitalId) return NOTHING;
  return eq(hospitalColumn, bind('scope.hospitalId', scope.hospitalId));
}

/** Rows that belong to the person themself (their notifications, their sessions). */
export function ownedBy(scope: Scope, userColumn: PgColumn, bind: Bind = asValue): SQL {
  return scope.kind === 'user' ? eq(userColumn, bind('scope.userId', scope.userId)) : NOTHING;
}

/** Whether this scope may see the hospital with this id; another hospital answers 404, not 403. */
export function assertHospitalInScope(scope: Scope, hospitalId: string, what = 'No such hospital') {
  if (isPlatformWide(scope)) return;
  if (scope.kind !== 'user' || scope.hospitalId !== hospitalId) throw notFound(what);
}
