/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence, so
 * tests and benchmarks that draw random data can be replayed exactly. Not for secrets.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** 32 random bytes from `next`: a random 256-bit hash. */
export function randomHashBytes(next: () => number): Uint8Array {
  return Uint8Array.from({ length: 32 }, () => Math.floor(next() * 256));
}
