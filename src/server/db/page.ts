import { sql } from 'drizzle-orm';

/**
 * A page of a list and the list's total. The total needs its own count only when the page is
 * full or past the end: a page with room left ends the list, so its total is known already (a
 * patient's few appointments, a doctor's day, most searches take one query instead of two).
 */
export async function paged<T>(q: { limit: number; offset: number }, rows: Promise<T[]>, count: () => Promise<{ n: number }[]>) {
  const items = await rows;
  const ends = items.length > 0 ? items.length < q.limit : q.offset === 0;
  const total = ends ? q.offset + items.length : Number((await count())[0]!.n);
  return { items, total };
}

/**
 * The list's total on every row of the page, counted by the same scan (`count(*) over ()`): for
 * lists that sort every match anyway (people by name), where a separate count would scan again.
 */
export const totalOver = sql<number>`count(*) over ()`.mapWith(Number);

/** A page whose rows carry `totalOver`; only past the end does the total need its own count. */
export async function pagedOver<T extends { total: number }>(q: { limit: number; offset: number }, rows: Promise<T[]>, count: () => Promise<{ n: number }[]>) {
  const items = await rows;
  const total = items.length ? items[0]!.total : q.offset === 0 ? 0 : Number((await count())[0]!.n);
  return { items, total };
}
