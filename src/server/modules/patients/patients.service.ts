import { and, asc, count, eq, exists } from 'drizzle-orm';
import type { ListQuery } from '../../../contracts/common.js';
import type { Patient, PatientCreate, PatientPatch } from '../../../contracts/patients.js';
import type { ActorCtx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { appointments, patientProfiles, users } from '../../db/schema/index.js';
import { scopedTo } from '../../db/tenancy.js';
import { forbidden, notFound } from '../../plugins/errors.js';
import { audit, changedFields } from '../audit/audit.js';
import { personSearch } from '../accounts/search.js';
import { insertAccount, splitPatch, toUserBase, updateAccount, type UserRow } from '../accounts/users.js';
import { findVisibleHospital } from '../hospitals/hospitals.service.js';
import { announceSessionChange } from '../../realtime/session-check.js';

type ProfileRow = typeof patientProfiles.$inferSelect;

const present = (user: UserRow, p: ProfileRow): Patient => ({
  ...toUserBase(user),
  medicalHistory: p.medicalHistory,
  allergies: p.allergies,
  emergencyContact: p.emergencyContact,
  bloodType: p.bloodType,
  dateOfBirth: p.dateOfBirth,
});

export async function listPatients(ctx: ActorCtx, hospitalId: string, q: ListQuery) {
  await findVisibleHospital(ctx.db, ctx, hospitalId);
  const where = and(eq(patientProfiles.hospitalId, hospitalId), personSearch(q.q));
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(patientProfiles)
      .innerJoin(users, eq(users.id, patientProfiles.userId))
      .where(where)
      .orderBy(asc(users.lastName), asc(users.firstName))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(patientProfiles).innerJoin(users, eq(users.id, patientProfiles.userId)).where(where),
  ]);
  // The list carries medical history, allergies and blood types: a read of it is a read of them all.
  await audit(ctx.db, ctx, { action: 'patient.listed', hospitalId, entityType: 'hospital', entityId: hospitalId, details: { count: rows.length } });
  return { items: rows.map((r) => present(r.users, r.patient_profiles)), total: total!.n };
}

/**
 * A patient record is seen by its hospital's admins, by the patient, and by a doctor who has an
 * appointment with them. To anyone else it does not exist.
 */
async function findPatient(tx: Tx, ctx: ActorCtx, patientId: string) {
  const { actor } = ctx;
  const treatedBy = (doctorId: string) =>
    exists(tx.select({ one: appointments.id }).from(appointments).where(and(eq(appointments.patientId, patientId), eq(appointments.doctorId, doctorId))));
  const who =
    actor.role === 'patient'
      ? eq(patientProfiles.userId, actor.userId)
      : actor.role === 'doctor'
        ? treatedBy(actor.userId)
        : undefined;
  const [row] = await tx
    .select()
    .from(patientProfiles)
    .innerJoin(users, eq(users.id, patientProfiles.userId))
    .where(and(eq(patientProfiles.userId, patientId), scopedTo(actor, patientProfiles.hospitalId), who));
  if (!row) throw notFound('No such patient');
  return { user: row.users, profile: row.patient_profiles };
}

export async function getPatient(ctx: ActorCtx, patientId: string): Promise<Patient> {
  const { user, profile } = await findPatient(ctx.db, ctx, patientId);
  if (ctx.actor.userId !== patientId)
    await audit(ctx.db, ctx, { action: 'patient.viewed', hospitalId: profile.hospitalId, entityType: 'user', entityId: patientId });
  return present(user, profile);
}

export async function createPatient(ctx: ActorCtx, hospitalId: string, body: PatientCreate): Promise<Patient> {
  return ctx.db.transaction(async (tx) => {
    await findVisibleHospital(tx, ctx, hospitalId);
    const { medicalHistory, allergies, emergencyContact, bloodType, dateOfBirth, ...account } = body;
    const user = await insertAccount(tx, ctx, { ...account, role: 'patient', hospitalId, mustChangePassword: true });
    const [profile] = await tx
      .insert(patientProfiles)
      .values({ userId: user.id, hospitalId, medicalHistory, allergies, emergencyContact, bloodType, dateOfBirth })
      .returning();
    return present(user, profile!);
  });
}

/** Admins change anything; patients change their own record but cannot (de)activate it; doctors read only. */
export async function patchPatient(ctx: ActorCtx, patientId: string, patch: PatientPatch): Promise<Patient> {
  const patient = await ctx.db.transaction(async (tx) => {
    const found = await findPatient(tx, ctx, patientId);
    const { actor } = ctx;
    if (actor.role === 'doctor') throw forbidden('Doctors cannot change patient records');
    if (actor.role === 'patient' && patch.isActive !== undefined) throw forbidden('Ask your hospital to deactivate your account');
    const { account, profile } = splitPatch(patch);
    const user = await updateAccount(tx, ctx, found.user, account);
    let row = found.profile;
    if (Object.keys(profile).length) {
      [row] = (await tx.update(patientProfiles).set({ ...profile, updatedAt: ctx.clock.now() }).where(eq(patientProfiles.userId, patientId)).returning()) as [ProfileRow];
      await audit(tx, ctx, { action: 'patient.updated', hospitalId: row.hospitalId, entityType: 'user', entityId: patientId, details: changedFields(profile) });
    }
    return present(user, row);
  });
  if (patch.isActive === false) await announceSessionChange(ctx, `user:${patientId}`);
  return patient;
}
