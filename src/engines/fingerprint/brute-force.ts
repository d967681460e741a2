/**
 * The reference Hamming search: a linear scan over packed 256-bit hashes. The multi-index search
 * must return exactly what this returns, so it stays simple enough to trust; it is also the
 * search for tiny sets and for radii too wide for the multi-index pigeonhole to pay off.
 *
 * Packed layout, shared with the multi-index: hash i is the 8 words `words[8i .. 8i+8]`, each word
 * the little-endian read of 4 bytes of the 32-byte hash (word w = bytes 4w..4w+3), so the 16-bit
 * chunk c of the multi-index is bytes 2c, 2c+1 of the hash.
 */

/** One hit of a Hamming range search: the stored id and its distance (0–256) to the query. */
export interface HammingMatch {
  id: number;
  distance: number;
}

/** Hashes packed as 8 words each, with their ids; slots `0..count-1` are used. */
export interface PackedHashes {
  words: Uint32Array;
  ids: Uint32Array;
  count: number;
  /** Optional tombstones: a slot with a non-zero flag is skipped. */
  dead?: Uint8Array;
}

/** Bits set in a 32-bit integer (SWAR: no table, no branch, inlined by V8 in hot loops). */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Packs a 32-byte hash into 8 little-endian words at `out[at .. at+8]`. */
export function hashToWords(hash: Uint8Array, out: Uint32Array = new Uint32Array(8), at = 0): Uint32Array {
  if (hash.length !== 32) throw new RangeError(`a PDQ hash has 32 bytes, got ${hash.length}`);
  for (let w = 0; w < 8; w++) {
    const b = 4 * w;
    out[at + w] = (hash[b]! | (hash[b + 1]! << 8) | (hash[b + 2]! << 16) | (hash[b + 3]! << 24)) >>> 0;
  }
  return out;
}

/** The 32 bytes of the hash packed at `words[at .. at+8]` (inverse of `hashToWords`). */
export function wordsToHash(words: Uint32Array, at = 0): Uint8Array {
  const out = new Uint8Array(32);
  for (let w = 0; w < 8; w++) {
    const x = words[at + w]!;
    out[4 * w] = x & 0xff;
    out[4 * w + 1] = (x >>> 8) & 0xff;
    out[4 * w + 2] = (x >>> 16) & 0xff;
    out[4 * w + 3] = x >>> 24;
  }
  return out;
}

/**
 * Hamming distance between the query words and the hash at word offset `o`, or a number above
 * `radius` as soon as the first half already exceeds it: random hashes differ in ~64 of the first
 * 128 bits, so most candidates are rejected after 4 words.
 */
export function distanceWithin(words: Uint32Array, o: number, q: Uint32Array, radius: number): number {
  let d =
    popcount32(words[o]! ^ q[0]!) +
    popcount32(words[o + 1]! ^ q[1]!) +
    popcount32(words[o + 2]! ^ q[2]!) +
    popcount32(words[o + 3]! ^ q[3]!);
  if (d > radius) return d;
  d +=
    popcount32(words[o + 4]! ^ q[4]!) +
    popcount32(words[o + 5]! ^ q[5]!) +
    popcount32(words[o + 6]! ^ q[6]!) +
    popcount32(words[o + 7]! ^ q[7]!);
  return d;
}

/** Orders matches nearest first, then by id, so two searches can be compared element by element. */
export function compareMatches(a: HammingMatch, b: HammingMatch): number {
  return a.distance - b.distance || a.id - b.id;
}

/** Checks a radius once at the API boundary; the scans assume an integer 0–256. */
export function checkRadius(radius: number): void {
  if (!Number.isInteger(radius) || radius < 0 || radius > 256) {
    throw new RangeError(`radius must be an integer 0–256, got ${radius}`);
  }
}

/**
 * Every stored hash within `radius` (inclusive) of `query` (8 words from `hashToWords`), nearest
 * first then by id: one entry per live slot.
 */
export function bruteForceSearch(set: PackedHashes, query: Uint32Array, radius: number): HammingMatch[] {
  checkRadius(radius);
  const { words, ids, count, dead } = set;
  const out: HammingMatch[] = [];
  for (let s = 0; s < count; s++) {
    const d = distanceWithin(words, s << 3, query, radius);
    if (d <= radius && !(dead && dead[s])) out.push({ id: ids[s]!, distance: d });
  }
  return out.sort(compareMatches);
}
