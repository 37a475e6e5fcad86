import { and, asc, count, eq, ilike } from 'drizzle-orm';
import type { z } from 'zod';
import { DOCTOR_SELF_FIELDS, type Doctor, type DoctorCreate, type DoctorPatch, type DoctorListQuery, type DoctorView, type PublicDoctor } from '../../../contracts/doctors.js';
import type { ListQuery } from '../../../contracts/common.js';
import type { ActorCtx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { UNIQUE_VIOLATION, constraintOf, sqlState } from '../../db/errors.js';
import { doctorProfiles, users } from '../../db/schema/index.js';
import { scopedTo } from '../../db/tenancy.js';
import { AppError, forbidden, notFound } from '../../plugins/errors.js';
import { audit, changedFields } from '../audit/audit.js';
import { personSearch } from '../accounts/search.js';
import { insertAccount, splitPatch, toUserBase, updateAccount, type UserRow } from '../accounts/users.js';
import { findVisibleHospital } from '../hospitals/hospitals.service.js';
import { announceSessionChange } from '../../realtime/session-check.js';

type ProfileRow = typeof doctorProfiles.$inferSelect;
const isAdmin = (ctx: ActorCtx) => ctx.actor.role === 'super_admin' || ctx.actor.role === 'hospital_admin';

export const present = (user: UserRow, p: ProfileRow): Doctor => ({
  ...toUserBase(user),
  licenseNumber: p.licenseNumber,
  specialization: p.specialization,
  experienceYears: p.experienceYears,
  bio: p.bio,
  isAvailable: p.isAvailable,
  pictureUrl: pictureUrl(user, p),
});

const pictureUrl = (user: UserRow, p: ProfileRow) => (p.pictureFile ? `/api/doctors/${user.id}/picture?v=${p.pictureFile.split('.')[0]}` : null);

/** What patients and colleagues see: no contact details, licence or account state. */
const presentPublic = (user: UserRow, p: ProfileRow): PublicDoctor => ({
  id: user.id,
  hospitalId: user.hospitalId,
  role: 'doctor',
  firstName: user.firstName,
  lastName: user.lastName,
  specialization: p.specialization,
  experienceYears: p.experienceYears,
  bio: p.bio,
  isAvailable: p.isAvailable,
  pictureUrl: pictureUrl(user, p),
});

/** Admins and the doctor themself get the full record; everyone else the public view. */
const presentFor = (ctx: ActorCtx, user: UserRow, p: ProfileRow): DoctorView =>
  isAdmin(ctx) || user.id === ctx.actor.userId ? present(user, p) : presentPublic(user, p);

const licenseTaken = (e: unknown) =>
  sqlState(e) === UNIQUE_VIOLATION && constraintOf(e) === 'doctor_profiles_license_unique'
    ? new AppError(409, 'license_taken', undefined, [{ path: 'licenseNumber', message: 'This licence number is already registered' }])
    : e;

export async function listDoctors(ctx: ActorCtx, hospitalId: string, q: ListQuery & z.infer<typeof DoctorListQuery>) {
  await findVisibleHospital(ctx.db, ctx, hospitalId);
  const where = and(
    eq(doctorProfiles.hospitalId, hospitalId),
    isAdmin(ctx) ? undefined : eq(users.isActive, true),
    // The whole specialization, case-insensitively; % and _ are taken literally, not as wildcards.
    q.specialization ? ilike(doctorProfiles.specialization, q.specialization.replace(/[\\%_]/g, (c) => `\\${c}`)) : undefined,
    personSearch(q.q),
  );
  const base = () => ctx.db.select().from(doctorProfiles).innerJoin(users, eq(users.id, doctorProfiles.userId)).where(where);
  const [rows, [total]] = await Promise.all([
    base().orderBy(asc(users.lastName), asc(users.firstName)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(doctorProfiles).innerJoin(users, eq(users.id, doctorProfiles.userId)).where(where),
  ]);
  return { items: rows.map((r) => presentFor(ctx, r.users, r.doctor_profiles)), total: total!.n };
}

/** The specializations of a hospital's active doctors, for a filter. */
export async function listSpecializations(ctx: ActorCtx, hospitalId: string) {
  await findVisibleHospital(ctx.db, ctx, hospitalId);
  const rows = await ctx.db
    .selectDistinct({ name: doctorProfiles.specialization })
    .from(doctorProfiles)
    .innerJoin(users, eq(users.id, doctorProfiles.userId))
    .where(and(eq(doctorProfiles.hospitalId, hospitalId), eq(users.isActive, true)))
    .orderBy(asc(doctorProfiles.specialization));
  return { items: rows.map((r) => r.name) };
}

/** A doctor this actor may see. Patients and doctors see only active colleagues of their own hospital. */
export async function findDoctor(tx: Tx, ctx: ActorCtx, doctorId: string) {
  const [row] = await tx
    .select()
    .from(doctorProfiles)
    .innerJoin(users, eq(users.id, doctorProfiles.userId))
    .where(and(eq(doctorProfiles.userId, doctorId), scopedTo(ctx.actor, doctorProfiles.hospitalId)));
  if (!row || (!isAdmin(ctx) && !row.users.isActive && row.users.id !== ctx.actor.userId)) throw notFound('No such doctor');
  return { user: row.users, profile: row.doctor_profiles };
}

export const getDoctor = async (ctx: ActorCtx, id: string) => {
  const { user, profile } = await findDoctor(ctx.db, ctx, id);
  return presentFor(ctx, user, profile);
};

export async function createDoctor(ctx: ActorCtx, hospitalId: string, body: DoctorCreate): Promise<Doctor> {
  try {
    return await ctx.db.transaction(async (tx) => {
      await findVisibleHospital(tx, ctx, hospitalId);
      const { licenseNumber, specialization, experienceYears, bio, isAvailable, ...account } = body;
      const user = await insertAccount(tx, ctx, { ...account, role: 'doctor', hospitalId, mustChangePassword: true });
      const [profile] = await tx
        .insert(doctorProfiles)
        .values({ userId: user.id, hospitalId, licenseNumber, specialization, experienceYears, bio: bio ?? '', isAvailable: isAvailable ?? true })
        .returning();
      return present(user, profile!);
    });
  } catch (e) {
    throw licenseTaken(e);
  }
}

/** Admins change anything; doctors change only their own name, phone, bio and availability. */
export async function patchDoctor(ctx: ActorCtx, doctorId: string, patch: DoctorPatch): Promise<Doctor> {
  let doctor: Doctor;
  try {
    doctor = await ctx.db.transaction(async (tx) => {
      const found = await findDoctor(tx, ctx, doctorId);
      const self = found.user.id === ctx.actor.userId;
      if (!isAdmin(ctx)) {
        if (!self) throw forbidden();
        const extra = Object.keys(patch).filter((k) => !(DOCTOR_SELF_FIELDS as readonly string[]).includes(k));
        if (extra.length) throw forbidden(`Ask your hospital administrator to change: ${extra.join(', ')}`);
      }
      const { account, profile } = splitPatch(patch);
      const user = await updateAccount(tx, ctx, found.user, account);
      let row = found.profile;
      if (Object.keys(profile).length) {
        [row] = (await tx.update(doctorProfiles).set({ ...profile, updatedAt: ctx.clock.now() }).where(eq(doctorProfiles.userId, doctorId)).returning()) as [ProfileRow];
        await audit(tx, ctx, { action: 'doctor.updated', hospitalId: row.hospitalId, entityType: 'user', entityId: doctorId, details: changedFields(profile) });
      }
      return present(user, row);
    });
  } catch (e) {
    throw licenseTaken(e);
  }
  if (patch.isActive === false) await announceSessionChange(ctx, `user:${doctorId}`);
  return doctor;
}

/** Who may change a doctor's picture or schedule: their admins and the doctor. */
export async function findDoctorForChange(tx: Tx, ctx: ActorCtx, doctorId: string) {
  const found = await findDoctor(tx, ctx, doctorId);
  if (!isAdmin(ctx) && found.user.id !== ctx.actor.userId) throw forbidden();
  return found;
}
