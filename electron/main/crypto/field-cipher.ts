import { reason } from '../../../shared/errors/reason';
import { open, seal } from './aes-gcm';
import { FieldDecryptError } from './crypto-errors';
import type { DataKey } from './data-keyring';
import { formatFieldBlob, parseFieldBlob } from './field-blob';

// The additional data binds a value to its column and key: moved to another column, or its key id
// edited, it no longer decrypts.
const aadFor = (field: string, keyId: string) => `rebinddesk:v1:${field}:${keyId}`;

/** Encrypts `plaintext` for `field` (`table.column`) under `key`. */
export function encryptFieldValue(key: DataKey, field: string, plaintext: string): string {
  const sealed = seal(key.key, Buffer.from(plaintext, 'utf8'), aadFor(field, key.keyId));
  return formatFieldBlob({ keyId: key.keyId, ...sealed });
}

/** Decrypts a stored value of `field` with whichever key it names (`keyFor` finds it); throws FieldDecryptError or KeyUnavailableError, never writes. */
export function decryptFieldValue(keyFor: (keyId: string) => Buffer, field: string, stored: string): string {
  const blob = parseFieldBlob(stored);
  if ('problem' in blob) throw new FieldDecryptError(field, blob.problem);
  const key = keyFor(blob.keyId);
  try {
    return open(key, blob, aadFor(field, blob.keyId)).toString('utf8');
  } catch {
    throw new FieldDecryptError(field, reason('field-integrity-failed', { keyId: blob.keyId }));
  }
}

/** The key id a stored value names, or null when it is not an encrypted value. */
export function keyIdOf(stored: string): string | null {
  const blob = parseFieldBlob(stored);
  return 'problem' in blob ? null : blob.keyId;
}
