import { z } from 'zod';

export const Role = z.enum(['super_admin', 'hospital_admin', 'doctor', 'patient']);
export type Role = z.infer<typeof Role>;

export const AppointmentStatus = z.enum([
  'requested',
  'pending',
  'scheduled',
  'confirmed',
  'in_progress',
  'completed',
  'rejected',
  'cancelled',
]);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

export const BloodType = z.enum(['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-']);
export type BloodType = z.infer<typeof BloodType>;
