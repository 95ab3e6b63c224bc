// Files kept by their SHA-256 (attachments/ab/abcdef…): the same bytes are stored once whoever
// attaches them, a file is never changed after it is written (a new content is a new name), and a
// reader checks the bytes against their name. Written atomically, so a crash leaves the old state
// or the whole file, never half of one. The desk's attachments and the backups share this layout.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './write-file-atomic';

/** The hex SHA-256 of `bytes`. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where the file of `sha256` lives under `root`: the first two hex digits are its folder. */
export function contentPath(root: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
  return join(root, sha256.slice(0, 2), sha256);
}

/** What reading a stored file found. */
export type ContentRead = { ok: true; bytes: Buffer } | { ok: false; problem: 'missing' | 'damaged' };

/** A content-addressed folder. */
export interface ContentStore {
  readonly root: string;
  /** Stores `bytes` (once: an existing whole file is kept) and returns its SHA-256. */
  put(bytes: Uint8Array): string;
  has(sha256: string): boolean;
  read(sha256: string): ContentRead;
}

export function openContentStore(root: string): ContentStore {
  const read = (sha256: string): ContentRead => {
    const path = contentPath(root, sha256);
    if (!existsSync(path)) return { ok: false, problem: 'missing' };
    const bytes = readFileSync(path);
    return sha256Of(bytes) === sha256 ? { ok: true, bytes } : { ok: false, problem: 'damaged' };
  };
  return {
    root,
    put(bytes) {
      const sha256 = sha256Of(bytes);
      const path = contentPath(root, sha256);
      // Same name, same size: the same content (a different one would need a SHA-256 collision).
      // A damaged file of the right size is rewritten when a reader finds it damaged and it is attached again.
      if (existsSync(path) && statSync(path).size === bytes.length && read(sha256).ok) return sha256;
      mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true });
      writeFileAtomic(path, bytes);
      return sha256;
    },
    has: (sha256) => existsSync(contentPath(root, sha256)),
    read,
  };
}
