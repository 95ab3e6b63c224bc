// The longitudinal redundancy check: XOR of a run of bytes.

/** XOR of bytes[start..end) folded into `seed`. */
export function lrc(bytes: Uint8Array, start = 0, end = bytes.length, seed = 0): number {
  let x = seed;
  for (let i = start; i < end; i++) x ^= bytes[i]!;
  return x;
}
