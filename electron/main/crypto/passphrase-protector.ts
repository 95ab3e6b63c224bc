// The `passphrase` protector: wraps data keys under the CLI key-encryption key of keys/cli-key.json
// (cli-key-file.ts). The app gets that KEK from its own protector, the CLI from the passphrase;
// both then wrap and unwrap the same `passphrase` wraps in data_key_wraps.
import { openBuffer, sealToBuffer } from './aes-gcm';
import { openKekWithPassphrase, openKekWithProtector, readCliKeyFile, type CliKeyFile } from './cli-key-file';
import type { KeyProtector } from './key-protector';

const wrapAad = 'rebinddesk-passphrase-wrap:v1';

/** A data key wrapped under a CLI KEK, as the `passphrase` protector stores it. */
export function wrapUnderKek(kek: Uint8Array, dataKey: Uint8Array): Buffer {
  return sealToBuffer(kek, dataKey, wrapAad);
}

/** A protector over a KEK obtained on demand; `kek` throws when it cannot be had. */
function kekProtector(description: string, kek: () => Buffer, extras: Pick<KeyProtector, 'companion' | 'ready' | 'configuredAt'>): KeyProtector {
  return {
    protection: 'passphrase',
    description,
    protect: (dataKey) => wrapUnderKek(kek(), dataKey),
    unprotect: (wrapped) => openBuffer(kek(), wrapped, wrapAad),
    ...extras,
  };
}

/**
 * The app's side: every new data key also gets a `passphrase` wrap (companion) while a passphrase
 * is set; the KEK comes from keys/cli-key.json's app wrap, re-read when the file changes (an
 * admin set a new passphrase).
 */
export function createAppPassphraseProtector(dataDir: string, appProtectors: () => readonly KeyProtector[]): KeyProtector {
  let cached: { wrapped: string; kek: Buffer } | null = null;
  const file = (): CliKeyFile | null => readCliKeyFile(dataDir);
  const kek = (): Buffer => {
    const current = file();
    if (current === null) throw new Error('no command-line passphrase is set (Settings > Security)');
    const id = current.appWrap.wrapped.toString('base64');
    if (cached?.wrapped !== id) cached = { wrapped: id, kek: openKekWithProtector(current, appProtectors()) };
    return cached.kek;
  };
  return kekProtector('the command-line passphrase (keys/cli-key.json)', kek, {
    companion: true,
    ready: () => file() !== null,
    configuredAt: () => file()?.setAt ?? null,
  });
}

/** The CLI's side: the KEK opened with the passphrase once, up front (WrongPassphraseError from there). */
export function createCliPassphraseProtector(file: CliKeyFile, passphrase: string): KeyProtector {
  const kek = openKekWithPassphrase(file, passphrase);
  return kekProtector(`the command-line passphrase (${file.path})`, () => kek, { companion: false, ready: () => true, configuredAt: () => file.setAt });
}
