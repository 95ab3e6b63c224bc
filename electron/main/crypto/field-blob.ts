import type { MainReason } from '../../../shared/errors/reasons-en';
import { reason } from '../../../shared/errors/reason';
import type { Sealed } from './aes-gcm';

/** The stored form of an encrypted field, parsed. */
export interface FieldBlob extends Sealed {
  version: 'v1';
  keyId: string;
}

const keyIdPattern = /^k[0-9a-f]{12}$/;
const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** True for a key id as data keys are named: `k` and 12 hex digits. */
export function isKeyId(text: string): boolean {
  return keyIdPattern.test(text);
}

/** `v1:<keyId>:<iv b64>:<tag b64>:<ciphertext b64>`: text, so it sits in a TEXT column and shows which key it needs. */
export function formatFieldBlob(blob: Omit<FieldBlob, 'version'>): string {
  return `v1:${blob.keyId}:${blob.iv.toString('base64')}:${blob.tag.toString('base64')}:${blob.ciphertext.toString('base64')}`;
}

/** Parses a stored value, or returns a reason it is not one. */
export function parseFieldBlob(text: string): FieldBlob | { problem: MainReason } {
  const parts = text.split(':');
  if (parts.length !== 5 || parts[0] !== 'v1') return { problem: reason('field-not-v1') };
  const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  if (!isKeyId(keyId)) return { problem: reason('field-not-a-key-id', { keyId: keyId.slice(0, 20) }) };
  if (![iv, tag, ciphertext].every((part) => base64Pattern.test(part))) return { problem: reason('field-not-base64') };
  const parsed = { version: 'v1' as const, keyId, iv: Buffer.from(iv, 'base64'), tag: Buffer.from(tag, 'base64'), ciphertext: Buffer.from(ciphertext, 'base64') };
  if (parsed.iv.length !== 12 || parsed.tag.length !== 16) return { problem: reason('field-iv-tag-length') };
  return parsed;
}
