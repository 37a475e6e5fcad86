import { z } from 'zod';
import { NewAccount, AccountPatch, UserBase } from './users.js';
import { BloodType } from './enums.js';

const text = (max: number) => z.string().trim().max(max);

export const PatientProfileFields = z.object({
  medicalHistory: text(10_000),
  allergies: text(2_000),
  emergencyContact: text(300),
  bloodType: BloodType.nullable(),
  dateOfBirth: z.iso
    .date()
    .refine((d) => d <= new Date().toISOString().slice(0, 10) && d >= '1900-01-01', 'Enter a date of birth in the past')
    .nullable(),
});

export const PatientCreate = NewAccount.extend(PatientProfileFields.partial().shape);
export type PatientCreate = z.infer<typeof PatientCreate>;

export const PatientPatch = AccountPatch.extend(PatientProfileFields.partial().shape).refine(
  (p) => Object.keys(p).length > 0,
  'Nothing to change',
);
export type PatientPatch = z.infer<typeof PatientPatch>;

export const Patient = UserBase.extend({
  medicalHistory: z.string(),
  allergies: z.string(),
  emergencyContact: z.string(),
  bloodType: BloodType.nullable(),
  dateOfBirth: z.string().nullable(),
});
export type Patient = z.infer<typeof Patient>;
