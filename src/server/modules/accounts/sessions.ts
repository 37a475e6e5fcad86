import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { anyOf } from '../../db/any.js';
import { allOk, perTurn } from '../../db/per-turn.js';
import { prepared } from '../../db/prepared.js';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { hospitals, sessions, users } from '../../db/schema/index.js';
import type { Role } from '../../../contracts/enums.js';
import type { SessionCache } from './session-cache.js';
import { withFields } from '../../fields.js';

/** The signed-in person as a request sees them: who, what they may do, and what their header shows. */
export interface Person {
  userId: string;
  email: string;
  role: Role;
  hospitalId: string | null;
  hospitalName: string | null;
  firstName: string;
  lastName: string;
  mustChangePassword: boolean;
  emailConfirmed: boolean;
  twoFactorEnabled: boolean;
  /** Their role requires a second factor and they have none yet: only setting one up is open to them. */
  twoFactorSetupRequired: boolean;
}

export interface Actor extends Person {
  sessionId: string;
}

/** Whether this person may not go without a second factor: super admins (by setting), and admins of a hospital that requires it. */
export const twoFactorRequired = (cfg: Pick<SessionConfig, 'superAdminTwoFactor'>, role: Role, hospitalRequires: boolean | null) =>
  role === 'super_admin' ? cfg.superAdminTwoFactor : role === 'hospital_admin' && !!hospitalRequires;

type SessionConfig = Config['session'];

const TOUCH_EVERY_MS = 60_000;

export const sessionIdOf = (token: string, secret: string) =>
  createHmac('sha256', secret).update(token).digest('base64url');

