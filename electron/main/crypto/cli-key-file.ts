// keys/cli-key.json: the command line's way to the data keys. The CLI is plain Node and cannot ask
// Electron's safeStorage, so the depot sets a passphrase in the app. The file holds a random
// CLI key-encryption key (KEK) twice: wrapped under a key scrypt derives from that passphrase
// (what the CLI opens) and wrapped by the app's own protector (OS keychain, or the local key file),
// so the app can wrap every new data key under the KEK too without knowing the passphrase.
// Each data key then has a `passphrase` wrap beside its main one (table data_key_wraps).
import { randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { keyProtections, type KeyProtection } from '../../../shared/auth/key-protection';
import { openBuffer, sealToBuffer } from './aes-gcm';
import type { KeyProtector } from './key-protector';

/** Where the CLI key file lives, inside the data directory. */
export function cliKeyFilePath(dataDir: string): string {
  return join(dataDir, 'keys', 'cli-key.json');
}

/** scrypt's cost, stored in the file so it can be raised for new passphrases without breaking old files. */
export interface PassphraseKdf {
  /** log2 of N. */
  ln: number;
  r: number;
  p: number;
}

/**
 * N = 2^17, r = 8, p = 1: OWASP's floor for scrypt, 128 MiB and about 0.4 s on the build machine.
 * Spent once per CLI run (and when the admin sets the passphrase), and it is what an offline guess
 * at a copied key file costs.
 */
export const defaultPassphraseKdf: PassphraseKdf = { ln: 17, r: 8, p: 1 };

interface CliKeyFileJson {
  format: 'rebinddesk-cli-key-v1';
  note: string;
  setAt: string;
  kdf: PassphraseKdf & { name: 'scrypt'; salt: string };
  /** The KEK sealed under scrypt(passphrase). */
  passphraseWrap: string;
  /** The KEK wrapped by the app's protector. */
  appWrap: { protection: KeyProtection; wrapped: string };
}

export interface CliKeyFile {
  path: string;
  setAt: string;
  kdf: PassphraseKdf;
  salt: Buffer;
  passphraseWrap: Buffer;
  appWrap: { protection: KeyProtection; wrapped: Buffer };
}

/** The shortest passphrase accepted (code points). */
export const minPassphraseLength = 16;

const note =
  'RebindDesk: the key that lets the rebind command line open the data keys, wrapped by the passphrase an admin set in the app ' +
  '(Settings > Security) and by the app itself. Without the passphrase this file opens nothing; keep it in the data directory.';
const passphraseAad = 'rebinddesk-cli-kek:v1';

/** Reads the file; null when no passphrase was set. Throws with the path when it is not a CLI key file. */
export function readCliKeyFile(dataDir: string): CliKeyFile | null {
  const path = cliKeyFilePath(dataDir);
  if (!existsSync(path)) return null;
  let json: Partial<CliKeyFileJson>;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Partial<CliKeyFileJson>;
  } catch (error) {
    throw new Error(`${path} is not a RebindDesk CLI key file (${(error as Error).message}); an admin sets the passphrase again in the app.`);
  }
  const kdf = json.kdf;
  const protection = json.appWrap?.protection;
  if (
    json.format !== 'rebinddesk-cli-key-v1' ||
    kdf?.name !== 'scrypt' ||
    ![kdf.ln, kdf.r, kdf.p].every((n) => Number.isInteger(n) && n > 0 && n < 64) ||
    typeof json.passphraseWrap !== 'string' ||
    protection === undefined ||
    !keyProtections.includes(protection)
  ) {
    throw new Error(`${path} is not a RebindDesk CLI key file; an admin sets the passphrase again in the app.`);
  }
  return {
    path,
    setAt: json.setAt ?? '',
    kdf: { ln: kdf.ln, r: kdf.r, p: kdf.p },
    salt: Buffer.from(kdf.salt, 'base64'),
    passphraseWrap: Buffer.from(json.passphraseWrap, 'base64'),
    appWrap: { protection, wrapped: Buffer.from(json.appWrap?.wrapped ?? '', 'base64') },
  };
}

/** The key scrypt derives from a passphrase (NFKC, so the same passphrase typed another way gives the same bytes). */
function derive(passphrase: string, salt: Buffer, kdf: PassphraseKdf): Buffer {
  const N = 2 ** kdf.ln;
  return scryptSync(passphrase.normalize('NFKC'), salt, 32, { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r });
}

export class WrongPassphraseError extends Error {
  constructor(path: string) {
    super(`The passphrase does not open ${path}: it is wrong, or an admin set a new one in the app since.`);
    this.name = 'WrongPassphraseError';
  }
}

/** The KEK, opened with the passphrase (the CLI's way); WrongPassphraseError when it does not open. */
export function openKekWithPassphrase(file: CliKeyFile, passphrase: string): Buffer {
  const key = derive(passphrase, file.salt, file.kdf);
  try {
    return openBuffer(key, file.passphraseWrap, passphraseAad);
  } catch {
    throw new WrongPassphraseError(file.path);
  }
}

/** The KEK, unwrapped by the app's protector (the app's way, no passphrase needed). */
export function openKekWithProtector(file: CliKeyFile, protectors: readonly KeyProtector[]): Buffer {
  const protector = protectors.find((p) => p.protection === file.appWrap.protection);
  if (!protector) throw new Error(`${file.path} was written with ${file.appWrap.protection}, which this machine does not offer now; set the passphrase again.`);
  const kek = protector.unprotect(file.appWrap.wrapped);
  if (kek.length !== 32) throw new Error(`${file.path} does not hold a 32-byte key; set the passphrase again.`);
  return kek;
}

/**
 * Writes a new file with a fresh KEK for `passphrase`, first under a staging name; `commit` puts
 * it in place (after the database has the data keys' new wraps), `discard` removes the staging file.
 */
export function stageCliKeyFile(
  dataDir: string,
  passphrase: string,
  appProtector: KeyProtector,
  now: Date,
  kdf: PassphraseKdf = defaultPassphraseKdf,
): { kek: Buffer; commit(): void; discard(): void } {
  const path = cliKeyFilePath(dataDir);
  const kek = randomBytes(32);
  const salt = randomBytes(16);
  const content: CliKeyFileJson = {
    format: 'rebinddesk-cli-key-v1',
    note,
    setAt: now.toISOString(),
    kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') },
    passphraseWrap: sealToBuffer(derive(passphrase, salt, kdf), kek, passphraseAad).toString('base64'),
    appWrap: { protection: appProtector.protection, wrapped: appProtector.protect(kek).toString('base64') },
  };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const staging = `${path}.${process.pid}.tmp`;
  writeFileSync(staging, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  chmodSync(staging, 0o600);
  return {
    kek,
    commit: () => renameSync(staging, path),
    discard: () => rmSync(staging, { force: true }),
  };
}
