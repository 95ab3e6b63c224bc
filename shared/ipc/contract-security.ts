// The security channels of the IPC contract (sign-in, two-factor, operators, policy, keys, audit),
// kept apart from contract.ts only for length; contract.ts spreads them into the one map.
import { z } from 'zod';
import { auditRecordSchema, auditVerifyResultSchema } from '../audit/audit-entry';
import { auditListInputSchema, auditRestoreSummarySchema } from '../audit/audit-filter';
import { keyStatusSchema } from '../auth/key-protection';
import {
  changePasswordInputSchema,
  createOperatorInputSchema,
  firstAdminInputSchema,
  replaceTemporaryPasswordInputSchema,
  operatorSummarySchema,
  passwordInputSchema,
  temporaryPasswordSchema,
  updateOperatorInputSchema,
} from '../auth/operator';
import { securityPolicyPatchSchema, securityPolicySchema } from '../auth/security-policy';
import { sessionInfoSchema, signInCodeInputSchema, signInInputSchema, signInStepSchema } from '../auth/session';
import { recoveryCodesSchema, totpCodeInputSchema, twoFactorEnrolmentSchema, twoFactorStatusSchema } from '../auth/two-factor';
import { adminOnly } from './channel-roles';

const noInput = z.strictObject({});
const operatorIdInput = z.strictObject({ id: z.int().positive() });
const chainHeadSchema = z.strictObject({ seq: z.int().positive(), hash: z.string() }).nullable();

/** The window's session as the renderer sees it: who is signed in (null: nobody) and whether the idle lock is on. */
export const sessionStateSchema = z.strictObject({ session: sessionInfoSchema.nullable(), locked: z.boolean() });
/** The window's session state. */
export type SessionState = z.infer<typeof sessionStateSchema>;

/** A page of the audit log, newest first, as narrowed by the filters. */
export const auditPageSchema = z.strictObject({
  entries: z.array(auditRecordSchema),
  /** Older entries match the filters too (ask again with `before`). */
  hasMore: z.boolean(),
  head: chainHeadSchema,
  /** Entries in the whole log. */
  total: z.int().nonnegative(),
  /** What the newest restore did to the log (first page only; null on later pages or when none happened). */
  lastRestore: auditRestoreSummarySchema.nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** What an audit export wrote. */
export const auditExportResultSchema = z.strictObject({
  location: z.string(),
  entries: z.int().nonnegative(),
  head: chainHeadSchema,
  verified: z.boolean(),
});

/** Which encrypted value to show: an entity and one of its fields (never the table or column). */
export const revealInputSchema = z.strictObject({
  entityType: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'Use the entity type, e.g. merchant.'),
  entityId: z.string().min(1).max(128),
  field: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'Use the field name, e.g. bankAccount.')
    // Names every object answers (constructor, toString …) are never fields; refused before any lookup.
    .refine((name) => !(name in Object.prototype), 'Use the field name, e.g. bankAccount.'),
});

/** Sign-in, sessions, two-factor sign-in, operators, the security policy, data keys, reveals and the audit log. */
export const securityContract = {
  // Public: nobody is signed in yet when these are needed.
  'auth:needs-first-admin': { input: noInput, output: z.strictObject({ needsFirstAdmin: z.boolean() }), roles: 'public' },
  // Creates the first admin and signs the window in as them (the password was just typed).
  'auth:create-first-admin': { input: firstAdminInputSchema, output: sessionInfoSchema, roles: 'public' },
  'auth:sign-in': { input: signInInputSchema, output: signInStepSchema, roles: 'public' },
  'auth:sign-in-code': { input: signInCodeInputSchema, output: signInStepSchema, roles: 'public' },
  'auth:session': { input: noInput, output: sessionStateSchema, roles: 'public' },
  // Any session, even one that must still change its password or enrol: these are how it does so.
  'auth:sign-out': { input: noInput, output: z.null(), roles: 'session' },
  'auth:change-password': { input: changePasswordInputSchema, output: sessionInfoSchema, roles: 'session' },
  // The forced change right after signing in with a temporary password: that sign-in proved it.
  'auth:replace-temporary-password': { input: replaceTemporaryPasswordInputSchema, output: sessionInfoSchema, roles: 'session' },
  'auth:lock': { input: noInput, output: sessionStateSchema, roles: 'session' },
  'auth:unlock': { input: z.strictObject({ password: passwordInputSchema }), output: sessionStateSchema, roles: 'session' },
  'two-factor:status': { input: noInput, output: twoFactorStatusSchema, roles: 'session' },
  'two-factor:begin': { input: noInput, output: twoFactorEnrolmentSchema, roles: 'session' },
  'two-factor:confirm': { input: totpCodeInputSchema, output: recoveryCodesSchema, roles: 'session' },
  // A complete session of any role.
  'two-factor:regenerate-codes': { input: totpCodeInputSchema, output: recoveryCodesSchema, roles: 'signed-in' },
  'security:policy-get': { input: noInput, output: securityPolicySchema, roles: 'signed-in' },
  // Every role may ask; the field's own reveal roles decide, and refusals are audited too.
  'sensitive:reveal': { input: revealInputSchema, output: z.strictObject({ value: z.string().nullable() }), roles: 'signed-in' },
  // Administration.
  'operators:list': { input: noInput, output: z.strictObject({ operators: z.array(operatorSummarySchema) }), roles: adminOnly },
  'operators:create': { input: createOperatorInputSchema, output: temporaryPasswordSchema, roles: adminOnly },
  'operators:update': { input: updateOperatorInputSchema, output: operatorSummarySchema, roles: adminOnly },
  'operators:reset-password': { input: operatorIdInput, output: temporaryPasswordSchema, roles: adminOnly },
  'operators:unlock': { input: operatorIdInput, output: operatorSummarySchema, roles: adminOnly },
  'operators:reset-two-factor': { input: operatorIdInput, output: operatorSummarySchema, roles: adminOnly },
  'security:policy-update': { input: securityPolicyPatchSchema, output: securityPolicySchema, roles: adminOnly },
  'security:key-status': { input: noInput, output: keyStatusSchema, roles: adminOnly },
  'security:rotate-key': {
    input: noInput,
    output: z.strictObject({ fromKeyId: z.string().nullable(), toKeyId: z.string(), reencrypted: z.int().nonnegative() }),
    roles: adminOnly,
  },
  // The passphrase the rebind command line opens the data keys with (docs/security.md §6); never stored, never logged.
  'security:set-cli-passphrase': { input: z.strictObject({ passphrase: z.string().min(16).max(1024) }), output: keyStatusSchema, roles: adminOnly },
  'audit:list': { input: auditListInputSchema, output: auditPageSchema, roles: adminOnly },
  'audit:verify': { input: noInput, output: auditVerifyResultSchema, roles: adminOnly },
  // null: the user closed the save dialog.
  'audit:export': { input: noInput, output: auditExportResultSchema.nullable(), roles: adminOnly },
} as const;
