import type { Hospital } from '../../../contracts/hospitals.js';
import { describeZone } from '../../lib/datetime.js';
import { formatPaisa } from '../../lib/money.js';
import { policyHoursText } from './refund-policy.js';

/** A hospital's contact and booking details, for a DetailList (its page, its admin's dashboard). */
export function hospitalDetails(h: Hospital) {
  return [
    { label: 'Address', value: h.address },
    { label: 'Phone', value: h.phone },
    { label: 'Email', value: h.email },
    { label: 'Time zone', value: describeZone(h.timezone) },
    { label: 'Appointment fee', value: formatPaisa(h.appointmentFee) },
    { label: 'Refund policy', value: `A patient’s cancellation is refunded in full ${policyHoursText(h.refundFullUntilHours)}` },
    { label: 'Two-factor sign-in for administrators', value: h.adminTwoFactorRequired ? 'Required' : 'Optional' },
  ];
}
