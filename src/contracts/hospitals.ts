import { z } from 'zod';
import { Email, Id, IsoDateTime, Paisa, Phone, TimeZone, nonEmpty, text } from './common.js';

const fields = {
  name: text().trim().min(2, 'Use at least 2 characters').max(200),
  address: text().trim().min(1, 'Required').max(500),
  phone: Phone,
  email: Email,
  timezone: TimeZone,
  appointmentFee: Paisa,
};

export const HospitalCreate = z.object(fields);
export type HospitalCreate = z.infer<typeof HospitalCreate>;

export const HospitalPatch = nonEmpty(z.object({ ...fields, isActive: z.boolean() }).partial());
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