export async function createSession(
  db: Tx,
  cfg: SessionConfig,
  userId: string,
  from: { ip: string | null; userAgent: string | null },
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + cfg.maxMs);
  await db.insert(sessions).values({
    id: sessionIdOf(token, cfg.secret),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: from.ip,
    userAgent: from.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

/**
 * The actor behind a cookie token, or null when the session is unknown, expired, idle or its user
 * inactive (an ended session is deleted). A request is activity and keeps the session alive
 * (`touch`); a socket's heartbeat re-check is not, so an idle person is signed out on time.
 * With a `cache`, a session resolved moments ago is not looked up again (session-cache.ts); what
 * the cache cannot vouch for is decided by the database.
 */
export async function resolveSession(
  db: Tx,
  cfg: SessionConfig,
  token: string,
  at: Date,
  { touch = true, cache }: { touch?: boolean; cache?: SessionCache } = {},
): Promise<Actor | null> {
  const id = sessionIdOf(token, cfg.secret);
  const now = at.getTime();
  const hit = cache?.get(id);
  if (hit && hit.expiresAt.getTime() > now && hit.session.lastSeenAt.getTime() + cfg.idleMs > now) {
    if (touch) await touchSession(db, hit.session, at);
    return hit.actor;
  }
  const mark = cache?.mark() ?? 0;
  const [row] = await sessionById(db, { id });
  if (!row) return null;
  const actor = actorOf(row, cfg, now);
  if (!actor) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const session = { id, lastSeenAt: row.lastSeenAt };
  if (touch) await touchSession(db, session, at);
  cache?.set(id, { actor, session, expiresAt: row.expiresAt }, mark);
  return actor;
}

/**
 * Many sessions at once, for the sockets' heartbeat: one query whatever their number (and one
 * delete when some have ended). Each id maps to its actor, or to null when the session is over.
 */
export async function checkSessions(db: Tx, cfg: SessionConfig, ids: string[], at: Date): Promise<Map<string, Actor | null>> {
  const out = new Map<string, Actor | null>(ids.map((id) => [id, null]));
  if (!ids.length) return out;
  const rows = await selectSessions(db).where(anyOf(sessions.id, ids, 'text'));
  const ended: string[] = [];
  for (const row of rows) {
    const actor = actorOf(row, cfg, at.getTime());
    out.set(row.id, actor);
    if (!actor) ended.push(row.id);
  }
  if (ended.length) await db.delete(sessions).where(anyOf(sessions.id, ended, 'text'));
  return out;
}

/** The columns a `Person` is made of; the cached session keeps them, so `me` needs no query (decision 22). */
export const personColumns = {
  userId: users.id,
  email: users.email,
  role: users.role,
  hospitalId: users.hospitalId,
  firstName: users.firstName,
  lastName: users.lastName,
  isActive: users.isActive,
  mustChangePassword: users.mustChangePassword,
  emailConfirmedAt: users.emailConfirmedAt,
  twoFactorEnabledAt: users.twoFactorEnabledAt,
  hospitalName: hospitals.name,
  hospitalActive: hospitals.isActive,
  hospitalRequiresTwoFactor: hospitals.adminTwoFactorRequired,
};

/** A row of `personColumns` (the hospital's are null for a super admin, who has none). */
interface PersonRow {
  userId: string;
  email: string;
  role: Role;
  hospitalId: string | null;
  firstName: string;
  lastName: string;
  mustChangePassword: boolean;
  emailConfirmedAt: Date | null;
  twoFactorEnabledAt: Date | null;
  hospitalName: string | null;
  hospitalRequiresTwoFactor: boolean | null;
}

export const personOf = (row: PersonRow, cfg: Pick<SessionConfig, 'superAdminTwoFactor'>): Person => ({
  userId: row.userId,
  email: row.email,
  role: row.role,
  hospitalId: row.hospitalId,
  hospitalName: row.hospitalName,
  firstName: row.firstName,
  lastName: row.lastName,
  mustChangePassword: row.mustChangePassword,
  emailConfirmed: row.emailConfirmedAt !== null,
  twoFactorEnabled: row.twoFactorEnabledAt !== null,
  twoFactorSetupRequired: !row.twoFactorEnabledAt && twoFactorRequired(cfg, row.role, row.hospitalRequiresTwoFactor),
});

const selectSessions = (db: Tx) =>
  db
    .select({ id: sessions.id, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt, ...personColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(hospitals, eq(hospitals.id, users.hospitalId))
    .$dynamic();

/** The lookup most requests make (all, when the cache is off): prepared once. */
const sessionById = prepared('session_by_id', (db) => selectSessions(db).where(eq(sessions.id, sql.placeholder('id'))));

type SessionRow = Awaited<ReturnType<ReturnType<typeof selectSessions>['execute']>>[number];

/** The actor of a session that is still on, or null: unknown user state, expired, idle, or deactivated. */
function actorOf(row: SessionRow, cfg: SessionConfig, now: number): Actor | null {
  if (!row.isActive || row.hospitalActive === false || row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + cfg.idleMs <= now) return null;
  return withFields(personOf(row, cfg), { sessionId: row.id });
}

/**
 * Records activity on a session, at most once a minute (a write per request would be waste).
 * Every session seen in the same turn of the event loop is recorded by one update: at 20,000
 * people signed in, a write per person a minute would be hundreds a second.
 */
export async function touchSession(db: Tx, session: { id: string; lastSeenAt: Date }, at: Date) {
  if (at.getTime() - session.lastSeenAt.getTime() <= TOUCH_EVERY_MS) return false;
  // Moved first, so that the same session's other requests of this turn do not record it again.
  session.lastSeenAt = at;
  await recordSeen(db, { id: session.id, at });
  return true;
}

// The latest time of the turn for all of them: they are milliseconds apart.
const recordSeen = perTurn<{ id: string; at: Date }, void>(async (db, seen) => {
  const at = new Date(Math.max(...seen.map((s) => s.at.getTime())));
  await db.update(sessions).set({ lastSeenAt: at }).where(anyOf(sessions.id, seen.map((s) => s.id), 'text'));
  return allOk(seen.length, undefined);
});

export const revokeSession = (db: Tx, sessionId: string) => db.delete(sessions).where(eq(sessions.id, sessionId));

/** Signs a user out everywhere (deactivation), or everywhere but here (password change). */
export const revokeUserSessions = (db: Tx, userId: string, exceptSessionId?: string) =>
  db
    .delete(sessions)
    .where(exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId));
