import { z } from 'zod';
import { Email, Id, IsoDateTime, Password, PersonName, Phone, nonEmpty } from './common.js';
import { Role } from './enums.js';

/** Fields every person record carries, whatever the role. */
export const UserBase = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  hospitalId: Id.nullable(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  twoFactorEnabled: z.boolean(),
  createdAt: IsoDateTime,
  lastLoginAt: IsoDateTime.nullable(),
});
export type UserBase = z.infer<typeof UserBase>;

/**
 * What an admin gives when creating any account. The password is the initial one; where mail
 * is configured it may be left out, and the person is mailed a link to choose their own.
 */
export const NewAccount = z.object({
  email: Email,
  password: Password.optional(),
  firstName: PersonName,
  lastName: PersonName,
  phone: Phone.optional(),
});

export const AccountPatch = z.object({
  firstName: PersonName.optional(),
  lastName: PersonName.optional(),
  phone: Phone.nullable().optional(),
  isActive: z.boolean().optional(),
});

/** What changes a hospital admin's account: something, at least. */
export const AdminPatch = nonEmpty(AccountPatch);

export const HospitalAdmin = UserBase;
export type HospitalAdmin = z.infer<typeof HospitalAdmin>;
export const HospitalAdminCreate = NewAccount;
export type HospitalAdminCreate = z.infer<typeof HospitalAdminCreate>;
