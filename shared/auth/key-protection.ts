import { z } from 'zod';

/**
 * How the data keys are protected at rest: by the operating system's keychain (Electron
 * safeStorage: Keychain, DPAPI, libsecret/KWallet), or by a key kept in a plain file in the data
 * directory because no keychain is available (Linux without a keyring). The renderer warns about
 * the second: whoever can read the data directory can read the encrypted fields. `passphrase` is
 * an additional wrap of each key for the command line (keys/cli-key.json), never a key's main one.
 */
export const keyProtections = ['os-keychain', 'plaintext-file', 'passphrase'] as const;
/** How data keys are protected. */
export type KeyProtection = (typeof keyProtections)[number];

/** The state of field encryption, for the admin's security screen. */
export const keyStatusSchema = z.strictObject({
  /** The protection of the key in use; null before the first key exists. */
  protection: z.enum(keyProtections).nullable(),
  /** What new keys get: the best protector this machine has. */
  preferredProtection: z.enum(keyProtections),
  /** A sentence for the UI about what protects the keys. */
  description: z.string(),
  activeKeyId: z.string().nullable(),
  /** When an admin last set the command-line passphrase (rebind run/recover open the keys with it); null when none is set. */
  cliPassphraseSetAt: z.string().nullable(),
  keys: z.array(
    z.strictObject({
      keyId: z.string(),
      status: z.enum(['active', 'retired']),
      protection: z.enum(keyProtections),
      /** Further wraps of the key (`passphrase`: the CLI can open it). */
      alsoWrappedBy: z.array(z.enum(keyProtections)),
      createdAt: z.string(),
      retiredAt: z.string().nullable(),
    }),
  ),
});
/** The state of field encryption. */
export type KeyStatus = z.infer<typeof keyStatusSchema>;
