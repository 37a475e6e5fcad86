import { eq } from 'drizzle-orm';
import { PICTURE_TYPES, type Doctor } from '../../../contracts/doctors.js';
import type { ActorCtx } from '../../context.js';
import { doctorProfiles } from '../../db/schema/index.js';
import { sniffType } from '../../files/sniff.js';
import { fileStore } from '../../files/storage.js';
import { AppError, notFound } from '../../plugins/errors.js';
import { audit } from '../audit/audit.js';
import { findDoctor, findDoctorForChange, present } from './doctors.service.js';

const store = (ctx: ActorCtx) => fileStore(ctx.config.uploadsDir, 'pictures');

/** Replaces a doctor's picture. The type is read from the bytes; only PNG, JPEG and WebP pass. */
export async function setPicture(ctx: ActorCtx, doctorId: string, bytes: Uint8Array): Promise<Doctor> {
  const type = sniffType(bytes);
  if (!type || !(PICTURE_TYPES as readonly string[]).includes(type))
    throw new AppError(415, 'unsupported_media_type', 'Upload a PNG, JPEG or WebP image');
  const { user, profile } = await findDoctorForChange(ctx.db, ctx, doctorId);
  const name = await store(ctx).save(bytes, type);
  const [row] = await ctx.db.transaction(async (tx) => {
    await audit(tx, ctx, { action: 'doctor.picture_changed', hospitalId: profile.hospitalId, entityType: 'user', entityId: doctorId });
    return tx.update(doctorProfiles).set({ pictureFile: name, pictureType: type, updatedAt: ctx.clock.now() }).where(eq(doctorProfiles.userId, doctorId)).returning();
  });
  if (profile.pictureFile) await store(ctx).remove(profile.pictureFile);
  return present(user, row!);
}

export async function removePicture(ctx: ActorCtx, doctorId: string): Promise<Doctor> {
  const { user, profile } = await findDoctorForChange(ctx.db, ctx, doctorId);
  const [row] = await ctx.db.transaction(async (tx) => {
    await audit(tx, ctx, { action: 'doctor.picture_removed', hospitalId: profile.hospitalId, entityType: 'user', entityId: doctorId });
    return tx.update(doctorProfiles).set({ pictureFile: null, pictureType: null, updatedAt: ctx.clock.now() }).where(eq(doctorProfiles.userId, doctorId)).returning();
  });
  if (profile.pictureFile) await store(ctx).remove(profile.pictureFile);
  return present(user, row!);
}

export async function openPicture(ctx: ActorCtx, doctorId: string) {
  const { profile } = await findDoctor(ctx.db, ctx, doctorId);
  if (!profile.pictureFile || !profile.pictureType) throw notFound('No picture');
  return { stream: store(ctx).open(profile.pictureFile), type: profile.pictureType };
}
