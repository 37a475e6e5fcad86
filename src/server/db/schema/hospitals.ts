import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.js';

export const hospitals = pgTable(
  'hospitals',
  {
    id: id(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    timezone: text('timezone').notNull(),
    /** Integer paisa. */
    appointmentFee: integer('appointment_fee').notNull().default(0),
    /** A patient's own cancellation of a paid visit is refunded in full until this many hours before it, not after. */
    refundFullUntilHours: integer('refund_full_until_hours').notNull().default(24),
    /** Its admins must sign in with a second factor. */
    adminTwoFactorRequired: boolean('admin_two_factor_required').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('hospitals_fee_nonnegative', sql`${t.appointmentFee} >= 0`),
    check('hospitals_refund_hours', sql`${t.refundFullUntilHours} between 0 and 720`),
  ],
);
