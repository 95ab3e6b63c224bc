// A small seeded PRNG (mulberry32) so a fault plan with a seed injects the same faults on every run.

/** A source of uniform numbers in [0, 1), reproducible for a seed. */
export interface Prng {
  /** The next number in [0, 1). */
  next(): number;
  /** A whole number in [0, max) for max ≥ 1. */
  below(max: number): number;
}

/** Creates a mulberry32 generator; the same seed always gives the same sequence. */
export function createPrng(seed: number): Prng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, below: (max) => Math.floor(next() * Math.max(1, Math.floor(max))) };
}
