import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from './columns.js';
import { roleEnum } from './enums.js';
import { hospitals } from './hospitals.js';

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased; unique across the installation. */
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull(),
    hospitalId: uuid('hospital_id').references(() => hospitals.id, { onDelete: 'restrict' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    phone: text('phone'),
    isActive: boolean('is_active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: tstz('last_login_at'),
    passwordChangedAt: tstz('password_changed_at').notNull().defaultNow(),
    /** Proven by a mailed link, or vouched for by the admin who created the account. */
    emailConfirmedAt: tstz('email_confirmed_at'),
    /** Set while a second factor is on (its secret lives in user_two_factor). */
    twoFactorEnabledAt: tstz('two_factor_enabled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /**
     * What people search by (accounts/search.ts): the name and the email, lower-cased once when
     * written. A substring search with LIKE over it is several times cheaper than ILIKE over the
     * parts. \x01 keeps a query from matching across name and email (input never holds it).
     */
    searchText: text('search_text').generatedAlwaysAs(sql`lower(first_name || ' ' || last_name || chr(1) || email)`),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_hospital_role_idx').on(t.hospitalId, t.role),
    // Trigrams of the search text: a substring search reads the matching people by index instead of
    // testing every person of the hospital (pg_trgm, created by the migration that adds this).
    index('users_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // Everyone but the super admin belongs to exactly one hospital.
    check('users_hospital_by_role', sql`(${t.role} = 'super_admin') = (${t.hospitalId} is null)`),
  ],
);
