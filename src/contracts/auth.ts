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
  /** Confirmed by a mailed link (or vouched for by an admin); a patient books only once it is. */
  emailConfirmed: z.boolean(),
  twoFactorEnabled: z.boolean(),
  /** Signed in, but must set up two-factor sign-in before anything else (their role requires it). */
  twoFactorSetupRequired: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const AuthResult = z.object({ user: Me });

/** The password was right and the account has a second factor: `POST /api/auth/login/two-factor` comes next. */
export const TwoFactorChallenge = z.object({ twoFactorRequired: z.literal(true) });
export const LoginResult = z.union([AuthResult, TwoFactorChallenge]);
export type LoginResult = z.infer<typeof LoginResult>;

/** Sign-up where mail is configured: the same answer for a new and a registered address. */
export const SignupPending = z.object({ confirmationSent: z.literal(true) });
export const SignupResult = z.union([AuthResult, SignupPending]);
export type SignupResult = z.infer<typeof SignupResult>;

export const PasswordResetRequest = z.object({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** A token from a mailed link: random, URL-safe. */
export const LinkToken = z.string().trim().regex(/^[A-Za-z0-9_-]{20,200}$/, 'This link is not complete: open it again from the mail');

export const PasswordResetConfirm = z.object({ token: LinkToken, newPassword: Password });
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirm>;

export const EmailConfirmationBody = z.object({ token: LinkToken });

export const SessionInfo = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
