import { eq, sql, type SQL } from 'drizzle-orm';
import { payments } from '../db/schema/index.js';
import { notFound } from '../errors.js';
import { inScope, isStaff, userIdOf, type Scope } from './scope.js';

/**
 * Patients see their own payments, a hospital's admins the hospital's, the platform all.
 * Doctors see none: the appointment's status tells them it is paid.
 */
export function paymentRows(scope: Scope): SQL | undefined {
  if (scope.kind === 'user' && scope.role === 'patient') return eq(payments.patientId, scope.userId);
  if (scope.kind === 'user' && scope.role === 'doctor') return sql`false`;
  return inScope(scope, payments.hospitalId);
}

/** Khalti's order id is for the hospital's staff (support calls); the patient has the transaction id. */
export const seesProviderDetails = (scope: Scope) => isStaff(scope);

/** Only the appointment's own patient pays it online; to anyone else it does not exist. */
export function assertMayPay(scope: Scope, appointment: { patientId: string }) {
  if (userIdOf(scope) !== appointment.patientId) throw notFound('No such appointment');
}

/** The payment link is the payer's alone. */
export const seesPaymentLink = (scope: Scope, payment: { patientId: string }) => userIdOf(scope) === payment.patientId;
