import { bigint, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { users } from './users.js';

/**
 * A person's TOTP second factor (RFC 6238). The secret is encrypted (AES-256-GCM, a key derived
 * from SESSION_SECRET); recovery codes are kept as SHA-256 hashes and removed as they are used.
 * A row whose user has no `two_factor_enabled_at` is an enrolment not yet confirmed.
 */
export const userTwoFactor = pgTable('user_two_factor', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  /** The last time step a code was accepted for: a code is never accepted twice. */
  lastStep: bigint('last_step', { mode: 'number' }),
  recoveryCodes: jsonb('recovery_codes').$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
});
