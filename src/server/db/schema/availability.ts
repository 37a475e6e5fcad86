import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, smallint, text, time, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns.js';
import { users } from './users.js';

/** A weekly window in the hospital's time zone, e.g. Monday 09:00-12:00. */
export const availabilityWindows = pgTable(
  'availability_windows',
  {
    id: id(),
    doctorId: uuid('doctor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    dayOfWeek: smallint('day_of_week').notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
  },
  (t) => [
    index('availability_windows_doctor_idx').on(t.doctorId, t.dayOfWeek),
    check('availability_windows_day', sql`${t.dayOfWeek} between 0 and 6`),
    check('availability_windows_range', sql`${t.endTime} > ${t.startTime}`),
  ],
);

/** A dated change to the weekly schedule: a day (or hours) off, or extra hours. */
export const availabilityExceptions = pgTable(
  'availability_exceptions',
  {
    id: id(),
    doctorId: uuid('doctor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    kind: text('kind', { enum: ['off', 'extra'] }).notNull(),
    startTime: time('start_time'),
    endTime: time('end_time'),
    note: text('note'),
  },
  (t) => [index('availability_exceptions_doctor_idx').on(t.doctorId, t.date)],
);
