import { and, asc, count, eq, ilike, sql } from 'drizzle-orm';
import type { Hospital, HospitalCreate, HospitalPatch, PublicHospital } from '../../../contracts/hospitals.js';
import type { ListQuery } from '../../../contracts/common.js';
import { assertMayPatchHospital } from '../../access/hospitals.policy.js';
import { assertHospitalInScope, inScope, type Scope } from '../../access/scope.js';
import type { ActorCtx, Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
import { hospitals, users } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { audit, changedFields } from '../audit/audit.js';
import { inTransaction } from '../../realtime/outbox.js';
import { announceSessionChange } from '../../realtime/session-check.js';

/**
 * A correlated count. Columns are qualified by hand: in a single-table select list Drizzle renders
 * `${hospitals.id}` as a bare "id", which inside this subquery would mean users.id (and count 0).
 */
const countOf = (role: 'doctor' | 'patient') =>
  sql<number>`(select count(*)::int from ${users} where ${users}.${sql.identifier(users.hospitalId.name)} = ${hospitals}.${sql.identifier(hospitals.id.name)} and ${users}.${sql.identifier(users.role.name)} = ${role})`;

/** A LIKE pattern matching `q` anywhere, with the wildcards % and _ taken literally. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const withCounts = { hospital: hospitals, doctorCount: countOf('doctor'), patientCount: countOf('patient') };
type Row = { hospital: typeof hospitals.$inferSelect; doctorCount: number; patientCount: number };

const present = ({ hospital: h, doctorCount, patientCount }: Row): Hospital => ({
  id: h.id,
  name: h.name,
  address: h.address,
  phone: h.phone,
  email: h.email,
  timezone: h.timezone,
  appointmentFee: h.appointmentFee,
  refundFullUntilHours: h.refundFullUntilHours,
  adminTwoFactorRequired: h.adminTwoFactorRequired,
  isActive: h.isActive,
  createdAt: h.createdAt.toISOString(),
  doctorCount: Number(doctorCount),
  patientCount: Number(patientCount),
});

export async function listHospitals(ctx: ActorCtx, q: ListQuery) {
  const where = and(inScope(ctx.scope, hospitals.id), q.q ? ilike(hospitals.name, containing(q.q)) : undefined);
  const [rows, [total]] = await Promise.all([
    ctx.db.select(withCounts).from(hospitals).where(where).orderBy(asc(hospitals.name)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(hospitals).where(where),
  ]);
  return { items: rows.map(present), total: total!.n };
}

/** The hospital if this scope may see it; another hospital is indistinguishable from none. */
async function findHospital(tx: Tx, scope: Scope, hospitalId: string) {
  assertHospitalInScope(scope, hospitalId);
  const [row] = await tx.select(withCounts).from(hospitals).where(eq(hospitals.id, hospitalId));
  if (!row) throw notFound('No such hospital');
  return row;
}

const hospitalById = prepared('hospital_exists', (db) => db.select({ id: hospitals.id }).from(hospitals).where(eq(hospitals.id, sql.placeholder('id'))));

/**
 * That the hospital exists and this scope may see it, before its doctors, patients or admins are
 * listed or added. Without `findHospital`'s counts: they counted every person of the hospital on
 * each search (1.9 ms of PostgreSQL's time for 4,000 patients, more than the search itself).
 */
export async function assertHospital(tx: Tx, scope: Scope, hospitalId: string) {
  assertHospitalInScope(scope, hospitalId);
  if (!(await hospitalById(tx, { id: hospitalId })).length) throw notFound('No such hospital');
}

export const getHospital = async (ctx: ActorCtx, id: string) => present(await findHospital(ctx.db, ctx.scope, id));

export async function createHospital(ctx: Ctx, body: HospitalCreate): Promise<Hospital> {
  return ctx.db.transaction(async (tx) => {
    const [h] = await tx.insert(hospitals).values(body).returning();
    await audit(tx, ctx, { action: 'hospital.created', hospitalId: h!.id, entityType: 'hospital', entityId: h!.id });
    return present({ hospital: h!, doctorCount: 0, patientCount: 0 });
  });
}

/** The super admin changes anything; a hospital admin edits its own hospital but cannot (de)activate it. */
export async function patchHospital(ctx: ActorCtx, id: string, patch: HospitalPatch): Promise<Hospital> {
  return inTransaction(ctx, async (tx, outbox) => {
    await assertHospital(tx, ctx.scope, id);
    assertMayPatchHospital(ctx.scope, patch);
    await tx.update(hospitals).set({ ...patch, updatedAt: ctx.clock.now() }).where(eq(hospitals.id, id));
    const action = patch.isActive === false ? 'hospital.deactivated' : patch.isActive === true ? 'hospital.reactivated' : 'hospital.updated';
    await audit(tx, ctx, { action, hospitalId: id, entityType: 'hospital', entityId: id, details: changedFields(patch) });
    // Deactivation ends its people's sessions; a new two-factor rule changes what its admins' sessions
    // allow; a new name changes what they show (the cached sessions keep it).
    if (patch.isActive === false || patch.adminTwoFactorRequired !== undefined || patch.name !== undefined) announceSessionChange(outbox, `hospital:${id}`);
    return present(await findHospital(tx, ctx.scope, id));
  });
}

/** For the sign-up page: active hospitals, nothing but what a visitor needs to choose. */
export async function listPublicHospitals(ctx: Ctx): Promise<{ items: PublicHospital[]; total: number }> {
  const rows = await ctx.db
    .select({ id: hospitals.id, name: hospitals.name, address: hospitals.address, timezone: hospitals.timezone })
    .from(hospitals)
    .where(eq(hospitals.isActive, true))
    .orderBy(asc(hospitals.name));
  return { items: rows, total: rows.length };
}
