import { eq } from 'drizzle-orm';
import type { Doctor } from '../../../contracts/doctors.js';
import type { ActorCtx } from '../../context.js';
import { doctorProfiles } from '../../db/schema/index.js';
import type { SpooledFile } from '../../files/spool.js';
import { notFound } from '../../errors.js';
import { audit } from '../audit/audit.js';
import { findDoctor, findDoctorForChange, present } from './doctors.service.js';

/** Replaces a doctor's picture (a PNG, JPEG or WebP image: the route checked its bytes). */
export async function setPicture(ctx: ActorCtx, doctorId: string, picture: SpooledFile): Promise<Doctor> {
  const { user, profile } = await findDoctorForChange(ctx.db, ctx.scope, doctorId);
  const type = picture.type;
  const name = await ctx.files.put('pictures', picture);
  const [row] = await ctx.db.transaction(async (tx) => {
    await audit(tx, ctx, { action: 'doctor.picture_changed', hospitalId: profile.hospitalId, entityType: 'user', entityId: doctorId });
    return tx.update(doctorProfiles).set({ pictureFile: name, pictureType: type, updatedAt: ctx.clock.now() }).where(eq(doctorProfiles.userId, doctorId)).returning();
  });
  if (profile.pictureFile) await ctx.files.remove('pictures', profile.pictureFile);
  return present(user, row!);
}

export async function removePicture(ctx: ActorCtx, doctorId: string): Promise<Doctor> {
  const { user, profile } = await findDoctorForChange(ctx.db, ctx.scope, doctorId);
  const [row] = await ctx.db.transaction(async (tx) => {
    await audit(tx, ctx, { action: 'doctor.picture_removed', hospitalId: profile.hospitalId, entityType: 'user', entityId: doctorId });
    return tx.update(doctorProfiles).set({ pictureFile: null, pictureType: null, updatedAt: ctx.clock.now() }).where(eq(doctorProfiles.userId, doctorId)).returning();
  });
  if (profile.pictureFile) await ctx.files.remove('pictures', profile.pictureFile);
  return present(user, row!);
}

export async function openPicture(ctx: ActorCtx, doctorId: string) {
  const { profile } = await findDoctor(ctx.db, ctx.scope, doctorId);
  if (!profile.pictureFile || !profile.pictureType) throw notFound('No picture');
  return { stream: await ctx.files.open('pictures', profile.pictureFile), type: profile.pictureType };
}
