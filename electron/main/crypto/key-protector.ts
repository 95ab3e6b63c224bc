import type { KeyProtection } from '../../../shared/auth/key-protection';

/**
 * Wraps and unwraps data keys. The wrapped form is stored in the database; the means to unwrap
 * it (the OS keychain, a key file) is not, so a copy of the database alone does not open the
 * encrypted fields.
 */
export interface KeyProtector {
  /** What protects the keys; the UI warns about `plaintext-file`. */
  readonly protection: KeyProtection;
  /** One sentence for the UI and logs, e.g. "OS keychain (gnome_libsecret)". */
  readonly description: string;
  /** Wraps a 32-byte data key. */
  protect(key: Uint8Array): Buffer;
  /** Unwraps a key wrapped by `protect`; throws when this protector cannot (wrong machine, user or key file). */
  unprotect(wrapped: Uint8Array): Buffer;
  /**
   * True for a protector that wraps every new key in addition to the main one (its wraps go to
   * data_key_wraps): the CLI passphrase, so that the command line can open keys the app creates.
   */
  readonly companion?: boolean;
  /** False while the protector cannot be used (no passphrase set yet); absent means always ready. */
  ready?(): boolean;
  /** When the protector was set up (the CLI passphrase), for the admin screen; null when it is not. */
  configuredAt?(): string | null;
}
