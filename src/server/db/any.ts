import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * `column = any($1)`: any number of ids as one parameter (a list of 10,000 would be 10,000).
 * Only for ids made of [A-Za-z0-9_-] (uuids, base64url HMACs), which need no quoting in an array literal.
 */
export function anyOf(column: PgColumn, ids: string[], type: 'uuid' | 'text'): SQL {
  if (ids.some((id) => !/^[A-Za-z0-9_-]+$/.test(id))) throw new Error('anyOf: ids must be uuids or base64url');
  return type === 'uuid' ? sql`${column} = any(${`{${ids.join(',')}}`}::uuid[])` : sql`${column} = any(${`{${ids.join(',')}}`}::text[])`;
}
