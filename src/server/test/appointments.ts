import { addDays, utcToZoned } from '../modules/availability/zoned-time.js';
import { TEST_TIMEZONE } from './factories.js';
import type { Client } from './harness.js';

/** Every day 00:00-23:30 in the hospital's zone, in slots of `slotMinutes`. */
export const allWeek = (slotMinutes = 30) => ({
  slotMinutes,
  windows: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, start: '00:00', end: '23:30' })),
  exceptions: [],
});

/** The hospital's calendar date `days` after today there, by the app's clock (not the UTC date). */
export const localDate = (client: Client, days: number, timezone = TEST_TIMEZONE) =>
  addDays(utcToZoned(client.app.clock.now(), timezone).date, days);

/** Free slots of a doctor between two local days from today, as the patient's browser would ask for them. */
export async function slotsOf(client: Client, doctorId: string, fromDay = 2, toDay = 3, timezone = TEST_TIMEZONE): Promise<{ startsAt: string; endsAt: string }[]> {
  const res = await client.get(`/api/doctors/${doctorId}/slots?from=${localDate(client, fromDay, timezone)}&to=${localDate(client, toDay, timezone)}`);
  if (res.status !== 200) throw new Error(`slots: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items;
}
