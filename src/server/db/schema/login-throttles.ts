import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns.js';

/**
 * Failed sign-ins counted per email and per client address, whether or not the email has an
 * account, so the answers never tell them apart. The key is an HMAC: no email is stored here.
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  blockedUntil: tstz('blocked_until'),
  lastFailureAt: tstz('last_failure_at').notNull(),
});
