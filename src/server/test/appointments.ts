import type { Client } from './harness.js';

/** Every day 00:00-23:30 in the hospital's zone, in slots of `slotMinutes`. */
export const allWeek = (slotMinutes = 30) => ({
  slotMinutes,
  windows: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, start: '00:00', end: '23:30' })),
  exceptions: [],
});

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000);

/** Free slots of a doctor between two days from now, as the patient's browser would ask for them. */
export async function slotsOf(client: Client, doctorId: string, fromDay = 2, toDay = 3): Promise<{ startsAt: string; endsAt: string }[]> {
  const res = await client.get(`/api/doctors/${doctorId}/slots?from=${isoDate(daysFromNow(fromDay))}&to=${isoDate(daysFromNow(toDay))}`);
  if (res.status !== 200) throw new Error(`slots: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items;
}
