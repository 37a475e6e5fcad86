import { z } from 'zod';

/** A code from an authenticator app (RFC 6238: six digits). */
export const TotpCode = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your app'));

/** The second step of a sign-in: an app's code or one of the recovery codes. */
export const TwoFactorLoginBody = z.object({
  code: z.string().trim().min(6, 'Enter the code from your app or a recovery code').max(40),
});
export type TwoFactorLoginBody = z.infer<typeof TwoFactorLoginBody>;

export const TwoFactorStatus = z.object({
  enabled: z.boolean(),
  /** This account may not go without it (its role, or its hospital, requires it). */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;

/** What an authenticator app needs: scan the QR code, or type the secret. */
export const TwoFactorSetup = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG image (a data: URL). */
  qrCode: z.string(),
});
export type TwoFactorSetup = z.infer<typeof TwoFactorSetup>;

export const TwoFactorEnableBody = z.object({ code: TotpCode });
export const TwoFactorDisableBody = z.object({ password: z.string().min(1, 'Enter your password').max(128) });
export const RecoveryCodesBody = z.object({ code: TotpCode });

/** Shown once: each signs in once when the app is not at hand. */
export const RecoveryCodes = z.object({ codes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
