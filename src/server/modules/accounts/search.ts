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
 * and the list's total from the same scan.
 */
export function peoplePage<P extends typeof doctorProfiles | typeof patientProfiles>(db: Tx, profiles: P, where: SQL | undefined, q: { limit: number; offset: number }) {
  // The cast: drizzle's builders take one table type, and both profile tables join users alike.
  const from = profiles as typeof doctorProfiles;
  return pagedOver(
    q,
    db
      .select({ user: users, profile: profiles, total: totalOver })
      .from(from)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(where)
      .orderBy(asc(users.lastName), asc(users.firstName))
      .limit(q.limit)
      .offset(q.offset),
    () => db.select({ n: count() }).from(from).innerJoin(users, eq(users.id, profiles.userId)).where(where),
  );
}
