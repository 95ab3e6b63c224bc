import { z } from 'zod';
import { passwordInputSchema, usernameSchema } from './operator';
import { roleSchema, type PendingSteps, type Role } from './roles';

/** Who performs an action: the signed-in operator, as services receive it. */
export interface Actor {
  operatorId: number;
  username: string;
  role: Role;
}

/** The pending steps of a session. */
export const pendingStepsSchema = z.strictObject({ passwordChange: z.boolean(), twoFactorEnrolment: z.boolean() });

/** The session as the renderer sees it (the session id itself stays in main). */
export const sessionInfoSchema = z.strictObject({
  operatorId: z.int().positive(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  signedInAt: z.string(),
  pending: pendingStepsSchema,
  /** A desk operator marked lead: may open the Reports page too. */
  deskLead: z.boolean(),
  /** Minutes without input after which the renderer locks the screen; 0 = never. */
  idleLockMinutes: z.int().nonnegative(),
});
/** The session as the renderer sees it. */
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** Step one of signing in. */
export const signInInputSchema = z.strictObject({ username: usernameSchema, password: passwordInputSchema });
/** Step one of signing in. */
export type SignInInput = z.infer<typeof signInInputSchema>;

/** Step two: a 6-digit authenticator code or one recovery code. */
export const signInCodeInputSchema = z.strictObject({
  challengeId: z.string().min(1).max(100),
  code: z.string().trim().min(6).max(40),
});
/** Step two of signing in. */
export type SignInCodeInput = z.infer<typeof signInCodeInputSchema>;

/** The answer of a sign-in step, without the session id (which main keeps per window). */
export const signInStepSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('signed-in'), session: sessionInfoSchema }),
  z.strictObject({ status: z.literal('code-required'), challengeId: z.string(), expiresAt: z.string() }),
]);
/** The answer of a sign-in step as the renderer sees it. */
export type SignInStepView = z.infer<typeof signInStepSchema>;

/** Why a sign-in was refused; carried by the main process's AuthError. */
export const signInRefusals = [
  'bad-credentials',
  'wait',
  'locked',
  'disabled',
  'temporary-password-used',
  'temporary-password-expired',
  'challenge-expired',
  'bad-code',
] as const;
/** Why a sign-in was refused. */
export type SignInRefusal = (typeof signInRefusals)[number];

/** Re-exported so callers of the session types need one import. */
export type { PendingSteps };
