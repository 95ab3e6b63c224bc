// How `rebind run` and `rebind recover` open the data keys without Electron: the local key file
// when the app had no keychain either, else the command-line passphrase an admin set in the app
// (keys/cli-key.json; docs/security.md §6). Everything is checked before the terminal is touched.
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { cliKeyFilePath, readCliKeyFile, WrongPassphraseError } from '../main/crypto/cli-key-file';
import { KeyUnavailableError } from '../main/crypto/crypto-errors';
import { createDataKeyring } from '../main/crypto/data-keyring';
import type { FieldEncryption } from '../main/crypto/field-encryption';
import { createSqliteFieldEncryption } from '../main/crypto/sqlite-field-keys';
import { createFileKeyProtector } from '../main/crypto/file-key-protector';
import type { KeyProtector } from '../main/crypto/key-protector';
import { createCliPassphraseProtector } from '../main/crypto/passphrase-protector';
import { sealClearParams } from '../main/rebind/seal-clear-params';
import { createParamsSealer } from '../main/rebind/sealed-params';
import { UsageError, type CliIo } from './cli-io';
import { readSecret } from './read-secret';

/** The environment variable that carries the command-line passphrase (depot scripts). */
export const passphraseEnvVar = 'REBINDDESK_KEY_PASSPHRASE';

/** Where the passphrase comes from; tests pass their own. */
export interface PassphraseSource {
  env: Readonly<Record<string, string | undefined>>;
  /** Asks on the terminal; undefined when there is none (stdin is not a TTY). */
  ask?: (prompt: string) => Promise<string>;
}

/** The process's own source: the variable, else a prompt when stdin is a terminal. */
export function processPassphraseSource(): PassphraseSource {
  return { env: process.env, ...(process.stdin.isTTY ? { ask: (prompt: string) => readSecret(prompt) } : {}) };
}

/**
 * Opens the data keys of the data directory's database (`db`, already open) for the CLI, and
 * seals parameter sets journaled before their secret tags were encrypted. A missing or wrong
 * passphrase is a usage error (exit 2) that says what to do; nothing has been sent to a terminal
 * then. The caller closes `db`.
 */
export async function openCliKeys(db: Database.Database, dataDir: string, io: CliIo, source: PassphraseSource = processPassphraseSource()): Promise<FieldEncryption> {
  const keys = db.prepare<[], { protection: string }>('SELECT protection FROM data_keys').all();
  const protectors: KeyProtector[] = [createFileKeyProtector(dataDir)];
  // Keys under the OS keychain (the app's usual case) are reachable only through their passphrase wrap.
  if (keys.some((key) => key.protection !== 'plaintext-file')) protectors.push(await passphraseProtector(dataDir, source));
  const encryption = createSqliteFieldEncryption({ connection: () => db, keyring: createDataKeyring(protectors) });
  try {
    encryption.ensureKey();
  } catch (error) {
    if (!(error instanceof KeyUnavailableError)) throw error;
    throw new UsageError(
      `the passphrase opens ${cliKeyFilePath(dataDir)}, but data key ${error.keyId} has no command-line wrap (it was made on another machine or restored from elsewhere). ` +
        'An admin sets the command-line passphrase again in the app (Settings → Security), then run this again. Nothing was sent to the terminal.',
    );
  }
  if (keys.length === 0) {
    io.err(`rebind: note: the first data key of ${dataDir} is protected by ${join(dataDir, 'keys', 'local-key.json')} (the command line has no OS keychain); the app moves it under the keychain at its next key rotation.`);
  }
  sealClearParams(db, createParamsSealer(encryption));
  return encryption;
}

async function passphraseProtector(dataDir: string, source: PassphraseSource): Promise<KeyProtector> {
  const path = cliKeyFilePath(dataDir);
  let file;
  try {
    file = readCliKeyFile(dataDir);
  } catch (error) {
    throw new UsageError(`${(error as Error).message} Nothing was sent to the terminal.`);
  }
  if (file === null) {
    throw new UsageError(
      `the data keys of ${dataDir} are protected by the OS keychain, which the command line cannot open, and no command-line passphrase is set (${path} is missing). ` +
        `An admin sets one in the app (Settings → Security → Command-line passphrase); then run with ${passphraseEnvVar} set, or in a terminal to be asked. Nothing was sent to the terminal.`,
    );
  }
  let passphrase = source.env[passphraseEnvVar];
  if (passphrase === undefined || passphrase === '') {
    if (source.ask === undefined) {
      throw new UsageError(`the data keys need the command-line passphrase: set ${passphraseEnvVar}, or run in a terminal to be asked. Nothing was sent to the terminal.`);
    }
    try {
      passphrase = await source.ask('Command-line passphrase for the RebindDesk data keys: ');
    } catch (error) {
      throw new UsageError(`${(error as Error).message}. Nothing was sent to the terminal.`);
    }
  }
  try {
    return createCliPassphraseProtector(file, passphrase);
  } catch (error) {
    if (error instanceof WrongPassphraseError) {
      throw new UsageError(`${error.message} Check ${passphraseEnvVar} (or what you typed), or ask an admin for the current one. Nothing was sent to the terminal.`);
    }
    throw error;
  }
}
