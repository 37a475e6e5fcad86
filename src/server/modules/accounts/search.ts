import { asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { pagedOver, totalOver } from '../../db/page.js';
import { doctorProfiles, patientProfiles, users } from '../../db/schema/index.js';

/** Matches a free-text query, case-insensitively, within a person's name or within their email. */
export function personSearch(q: string | undefined) {
  if (!q) return undefined;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // search_text is lower-cased by the database: the query is too, by the same function.
  return sql`${users.searchText} like lower(${like})`;
}

/**
 * A page of a hospital's people of one kind (doctors or patients) with their profiles, by name,
 * and the list's total. `where` is over the people alone (a condition on the profile goes in as a
 * subquery): the page is found among them, by index, with its total from the same scan, and only
 * its rows are joined to their profiles. Joining every match first made PostgreSQL hash the whole
 * hospital's profiles for each search (5.4 ms against 1.7 ms for 4,000 patients, 'rai').
 */
export function peoplePage<P extends typeof doctorProfiles | typeof patientProfiles>(db: Tx, profiles: P, where: SQL | undefined, q: { limit: number; offset: number }) {
  // The cast: drizzle's builders take one table type, and both profile tables join users alike.
  const from = profiles as typeof doctorProfiles;
  // The id last: people of the same name keep one order from page to page.
  const byName = [asc(users.lastName), asc(users.firstName), asc(users.id)];
  const page = db.$with('page').as(
    db.select({ id: users.id, total: totalOver.as('total') }).from(users).where(where).orderBy(...byName).limit(q.limit).offset(q.offset),
  );
  return pagedOver(
    q,
    db
      .with(page)
      .select({ user: users, profile: profiles, total: page.total })
      .from(page)
      .innerJoin(users, eq(users.id, page.id))
      .innerJoin(from, eq(from.userId, page.id))
      .orderBy(...byName),
    () => db.select({ n: count() }).from(users).where(where),
  );
}
