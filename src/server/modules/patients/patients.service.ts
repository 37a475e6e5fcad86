import { and, eq } from 'drizzle-orm';
import type { ListQuery } from '../../../contracts/common.js';
import type { Patient, PatientCreate, PatientPatch } from '../../../contracts/patients.js';
import { assertMayPatchPatient, patientRows } from '../../access/patients.policy.js';
import type { Bind, Scope } from '../../access/scope.js';
import type { ActorCtx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { patientProfiles, users } from '../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { audit, changedFields } from '../audit/audit.js';
import { peoplePage, personSearch } from '../accounts/search.js';
import { insertAccount, splitPatch, toUserBase, updateAccount, type UserBaseRow } from '../accounts/users.js';
import { assertHospital } from '../hospitals/hospitals.service.js';
import { inTransaction } from '../../realtime/outbox.js';
import { withFields } from '../../fields.js';

type ProfileRow = typeof patientProfiles.$inferSelect;

const present = (user: UserBaseRow, p: ProfileRow): Patient =>
  withFields(toUserBase(user), {
    medicalHistory: p.medicalHistory,
    allergies: p.allergies,
    emergencyContact: p.emergencyContact,
    bloodType: p.bloodType,
    dateOfBirth: p.dateOfBirth,
  });

export async function listPatients(ctx: ActorCtx, hospitalId: string, q: ListQuery) {
  await assertHospital(ctx.db, ctx.scope, hospitalId);
  // By the person's own hospital and role (the profile repeats them): the hospital's patients, by index.
  const where = (bind: Bind) => and(eq(users.hospitalId, bind('hospitalId', hospitalId)), eq(users.role, 'patient'), personSearch(q.q, bind));
  const { items: rows, total } = await peoplePage(ctx.db, patientProfiles, '', where, q);
  // The list carries medical history, allergies and blood types: a read of it is a read of them all.
  await audit(ctx.db, ctx, { action: 'patient.listed', hospitalId, entityType: 'hospital', entityId: hospitalId, details: { count: rows.length } });
  return { items: rows.map((r) => present(r.user, r.profile)), total };
}

/** A patient record this scope may see (access/patients.policy.ts); to anyone else it does not exist. */
async function findPatient(tx: Tx, scope: Scope, patientId: string) {
  const [row] = await tx
    .select()
    .from(patientProfiles)
    .innerJoin(users, eq(users.id, patientProfiles.userId))
    .where(and(eq(patientProfiles.userId, patientId), patientRows(tx, scope, patientId)));
  if (!row) throw notFound('No such patient');
  return { user: row.users, profile: row.patient_profiles };
}

export async function getPatient(ctx: ActorCtx, patientId: string): Promise<Patient> {
  const { user, profile } = await findPatient(ctx.db, ctx.scope, patientId);
  if (ctx.actor.userId !== patientId)
    await audit(ctx.db, ctx, { action: 'patient.viewed', hospitalId: profile.hospitalId, entityType: 'user', entityId: patientId });
  return present(user, profile);
}

export async function createPatient(ctx: ActorCtx, hospitalId: string, body: PatientCreate): Promise<Patient> {
  return ctx.db.transaction(async (tx) => {
    await assertHospital(tx, ctx.scope, hospitalId);
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
  return inTransaction(ctx, async (tx, outbox) => {
    const found = await findPatient(tx, ctx.scope, patientId);
    assertMayPatchPatient(ctx.scope, patch);
    const { account, profile } = splitPatch(patch);
    const user = await updateAccount(tx, outbox, ctx, found.user, account);
    let row = found.profile;
    if (Object.keys(profile).length) {
      [row] = (await tx.update(patientProfiles).set({ ...profile, updatedAt: ctx.clock.now() }).where(eq(patientProfiles.userId, patientId)).returning()) as [ProfileRow];
      await audit(tx, ctx, { action: 'patient.updated', hospitalId: row.hospitalId, entityType: 'user', entityId: patientId, details: changedFields(profile) });
    }
    return present(user, row);
  });
}
