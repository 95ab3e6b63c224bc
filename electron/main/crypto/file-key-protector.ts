import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { openBuffer, sealToBuffer } from './aes-gcm';
import type { KeyProtector } from './key-protector';
import { createAppPassphraseProtector } from './passphrase-protector';

/** Where the fallback keeps its key, inside the data directory. */
export function localKeyFilePath(dataDir: string): string {
  return join(dataDir, 'keys', 'local-key.json');
}

interface LocalKeyFile {
  format: 'rebinddesk-local-key-v1';
  protection: 'plaintext-file';
  note: string;
  key: string;
}

const note =
  'RebindDesk wraps its data keys with this key because no OS keychain was available. It is stored in plain text: ' +
  'anyone who can read this file and the database can read the encrypted fields. Keep both out of reach; do not copy this file with backups.';

/**
 * The fallback for machines without a keychain (Linux without a keyring): data keys are wrapped
 * under a random key in `keys/local-key.json` (mode 0600). It keeps a copied database (or backup)
 * unreadable without that file, but protects nothing against someone who can read the data
 * directory, so it reports `plaintext-file` and the UI says so. The file is created only when a
 * key is first wrapped and is never overwritten: a missing file is an error, not a reason to make
 * a new one (that would not unlock the old keys anyway).
 */
export function createFileKeyProtector(dataDir: string): KeyProtector {
  const path = localKeyFilePath(dataDir);
  let cached: Buffer | null = null;

  const load = (create: boolean): Buffer => {
    if (cached) return cached;
    if (!existsSync(path)) {
      if (!create) throw new Error(`the local key file ${path} is missing; restore it from where it was copied, or restore a backup made with it`);
      writeNewKeyFile(path);
    }
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LocalKeyFile>;
    const key = Buffer.from(parsed.key ?? '', 'base64');
    if (parsed.format !== 'rebinddesk-local-key-v1' || key.length !== 32) throw new Error(`${path} is not a RebindDesk local key file`);
    cached = key;
    return key;
  };

  return {
    protection: 'plaintext-file',
    description: `a key in a plain file (${path}); no OS keychain is available`,
    protect: (dataKey) => sealToBuffer(load(true), dataKey, 'rebinddesk-local-wrap'),
    unprotect: (wrapped) => openBuffer(load(false), wrapped, 'rebinddesk-local-wrap'),
  };
}

function writeNewKeyFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const content: LocalKeyFile = { format: 'rebinddesk-local-key-v1', protection: 'plaintext-file', note, key: randomBytes(32).toString('base64') };
  const staging = `${path}.${process.pid}.tmp`;
  writeFileSync(staging, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(staging, 0o600);
  renameSync(staging, path);
}

/**
 * The app's protectors, best first: the OS keychain when there is one, then the local file; last
 * the CLI passphrase's (never a key's main wrap: it adds a wrap to each key once a passphrase is set).
 */
export function keyProtectorsFor(dataDir: string, osKeychain: KeyProtector | null): KeyProtector[] {
  const file = createFileKeyProtector(dataDir);
  const own = osKeychain ? [osKeychain, file] : [file];
  return [...own, createAppPassphraseProtector(dataDir, () => own)];
}
