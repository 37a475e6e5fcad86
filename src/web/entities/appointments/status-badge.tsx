import type { AppointmentStatus } from '../../../contracts/enums.js';
import { appointmentStatus } from './appointment-status.js';
import { Badge } from '../../lib/ui/badge.js';

/** An appointment's status as a coloured badge. */
export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const info = appointmentStatus[status];
  return <Badge tone={info.tone}>{info.label}</Badge>;
}
