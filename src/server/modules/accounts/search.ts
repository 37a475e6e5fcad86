import { sql } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';

/** Matches a free-text query, case-insensitively, within a person's name or within their email. */
export function personSearch(q: string | undefined) {
  if (!q) return undefined;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // search_text is lower-cased by the database: the query is too, by the same function.
  return sql`${users.searchText} like lower(${like})`;
}
