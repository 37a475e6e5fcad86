import { eq } from 'drizzle-orm';
import { availabilityOverlaps, type Availability, type AvailabilityView, type SlotList } from '../../../contracts/availability.js';
import type { ActorCtx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { availabilityExceptions, availabilityWindows, doctorProfiles, hospitals } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { audit } from '../audit/audit.js';
import { findDoctor, findDoctorForChange } from '../doctors/doctors.service.js';
import { inTransaction } from '../../realtime/outbox.js';
import { slotsChanged } from '../appointments/transition.js';
import { slotSources } from './slot-sources.js';
import { freeSlots } from './slots.js';
import { addDays, hhmm, zonedToUtc } from './zoned-time.js';

/** A doctor's schedule as stored, with the zone its times are in. */
export async function loadAvailability(tx: Tx, doctorId: string, hospitalId: string): Promise<AvailabilityView> {
  const [windows, exceptions, slotMinutes, [hospital]] = await Promise.all([
    tx.select().from(availabilityWindows).where(eq(availabilityWindows.doctorId, doctorId)).orderBy(availabilityWindows.dayOfWeek, availabilityWindows.startTime),
    tx.select().from(availabilityExceptions).where(eq(availabilityExceptions.doctorId, doctorId)).orderBy(availabilityExceptions.date, availabilityExceptions.startTime),
    tx.select({ slotMinutes: doctorProfiles.slotMinutes }).from(doctorProfiles).where(eq(doctorProfiles.userId, doctorId)).then(([p]) => p!.slotMinutes),
    tx.select({ timezone: hospitals.timezone }).from(hospitals).where(eq(hospitals.id, hospitalId)),
  ]);
  return {
    slotMinutes,
    timezone: hospital!.timezone,
    windows: windows.map((w) => ({ dayOfWeek: w.dayOfWeek, start: hhmm(w.startTime)!, end: hhmm(w.endTime)! })),
    exceptions: exceptions.map((e) => ({ date: e.date, kind: e.kind, start: hhmm(e.startTime), end: hhmm(e.endTime), note: e.note })),
  };
}

export async function getAvailability(ctx: ActorCtx, doctorId: string) {
  const { profile } = await findDoctor(ctx.db, ctx.scope, doctorId);
  return loadAvailability(ctx.db, doctorId, profile.hospitalId);
}

/** Replaces the whole schedule. The doctor and their hospital's admins may. */
export async function setAvailability(ctx: ActorCtx, doctorId: string, input: Availability): Promise<AvailabilityView> {
  const overlaps = availabilityOverlaps(input);
  if (overlaps.length) throw new AppError('availability_overlap', overlaps.map((o) => o.message).join('; '), { errors: overlaps });
  const hospitalId = await inTransaction(ctx, async (tx, outbox) => {
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
    return profile.hospitalId;
  });
  // Read back once committed (its reads run side by side, which a transaction's one connection cannot).
  return loadAvailability(ctx.db, doctorId, hospitalId);
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
