import { z } from 'zod';
import { appActorNames } from '../audit/audit-actions';
import { maxPasswordLength } from './password-policy';
import { roleSchema } from './roles';

/** Names the app itself uses as audit actors (`system`, `anonymous`, `cli`); no operator may take them. */
export const reservedUsernames: readonly string[] = appActorNames;

/** A username as main compares it: typed input trimmed and lower-cased, so forms send what main will store. */
export function normalizeUsername(typed: string): string {
  return typed.trim().toLowerCase();
}

/** A username: 3–32 characters, lower-case letters, digits, `.`, `_`, `-`, starting with a letter. Input is normalised first. */
export const usernameSchema = z
  .string()
  .overwrite(normalizeUsername)
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'Use 3–32 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter.')
  .refine((name) => !reservedUsernames.includes(name), 'This name is reserved by the app; choose another.');

/** A display name: 1–80 characters after trimming. */
export const displayNameSchema = z.string().trim().min(1, 'Enter a display name.').max(80, 'Use at most 80 characters.');

/**
 * A password as typed; the policy (`checkPassword`) is applied by the service with its messages.
 * The cap here only bounds the input (UTF-16 units); the policy's own limit counts characters.
 */
export const passwordInputSchema = z.string().min(1, 'Enter a password.').max(maxPasswordLength * 4);

/** An operator as lists and admin screens show it; secrets never leave main. */
export const operatorSummarySchema = z.strictObject({
  id: z.int().positive(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  /** A desk operator marked lead (reads the Reports page). */
  deskLead: z.boolean(),
  /** Locked after too many failures; an admin must unlock. */
  locked: z.boolean(),
  /** Attempts are refused until this time (growing delay); null when none. */
  retryNotBefore: z.string().nullable(),
  failedAttempts: z.int().nonnegative(),
  mustChangePassword: z.boolean(),
  twoFactorEnrolled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
/** An operator as the renderer sees it. */
export type OperatorSummary = z.infer<typeof operatorSummarySchema>;

/** Input of the first-start form. */
export const firstAdminInputSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordInputSchema,
});
/** Input of the first-start form. */
export type FirstAdminInput = z.infer<typeof firstAdminInputSchema>;

/** An admin adds an operator; the service answers with a temporary password. */
export const createOperatorInputSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
});
/** Input for adding an operator. */
export type CreateOperatorInput = z.infer<typeof createOperatorInputSchema>;

/** An admin changes an operator's name, role, disabled flag or desk-lead flag (desk operators only). */
export const updateOperatorInputSchema = z.strictObject({
  id: z.int().positive(),
  displayName: displayNameSchema.optional(),
  role: roleSchema.optional(),
  disabled: z.boolean().optional(),
  deskLead: z.boolean().optional(),
});
/** Input for changing an operator. */
export type UpdateOperatorInput = z.infer<typeof updateOperatorInputSchema>;

/** A temporary password, shown once to the admin who asked for it. */
export const temporaryPasswordSchema = z.strictObject({
  operator: operatorSummarySchema,
  temporaryPassword: z.string(),
  /** The temporary password stops working at this time if unused. */
  expiresAt: z.string(),
});
/** A temporary password with the operator it belongs to. */
export type TemporaryPassword = z.infer<typeof temporaryPasswordSchema>;

/** The signed-in operator changes their own password. */
export const changePasswordInputSchema = z.strictObject({
  currentPassword: passwordInputSchema,
  newPassword: passwordInputSchema,
});
/** Input for changing one's own password. */
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

/**
 * The session that signed in with a temporary password replaces it: that sign-in just proved the
 * password, so it is not asked for again (main bounds how long the session may do so).
 */
export const replaceTemporaryPasswordInputSchema = z.strictObject({ newPassword: passwordInputSchema });
/** Input for replacing a temporary password. */
export type ReplaceTemporaryPasswordInput = z.infer<typeof replaceTemporaryPasswordInputSchema>;
