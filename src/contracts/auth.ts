import { z } from 'zod';
import { Email, Id, IsoDateTime, Password, PersonName } from './common.js';
import { Role } from './enums.js';

export const SignupBody = z.object({
  email: Email,
  password: Password,
  firstName: PersonName,
  lastName: PersonName,
  hospitalId: Id,
});
export type SignupBody = z.infer<typeof SignupBody>;

export const LoginBody = z.object({
  email: Email,
  password: z.string().min(1).max(128),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: Password,
});
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;

/** The signed-in user, as `GET /api/auth/me` and login/signup return it. */
export const Me = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  hospitalId: Id.nullable(),
  hospitalName: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const AuthResult = z.object({ user: Me });

export const SessionInfo = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
