import { z } from 'zod';
import { Email, Id, IsoDateTime, Paisa, Phone, TimeZone, nonEmpty, text } from './common.js';

const fields = {
  name: text().trim().min(2, 'Use at least 2 characters').max(200),
  address: text().trim().min(1, 'Required').max(500),
  phone: Phone,
  email: Email,
  timezone: TimeZone,
  appointmentFee: Paisa,
  /**
   * The refund policy for a patient's own cancellation of a paid visit: in full until this many
   * hours before its start, nothing after. (A doctor's or the hospital's cancellation is always
   * refunded in full.)
   */
  refundFullUntilHours: z.number().int().min(0).max(720),
  /** The hospital's admins must sign in with a second factor (TOTP). */
  adminTwoFactorRequired: z.boolean(),
};

export const DEFAULT_REFUND_FULL_UNTIL_HOURS = 24;

export const HospitalCreate = z.object({
  ...fields,
  refundFullUntilHours: fields.refundFullUntilHours.default(DEFAULT_REFUND_FULL_UNTIL_HOURS),
  adminTwoFactorRequired: fields.adminTwoFactorRequired.default(false),
});
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
  refundFullUntilHours: z.number().int(),
  adminTwoFactorRequired: z.boolean(),
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
