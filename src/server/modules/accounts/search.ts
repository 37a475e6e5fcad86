import { ilike, or, sql } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';

/** Matches a free-text query against a person's name and email. */
export function personSearch(q: string | undefined) {
  if (!q) return undefined;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(users.email, like), ilike(sql`${users.firstName} || ' ' || ${users.lastName}`, like));
}
