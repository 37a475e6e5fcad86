import { and, asc, eq, ilike, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { type Doctor, type DoctorCreate, type DoctorPatch, type DoctorListQuery, type DoctorView, type PublicDoctor } from '../../../contracts/doctors.js';
import type { ListQuery } from '../../../contracts/common.js';
import { assertMayManageDoctor, assertMayPatchDoctor, seesFullDoctor, seesInactiveDoctors, visibleDoctor } from '../../access/doctors.policy.js';
import { inScope, type Bind, type Scope } from '../../access/scope.js';
import type { ActorCtx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { UNIQUE_VIOLATION, constraintOf, sqlState } from '../../db/errors.js';
import { doctorProfiles, users } from '../../db/schema/index.js';
import { fieldError, notFound } from '../../errors.js';
import { audit, changedFields } from '../audit/audit.js';
import { peoplePage, personSearch } from '../accounts/search.js';
import { insertAccount, splitPatch, toUserBase, updateAccount, type UserBaseRow } from '../accounts/users.js';
import { assertHospital } from '../hospitals/hospitals.service.js';
import { inTransaction } from '../../realtime/outbox.js';
import { withFields } from '../../fields.js';

type ProfileRow = typeof doctorProfiles.$inferSelect;

export const present = (user: UserBaseRow, p: ProfileRow): Doctor =>
  withFields(toUserBase(user), {
    licenseNumber: p.licenseNumber,
    specialization: p.specialization,
    experienceYears: p.experienceYears,
    bio: p.bio,
    isAvailable: p.isAvailable,
    pictureUrl: pictureUrl(user, p),
  });

const pictureUrl = (user: UserBaseRow, p: ProfileRow) => (p.pictureFile ? `/api/doctors/${user.id}/picture?v=${p.pictureFile.split('.')[0]}` : null);

/** What patients and colleagues see: no contact details, licence or account state. */
const presentPublic = (user: UserBaseRow, p: ProfileRow): PublicDoctor => ({
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
const presentFor = (scope: Scope, user: UserBaseRow, p: ProfileRow): DoctorView =>
  seesFullDoctor(scope, user.id) ? present(user, p) : presentPublic(user, p);

const licenseTaken = (e: unknown) =>
  sqlState(e) === UNIQUE_VIOLATION && constraintOf(e) === 'doctor_profiles_license_unique'
    ? fieldError('license_taken', 'licenseNumber', 'This licence number is already registered')
    : e;

export async function listDoctors(ctx: ActorCtx, hospitalId: string, q: ListQuery & z.infer<typeof DoctorListQuery>) {
  await assertHospital(ctx.db, ctx.scope, hospitalId);
  // As for patients: the hospital's doctors by index, not every person.
  const activeOnly = !seesInactiveDoctors(ctx.scope);
  const where = (bind: Bind) =>
    and(
      eq(users.hospitalId, bind('hospitalId', hospitalId)),
      eq(users.role, 'doctor'),
      activeOnly ? eq(users.isActive, true) : undefined,
      // The whole specialization, case-insensitively; % and _ are taken literally, not as wildcards.
      q.specialization
        ? inArray(
            users.id,
            ctx.db
              .select({ id: doctorProfiles.userId })
              .from(doctorProfiles)
              .where(
                and(
                  eq(doctorProfiles.hospitalId, bind('profileHospitalId', hospitalId)),
                  ilike(doctorProfiles.specialization, bind('specialization', q.specialization.replace(/[\\%_]/g, (c) => `\\${c}`))),
                ),
              ),
          )
        : undefined,
      personSearch(q.q, bind),
    );
  const { items: rows, total } = await peoplePage(ctx.db, doctorProfiles, activeOnly ? 'active' : 'all', where, q);
  return { items: rows.map((r) => presentFor(ctx.scope, r.user, r.profile)), total };
}

/** The specializations of a hospital's active doctors, for a filter. */
export async function listSpecializations(ctx: ActorCtx, hospitalId: string) {
  await assertHospital(ctx.db, ctx.scope, hospitalId);
  const rows = await ctx.db
    .selectDistinct({ name: doctorProfiles.specialization })
    .from(doctorProfiles)
    .innerJoin(users, eq(users.id, doctorProfiles.userId))
    .where(and(eq(doctorProfiles.hospitalId, hospitalId), eq(users.isActive, true)))
    .orderBy(asc(doctorProfiles.specialization));
  return { items: rows.map((r) => r.name) };
}

/** A doctor this scope may see: of its hospital, and active unless the viewer may see otherwise. */
export async function findDoctor(tx: Tx, scope: Scope, doctorId: string) {
  const [row] = await tx
    .select()
    .from(doctorProfiles)
    .innerJoin(users, eq(users.id, doctorProfiles.userId))
    .where(and(eq(doctorProfiles.userId, doctorId), inScope(scope, doctorProfiles.hospitalId)));
  if (!row || !visibleDoctor(scope, row.users)) throw notFound('No such doctor');
  return { user: row.users, profile: row.doctor_profiles };
}

export const getDoctor = async (ctx: ActorCtx, id: string) => {
  const { user, profile } = await findDoctor(ctx.db, ctx.scope, id);
  return presentFor(ctx.scope, user, profile);
};

export async function createDoctor(ctx: ActorCtx, hospitalId: string, body: DoctorCreate): Promise<Doctor> {
  try {
    return await ctx.db.transaction(async (tx) => {
      await assertHospital(tx, ctx.scope, hospitalId);
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
  try {
    return await inTransaction(ctx, async (tx, outbox) => {
      const found = await findDoctor(tx, ctx.scope, doctorId);
      assertMayPatchDoctor(ctx.scope, doctorId, patch);
      const { account, profile } = splitPatch(patch);
      const user = await updateAccount(tx, outbox, ctx, found.user, account);
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
}

/** A doctor whose picture or schedule this scope may change. */
export async function findDoctorForChange(tx: Tx, scope: Scope, doctorId: string) {
  const found = await findDoctor(tx, scope, doctorId);
  assertMayManageDoctor(scope, doctorId);
  return found;
}
