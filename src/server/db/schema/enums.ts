import { pgEnum } from 'drizzle-orm/pg-core';

/** drizzle wants a non-empty tuple; the contracts' enums are the single source of the values. */
const values = <T extends string>(options: readonly T[]) => options as unknown as [T, ...T[]];
import { AppointmentStatus, BloodType, Role } from '../../../contracts/enums.js';

export const roleEnum = pgEnum('role', values(Role.options));
export const appointmentStatusEnum = pgEnum('appointment_status', values(AppointmentStatus.options));
export const videoCallStatusEnum = pgEnum('video_call_status', ['not_started', 'waiting', 'in_progress', 'ended']);
export const bloodTypeEnum = pgEnum('blood_type', values(BloodType.options));
