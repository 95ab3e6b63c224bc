// The digest F008 carries: SHA-256 of a canonical parameter set (PROTOCOL.md §4). Driver, simulator
// and rebind engine all hash through this one function, so host and terminal cannot disagree.
import { createHash } from 'node:crypto';

export function parameterDigest(canonicalSet: Uint8Array): Uint8Array {
  return Uint8Array.from(createHash('sha256').update(canonicalSet).digest());
}
