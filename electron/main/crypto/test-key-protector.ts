import { createHash } from 'node:crypto';
import type { KeyProtection } from '../../../shared/auth/key-protection';
import { openBuffer, sealToBuffer } from './aes-gcm';
import type { KeyProtector } from './key-protector';

/**
 * A protector for tests and the browser harness: wraps with AES-GCM under a key derived from
 * `secret`, in memory. Two protectors with different secrets stand for "another machine".
 */
export function createTestKeyProtector(secret = 'rebinddesk test key', protection: KeyProtection = 'os-keychain'): KeyProtector {
  const key = createHash('sha256').update(secret).digest();
  return {
    protection,
    description: `test protector (${protection})`,
    protect: (dataKey) => sealToBuffer(key, dataKey, 'rebinddesk-test-wrap'),
    unprotect: (wrapped) => openBuffer(key, wrapped, 'rebinddesk-test-wrap'),
  };
}
