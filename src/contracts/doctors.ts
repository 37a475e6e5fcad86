import { z } from 'zod';
import { nonEmpty, text } from './common.js';
import { NewAccount, AccountPatch, UserBase } from './users.js';

const profile = {
  licenseNumber: text().trim().min(2).max(50),
  specialization: text().trim().min(2).max(100),
  experienceYears: z.number().int().min(0).max(80),
  bio: text().trim().max(2000),
  isAvailable: z.boolean(),
};

export const DoctorCreate = NewAccount.extend({
  licenseNumber: profile.licenseNumber,
  specialization: profile.specialization,
  experienceYears: profile.experienceYears,
  bio: profile.bio.optional(),
  isAvailable: profile.isAvailable.optional(),
});
export type DoctorCreate = z.infer<typeof DoctorCreate>;

/** Admins may change everything; a doctor may change their own bio, phone and availability. */
export const DoctorPatch = nonEmpty(AccountPatch.extend(z.object(profile).partial().shape));
export type DoctorPatch = z.infer<typeof DoctorPatch>;
export const DOCTOR_SELF_FIELDS = ['firstName', 'lastName', 'phone', 'bio', 'isAvailable'] as const;

export const Doctor = UserBase.extend({
  licenseNumber: z.string(),
  specialization: z.string(),
  experienceYears: z.number().int(),
  bio: z.string(),
  isAvailable: z.boolean(),
  pictureUrl: z.string().nullable(),
});
export type Doctor = z.infer<typeof Doctor>;

/**
 * What a patient (or a colleague) sees of a doctor: no contact details, licence or account state.
 * Admins and the doctor themself get the full `Doctor`.
 */
export const PublicDoctor = z.object({
  id: z.uuid(),
  hospitalId: z.uuid().nullable(),
  role: z.literal('doctor'),
  firstName: z.string(),
  lastName: z.string(),
  specialization: z.string(),
  experienceYears: z.number().int(),
  bio: z.string(),
  isAvailable: z.boolean(),
  pictureUrl: z.string().nullable(),
});
export type PublicDoctor = z.infer<typeof PublicDoctor>;

/** A doctor as the viewer may see them: the full record, or the public view. */
export const DoctorView = z.union([Doctor, PublicDoctor]);
export type DoctorView = z.infer<typeof DoctorView>;
export const isFullDoctor = (d: DoctorView): d is Doctor => 'email' in d;

export const DoctorListQuery = z.object({
  specialization: text().trim().max(100).optional(),
});

/** Accepted profile picture types, checked against the file's bytes. */
export const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const PICTURE_MAX_BYTES = 2 * 1024 * 1024;
