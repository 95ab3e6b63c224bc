import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM output: a fresh 12-byte IV, the 16-byte tag and the ciphertext. */
export interface Sealed {
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/** Encrypts with AES-256-GCM under a random 96-bit IV (never reused: 2^-32 collision odds only after 2^32 values per key). */
export function seal(key: Uint8Array, plaintext: Uint8Array, aad: string): Sealed {
  if (key.length !== 32) throw new Error(`AES-256 needs a 32-byte key, got ${key.length} bytes.`);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

/** Decrypts and authenticates; throws when the key, the AAD or any byte is wrong. */
export function open(key: Uint8Array, sealed: Sealed, aad: string): Buffer {
  if (key.length !== 32) throw new Error(`AES-256 needs a 32-byte key, got ${key.length} bytes.`);
  if (sealed.iv.length !== 12 || sealed.tag.length !== 16) throw new Error('The IV must be 12 bytes and the tag 16 bytes.');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

/** A sealed value as one buffer (iv ‖ tag ‖ ciphertext), for wrapped keys. */
export function sealToBuffer(key: Uint8Array, plaintext: Uint8Array, aad: string): Buffer {
  const { iv, tag, ciphertext } = seal(key, plaintext, aad);
  return Buffer.concat([iv, tag, ciphertext]);
}

/** Opens a buffer written by `sealToBuffer`. */
export function openBuffer(key: Uint8Array, packed: Uint8Array, aad: string): Buffer {
  const bytes = Buffer.from(packed);
  if (bytes.length < 28) throw new Error('The sealed value is too short.');
  return open(key, { iv: bytes.subarray(0, 12), tag: bytes.subarray(12, 28), ciphertext: bytes.subarray(28) }, aad);
}
