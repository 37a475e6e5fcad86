import { z } from 'zod';
import { Email, Id, IsoDateTime, Paisa, Phone, TimeZone } from './common.js';

const fields = {
  name: z.string().trim().min(2, 'Use at least 2 characters').max(200),
  address: z.string().trim().min(1, 'Required').max(500),
  phone: Phone,
  email: Email,
  timezone: TimeZone,
  appointmentFee: Paisa,
};

export const HospitalCreate = z.object(fields);
export type HospitalCreate = z.infer<typeof HospitalCreate>;

export const HospitalPatch = z
  .object({ ...fields, isActive: z.boolean() })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'Nothing to change');
export type HospitalPatch = z.infer<typeof HospitalPatch>;

export const Hospital = z.object({
  id: Id,
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  timezone: z.string(),
  appointmentFee: z.number().int(),
  isActive: z.boolean(),
  createdAt: IsoDateTime,
  doctorCount: z.number().int(),
  patientCount: z.number().int(),
});
export type Hospital = z.infer<typeof Hospital>;

/** What anyone may see, to choose a hospital at sign-up. */
export const PublicHospital = z.object({
  id: Id,
  name: z.string(),
  address: z.string(),
  timezone: z.string(),
});
export type PublicHospital = z.infer<typeof PublicHospital>;
