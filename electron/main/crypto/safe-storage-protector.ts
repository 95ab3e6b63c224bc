// The OS keychain through Electron's safeStorage. Imported only by the composition root: tests
// and the browser harness use the test or file protector instead.
import { safeStorage } from 'electron';
import type { KeyProtector } from './key-protector';

/**
 * The safeStorage protector, or null when safeStorage has no real keychain: not available at
 * all, or on Linux the `basic_text` backend (a hard-coded password, i.e. no protection). Call
 * after `app` is ready.
 */
export function createSafeStorageProtector(platform: NodeJS.Platform = process.platform): KeyProtector | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  let backend = platform === 'darwin' ? 'Keychain' : platform === 'win32' ? 'DPAPI' : 'unknown';
  if (platform === 'linux') {
    backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return null;
  }
  return {
    protection: 'os-keychain',
    description: `the OS keychain (${backend})`,
    // safeStorage takes strings; base64 keeps the 32 key bytes intact through it.
    protect: (key) => safeStorage.encryptString(Buffer.from(key).toString('base64')),
    unprotect: (wrapped) => {
      const key = Buffer.from(safeStorage.decryptString(Buffer.from(wrapped)), 'base64');
      if (key.length !== 32) throw new Error('the keychain returned something that is not a data key');
      return key;
    },
  };
}
