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
