import { z } from 'zod';

/** Where an operator stands with two-factor sign-in. */
export const twoFactorStatusSchema = z.strictObject({
  enrolled: z.boolean(),
  /** Enrolment started, waiting for the first code. */
  enrolmentPending: z.boolean(),
  /** The operator's role requires it. */
  requiredByPolicy: z.boolean(),
  recoveryCodesLeft: z.int().nonnegative(),
});
/** Where an operator stands with two-factor sign-in. */
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;

/** What the enrolment screen shows: scan the QR code, or type the secret. */
export const twoFactorEnrolmentSchema = z.strictObject({
  otpauthUri: z.string(),
  /** The QR code of `otpauthUri` as an SVG data URL. */
  qrCodeDataUrl: z.string(),
  /** The secret in base32 for typing, grouped in fours. */
  secretBase32: z.string(),
});
/** What the enrolment screen shows. */
export type TwoFactorEnrolment = z.infer<typeof twoFactorEnrolmentSchema>;

/** A 6-digit authenticator code, as typed (spaces allowed). */
export const totpCodeInputSchema = z.strictObject({ code: z.string().trim().regex(/^\d{3} ?\d{3}$/, 'Enter the 6-digit code from your authenticator app.') });

/** Recovery codes, shown once. */
export const recoveryCodesSchema = z.strictObject({ recoveryCodes: z.array(z.string()) });
