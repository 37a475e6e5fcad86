import { eq, sql } from 'drizzle-orm';
import { availabilityOverlaps, type Availability, type AvailabilityView, type SlotList } from '../../../contracts/availability.js';
import type { ActorCtx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { availabilityExceptions, availabilityWindows, doctorProfiles, hospitals } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { prepared } from '../../db/prepared.js';
import { audit } from '../audit/audit.js';
import { findDoctor, findDoctorForChange } from '../doctors/doctors.service.js';
import { inTransaction } from '../../realtime/outbox.js';
import { slotsChanged } from '../appointments/transition.js';
import { slotSources } from './slot-sources.js';
import { freeSlots } from './slots.js';
import { addDays, hhmm, zonedToUtc } from './zoned-time.js';

type Stored = Pick<AvailabilityView, 'slotMinutes' | 'timezone'> & {
  windows: [number, string, string][];
  exceptions: [string, 'off' | 'extra', string | null, string | null, string | null][];
};

/** Asked by the hours page, the doctor's dashboard and every booking: one statement, prepared once (four before). */
const storedSchedule = prepared('stored_schedule', (db) =>
  db
    .select({
      slotMinutes: doctorProfiles.slotMinutes,
      timezone: hospitals.timezone,
      windows: sql<Stored['windows']>`coalesce((select json_agg(json_build_array(${availabilityWindows.dayOfWeek}, ${availabilityWindows.startTime}, ${availabilityWindows.endTime})
        order by ${availabilityWindows.dayOfWeek}, ${availabilityWindows.startTime}) from ${availabilityWindows} where ${availabilityWindows.doctorId} = ${doctorProfiles.userId}), '[]')`,
      exceptions: sql<Stored['exceptions']>`coalesce((select json_agg(json_build_array(${availabilityExceptions.date}, ${availabilityExceptions.kind}, ${availabilityExceptions.startTime}, ${availabilityExceptions.endTime}, ${availabilityExceptions.note})
        order by ${availabilityExceptions.date}, ${availabilityExceptions.startTime}) from ${availabilityExceptions} where ${availabilityExceptions.doctorId} = ${doctorProfiles.userId}), '[]')`,
    })
    .from(doctorProfiles)
    .innerJoin(hospitals, eq(hospitals.id, doctorProfiles.hospitalId))
    .where(eq(doctorProfiles.userId, sql.placeholder('doctorId'))),
);

/** A doctor's schedule as stored, with the zone its times are in (their hospital's). */
export async function loadAvailability(tx: Tx, doctorId: string): Promise<AvailabilityView> {
  const [row] = await storedSchedule(tx, { doctorId });
  if (!row) throw notFound('No such doctor');
  return {
    slotMinutes: row.slotMinutes,
    timezone: row.timezone,
    windows: row.windows.map(([dayOfWeek, start, end]) => ({ dayOfWeek, start: hhmm(start)!, end: hhmm(end)! })),
    exceptions: row.exceptions.map(([date, kind, start, end, note]) => ({ date, kind, start: hhmm(start), end: hhmm(end), note })),
  };
}

export async function getAvailability(ctx: ActorCtx, doctorId: string) {
  await findDoctor(ctx.db, ctx.scope, doctorId);
  return loadAvailability(ctx.db, doctorId);
}

/** Replaces the whole schedule. The doctor and their hospital's admins may. */
export async function setAvailability(ctx: ActorCtx, doctorId: string, input: Availability): Promise<AvailabilityView> {
  const overlaps = availabilityOverlaps(input);
  if (overlaps.length) throw new AppError('availability_overlap', overlaps.map((o) => o.message).join('; '), { errors: overlaps });
  await inTransaction(ctx, async (tx, outbox) => {
    const { profile } = await findDoctorForChange(tx, ctx.scope, doctorId);
    outbox.add(slotsChanged({ hospitalId: profile.hospitalId, doctorId }));
    await tx.delete(availabilityWindows).where(eq(availabilityWindows.doctorId, doctorId));
    await tx.delete(availabilityExceptions).where(eq(availabilityExceptions.doctorId, doctorId));
    if (input.windows.length)
      await tx.insert(availabilityWindows).values(input.windows.map((w) => ({ doctorId, dayOfWeek: w.dayOfWeek, startTime: w.start, endTime: w.end })));
    if (input.exceptions.length)
      await tx.insert(availabilityExceptions).values(
        input.exceptions.map((e) => ({ doctorId, date: e.date, kind: e.kind, startTime: e.start ?? null, endTime: e.end ?? null, note: e.note ?? null })),
      );
    await tx.update(doctorProfiles).set({ slotMinutes: input.slotMinutes, updatedAt: ctx.clock.now() }).where(eq(doctorProfiles.userId, doctorId));
    await audit(tx, ctx, { action: 'availability.updated', hospitalId: profile.hospitalId, entityType: 'user', entityId: doctorId, details: { windows: input.windows.length, exceptions: input.exceptions.length } });
  });
  // Read back once committed (its reads run side by side, which a transaction's one connection cannot).
  return loadAvailability(ctx.db, doctorId);
}

export async function listSlots(ctx: ActorCtx, doctorId: string, from: string, to: string): Promise<SlotList> {
  // Local dates span at most a day either side of the same UTC dates: the held time and the
  // exceptions are read a day wider.
  const sources = await slotSources(
    ctx.db,
    ctx.scope,
    doctorId,
    { from: addDays(from, -1), to: addDays(to, 1) },
    { from: zonedToUtc(addDays(from, -1), 0, 'UTC')!, to: zonedToUtc(addDays(to, 2), 0, 'UTC')! },
  );
  const { timezone, availability, busy } = sources;
  const { slotMinutes } = availability;
  if (!sources.bookable) return { timezone, slotMinutes, items: [] };
  return { timezone, slotMinutes, items: freeSlots({ availability, timezone, from, to, now: ctx.clock.now(), busy }) };
}
