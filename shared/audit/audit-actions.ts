// The actions the security services record, named `domain.verb`, so the renderer can label them
// and tests can refer to them without string typos. Other features add their own.

/** Actions written by the operator, sign-in, two-factor, key and audit services. */
export const securityAuditActions = {
  firstAdminCreated: 'operator.first-admin-created',
  operatorCreated: 'operator.created',
  operatorUpdated: 'operator.updated',
  passwordReset: 'operator.password-reset',
  operatorUnlocked: 'operator.unlocked',
  twoFactorReset: 'operator.two-factor-reset',
  signedIn: 'auth.signed-in',
  signInFailed: 'auth.sign-in-failed',
  accountLocked: 'auth.locked',
  signedOut: 'auth.signed-out',
  screenLocked: 'auth.screen-locked',
  screenUnlocked: 'auth.screen-unlocked',
  passwordRehashed: 'auth.password-rehashed',
  passwordChanged: 'auth.password-changed',
  twoFactorEnrolmentStarted: 'auth.two-factor-enrolment-started',
  twoFactorEnrolled: 'auth.two-factor-enrolled',
  recoveryCodesRegenerated: 'auth.recovery-codes-regenerated',
  policyChanged: 'security.policy-changed',
  dataKeyCreated: 'keys.created',
  dataKeyRotated: 'keys.rotated',
  cliPassphraseSet: 'keys.cli-passphrase-set',
  /** Keys (of a restored backup) given the command-line wrap they lacked. */
  cliWrapsAdded: 'keys.cli-wraps-added',
  fieldRevealed: 'sensitive.revealed',
  fieldRevealRefused: 'sensitive.reveal-refused',
  auditExported: 'audit.exported',
} as const;

/** Actions written by the settings and backup services. */
export const dataAuditActions = {
  settingsChanged: 'settings.changed',
  /** An operator changed their own language or theme. */
  preferencesChanged: 'preferences.changed',
  backupCreated: 'backup.created',
  /** Written to the database about to be replaced, so its safety copy says what replaced it. */
  backupRestoreStarted: 'backup.restore-started',
  /** Written to the restored database, right after the swap. */
  backupRestored: 'backup.restored',
  /**
   * An entry of the replaced log that could not be chained on as it was (the backup's log had
   * gone another way): carried into the restored log whole, its original fields and hash in the payload.
   */
  auditCarriedOver: 'audit.carried-over',
} as const;

/** One of the security actions. */
export type SecurityAuditAction = (typeof securityAuditActions)[keyof typeof securityAuditActions];

/** The actor of entries the app writes on its own (key creation, start-up work). */
export const systemActor = 'system';
/** The actor of failed sign-ins with an unknown username (the typed name is not logged: it may be a password). */
export const anonymousActor = 'anonymous';
/** What the CLI's actor starts with; reserved as a username too, because older journals wrote it bare. */
export const cliActorName = 'cli';
/** Every actor name the app writes on its own; no operator may take one (see `reservedUsernames`). */
export const appActorNames: readonly string[] = [systemActor, anonymousActor, cliActorName];

// Audit fields may not hold control characters; an OS user name is whatever the system allows.
const maxOsUserLength = 64;

/**
 * The actor of entries the CLI writes: `cli:<os user>`. The colon is outside the username rule
 * (`usernameSchema`), so no operator can ever be mistaken for the CLI or the CLI for an operator.
 */
export function cliActor(osUser: string): string {
  const clean = Array.from(osUser.slice(0, maxOsUserLength), (ch) => (ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f) ? '?' : ch)).join('');
  return `${cliActorName}:${clean || 'unknown'}`;
}
