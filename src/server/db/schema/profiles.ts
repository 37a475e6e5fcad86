import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns.js';
import { bloodTypeEnum } from './enums.js';
import { hospitals } from './hospitals.js';
import { users } from './users.js';

/** A profile belongs to one user and repeats their hospital, so it can be scoped without a join. */
const owner = () => ({
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  hospitalId: uuid('hospital_id')
    .notNull()
    .references(() => hospitals.id),
});

export const doctorProfiles = pgTable(
  'doctor_profiles',
  {
    ...owner(),
    licenseNumber: text('license_number').notNull(),
    specialization: text('specialization').notNull(),
    experienceYears: integer('experience_years').notNull().default(0),
    bio: text('bio').notNull().default(''),
    isAvailable: boolean('is_available').notNull().default(true),
    /** Length of a bookable slot, used by availability. */
    slotMinutes: integer('slot_minutes').notNull().default(30),
    /** File name under DATA_DIR/uploads/pictures and its verified type. */
    pictureFile: text('picture_file'),
    pictureType: text('picture_type'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('doctor_profiles_license_unique').on(t.licenseNumber),
    index('doctor_profiles_hospital_idx').on(t.hospitalId, t.specialization),
    check('doctor_profiles_experience', sql`${t.experienceYears} between 0 and 80`),
    check('doctor_profiles_slot', sql`${t.slotMinutes} between 5 and 240`),
  ],
);

export const patientProfiles = pgTable(
  'patient_profiles',
  {
    ...owner(),
    medicalHistory: text('medical_history').notNull().default(''),
    allergies: text('allergies').notNull().default(''),
    emergencyContact: text('emergency_contact').notNull().default(''),
    bloodType: bloodTypeEnum('blood_type'),
    dateOfBirth: date('date_of_birth'),
    updatedAt: updatedAt(),
  },
  (t) => [index('patient_profiles_hospital_idx').on(t.hospitalId)],
);
