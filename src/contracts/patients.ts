import { z } from 'zod';
import { nonEmpty, text } from './common.js';
import { NewAccount, AccountPatch, UserBase } from './users.js';
import { BloodType } from './enums.js';

const field = (max: number) => text().trim().max(max);

export const PatientProfileFields = z.object({
  medicalHistory: field(10_000),
  allergies: field(2_000),
  emergencyContact: field(300),
  bloodType: BloodType.nullable(),
  dateOfBirth: z.iso
    .date()
    .refine((d) => d <= new Date().toISOString().slice(0, 10) && d >= '1900-01-01', 'Enter a date of birth in the past')
    .nullable(),
});

export const PatientCreate = NewAccount.extend(PatientProfileFields.partial().shape);
export type PatientCreate = z.infer<typeof PatientCreate>;

export const PatientPatch = nonEmpty(AccountPatch.extend(PatientProfileFields.partial().shape));
export type PatientPatch = z.infer<typeof PatientPatch>;

export const Patient = UserBase.extend({
  medicalHistory: z.string(),
  allergies: z.string(),
  emergencyContact: z.string(),
  bloodType: BloodType.nullable(),
  dateOfBirth: z.string().nullable(),
});
export type Patient = z.infer<typeof Patient>;
