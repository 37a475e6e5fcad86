import { z } from 'zod';
import { Id, IsoDateTime, text } from './common.js';
import { AppointmentStatus, Role } from './enums.js';
import { CallSummary, VideoCallStatus } from './video.js';

export const APPOINTMENT_ACTIONS = [
  'approve',
  'reject',
  'propose',
  'accept-proposal',
  'decline-proposal',
  'cancel',
  'start',
  'complete',
] as const;
export const AppointmentAction = z.enum(APPOINTMENT_ACTIONS);
export type AppointmentAction = z.infer<typeof AppointmentAction>;

/** Statuses whose appointment holds the doctor's (and the patient's) time. */
export const HOLDING_STATUSES = ['requested', 'pending', 'scheduled', 'confirmed', 'in_progress'] as const;

const reason = text().trim().min(1, 'Give a reason').max(1000);

export const AppointmentCreate = z.object({
  doctorId: Id,
  startsAt: IsoDateTime,
  symptoms: text().trim().min(1, 'Describe your symptoms or the reason for the visit').max(4000),
});
export type AppointmentCreate = z.infer<typeof AppointmentCreate>;

export const ActionBodies = {
  approve: z.object({}).strict(),
  reject: z.object({ reason }),
  propose: z.object({ startsAt: IsoDateTime, note: text().trim().max(1000).optional() }),
  'accept-proposal': z.object({}).strict(),
  'decline-proposal': z.object({ reason: text().trim().max(1000).optional() }),
  cancel: z.object({ reason }),
  start: z.object({}).strict(),
  complete: z.object({ notes: text().trim().min(1, 'Write the visit notes').max(20_000) }),
} satisfies Record<AppointmentAction, z.ZodType>;

const Person = z.object({ id: Id, firstName: z.string(), lastName: z.string() });

export const AppointmentEvent = z.object({
  at: IsoDateTime,
  action: z.string(),
  fromStatus: AppointmentStatus.nullable(),
  toStatus: AppointmentStatus,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  /** Who acted: the patient, the doctor (or staff); null for the system. */
  actorRole: Role.nullable(),
  reason: z.string().nullable(),
});

export const Appointment = z.object({
  id: Id,
  hospitalId: Id,
  hospitalName: z.string(),
  timezone: z.string(),
  status: AppointmentStatus,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  /** While a proposal is pending: the time the patient first asked for. */
  requestedStartsAt: IsoDateTime.nullable(),
  symptoms: z.string(),
  /** The doctor's visit notes; only the doctor, the patient and admins see them. */
  notes: z.string().nullable(),
  proposalNote: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  cancellationReason: z.string().nullable(),
  fee: z.number().int(),
  paymentDueAt: IsoDateTime.nullable(),
  /**
   * The hospital's refund policy, for the patient to read before cancelling a paid visit: in
   * full until this many hours before the start, nothing after.
   */
  refundFullUntilHours: z.number().int(),
  doctor: Person.extend({ specialization: z.string() }),
  patient: Person,
  /** The video visit: its state, when it started and ended, how long it lasted (seconds). */
  videoCallStatus: VideoCallStatus,
  videoCallStartedAt: IsoDateTime.nullable(),
  videoCallEndedAt: IsoDateTime.nullable(),
  callDuration: z.number().int().nullable(),
  /** The call's quality summary: for the doctor and the hospital's admins, null for the patient. */
  videoCallSummary: CallSummary.nullable(),
  /** What the viewer may do now. */
  actions: z.array(AppointmentAction),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Appointment = z.infer<typeof Appointment>;

export const AppointmentDetail = Appointment.extend({ events: z.array(AppointmentEvent) });
export type AppointmentDetail = z.infer<typeof AppointmentDetail>;

export const AppointmentListQuery = z.object({
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(AppointmentStatus))
    .optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  doctorId: Id.optional(),
  /** For the super admin; everyone else sees one hospital at most anyway. */
  hospitalId: Id.optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AppointmentListQuery = z.infer<typeof AppointmentListQuery>;
