/**
 * Exact multi-index hashing (Norouzi, Punjani & Fleet, 2014) over 256-bit PDQ hashes: 16 tables,
 * one per 16-bit chunk. If two hashes are within r bits, by pigeonhole at least one of the 16
 * chunks differs in at most ⌊r/16⌋ bits, so probing every key within ⌊r/16⌋ bits of each query
 * chunk finds every true neighbour; each candidate is then verified by its full distance. The
 * result is exactly the brute-force result (same entries, same order).
 *
 * Layout (typed arrays only, no per-hash objects, so 10M hashes cost ~1 GB and load as views):
 * - slot s holds `ids[s]` and the hash `words[8s .. 8s+8]` (see brute-force.ts), `dead[s]` marks a
 *   removed slot (tombstone);
 * - slots `0..baseCount-1` are in a CSR table per chunk: `offsets[c*65537 + key]` indexes
 *   `postings[c*baseCount ..]`, built with a counting sort;
 * - slots added since (the delta) are chained per chunk key: `deltaHead[c*65536 + key]` → slot,
 *   `deltaNext[(slot - baseCount)*16 + c]` → next slot or -1.
 * Compaction folds the delta into the CSR tables and drops tombstones; it runs by itself once the
 * delta or the tombstones grow past a quarter of the base, so adds and removes stay amortised O(1).
 */
import {
  bruteForceSearch,
  checkRadius,
  compareMatches,
  distanceWithin,
  hashToWords,
  POPCOUNT16,
  wordsToHash,
  type HammingMatch,
} from './brute-force.ts';

const CHUNKS = 16;
const KEYS = 65536;
const MAGIC = 0x484d4941; // "AIMH" little-endian
const VERSION = 1;
const HEADER_BYTES = 16;
/** Beyond radius 47 each chunk needs ≥ 697 probes and candidates approach the whole set. */
export const MAX_INDEXED_RADIUS = 47;
/** Below this many live hashes a scan is as fast as probing 16 tables. */
const SCAN_BELOW = 2048;

/** Tuning of an index; tests set `scanBelow: 0` so that small sets go through the tables too. */
export interface MihOptions {
  /** Live hashes below which `search` scans instead of probing (default 2048). */
  scanBelow?: number;
}

/** Every 16-bit mask of weight 0, 1 then 2, in that order: the first 1, 17 or 137 are the probes. */
const FLIP_MASKS = (() => {
  const m = [0];
  for (let i = 0; i < 16; i++) m.push(1 << i);
  for (let i = 0; i < 16; i++) for (let j = i + 1; j < 16; j++) m.push((1 << i) | (1 << j));
  return Uint16Array.from(m);
})();
const PROBES_FOR_FLIPS = [1, 17, 137];

function chunkKey(words: Uint32Array, s: number, c: number): number {
  const w = words[(s << 3) + (c >> 1)]!;
  return c & 1 ? w >>> 16 : w & 0xffff;
}

/**
 * The hot loop: verifies the slots `postings[from..to)` against the query, pushing (slot,
 * distance) for hits. Query words sit in locals and the first 96 bits reject almost every random
 * candidate (see `distanceWithin`, inlined here by hand), so each candidate costs one cache line
 * and few instructions, and the CPU keeps several of these independent loads in flight.
 */
function verifyRange(
  words: Uint32Array,
  postings: Uint32Array,
  from: number,
  to: number,
  q: Uint32Array,
  radius: number,
  hits: number[],
): void {
  const T = POPCOUNT16;
  const q0 = q[0]!, q1 = q[1]!, q2 = q[2]!; // prettier-ignore
  for (let p = from; p < to; p++) {
    const s = postings[p]!;
    const o = s << 3;
    const x0 = words[o]! ^ q0;
    const x1 = words[o + 1]! ^ q1;
    const x2 = words[o + 2]! ^ q2;
    const d =
      T[x0 & 0xffff]! + T[x0 >>> 16]! + T[x1 & 0xffff]! + T[x1 >>> 16]! + T[x2 & 0xffff]! + T[x2 >>> 16]!;
    if (d > radius) continue;
    const full = distanceWithin(words, o, q, radius);
    if (full <= radius) hits.push(s, full);
  }
}

/** Exact Hamming range search over 256-bit hashes; see the file comment for the design. */
export class MihIndex {
  private words: Uint32Array;
  private ids: Uint32Array;
  private dead: Uint8Array;
  private count: number;
  private deadCount = 0;
  private baseCount = 0;
  private offsets: Uint32Array = new Uint32Array(CHUNKS * (KEYS + 1));
  private postings: Uint32Array = new Uint32Array(0);
  private deltaHead: Int32Array | null = null;
  private deltaNext = new Int32Array(0);
  /** True while words/ids are views on a caller's buffer (after `load`): never written in place. */
  private borrowed = false;
  private readonly q = new Uint32Array(8);
  private readonly scanBelow: number;

  private constructor(ids: Uint32Array, words: Uint32Array, count: number, options: MihOptions) {
    this.scanBelow = options.scanBelow ?? SCAN_BELOW;
    this.ids = ids;
    this.words = words;
    this.count = count;
    this.dead = new Uint8Array(ids.length);
  }

  /** An empty index; grow it with `add`. */
  static empty(options: MihOptions = {}): MihIndex {
    return new MihIndex(new Uint32Array(64), new Uint32Array(64 * 8), 0, options);
  }

  /**
   * Builds the index over `ids.length` hashes packed as words (see `hashToWords`) in one pass of
   * counting sorts. Takes ownership of both arrays (no copy: at 10M hashes a copy costs 360 MB).
   */
  static fromWords(ids: Uint32Array, words: Uint32Array, options: MihOptions = {}): MihIndex {
    if (words.length < ids.length * 8) throw new RangeError('words must hold 8 words per id');
    const index = new MihIndex(ids, words, ids.length, options);
    index.rebuild();
    return index;
  }

  /** Builds the index from ids and 32-byte hashes. */
  static fromHashes(entries: Iterable<{ id: number; hash: Uint8Array }>, options: MihOptions = {}): MihIndex {
    const list = [...entries];
    const ids = new Uint32Array(list.length);
    const words = new Uint32Array(list.length * 8);
    list.forEach((e, i) => {
      ids[i] = e.id;
      hashToWords(e.hash, words, i * 8);
    });
    return MihIndex.fromWords(ids, words, options);
  }

  /** Number of live (not removed) hashes. */
  get size(): number {
    return this.count - this.deadCount;
  }

  /** Adds one hash under `id` (a uint32; several hashes may share an id). */
  add(id: number, hash: Uint8Array): void {
    if (!Number.isInteger(id) || id < 0 || id > 0xffffffff)
      throw new RangeError(`id must be a uint32, got ${id}`);
    this.reserve(this.count + 1);
    const s = this.count++;
    this.ids[s] = id;
    hashToWords(hash, this.words, s << 3);
    this.linkDelta(s);
    if (this.count - this.baseCount > Math.max(4096, this.baseCount >> 2)) this.compact();
  }

  /**
   * Removes the hashes stored under `id` (only the one equal to `hash` when given); returns how
   * many. With the hash, only one chunk's bucket is read; without it, all ids are scanned (O(n)).
   */
  remove(id: number, hash?: Uint8Array): number {
    let removed = 0;
    const kill = (s: number): void => {
      if (this.dead[s] || this.ids[s] !== id) return;
      if (hash) for (let w = 0; w < 8; w++) if (this.words[(s << 3) + w] !== this.q[w]) return;
      this.dead[s] = 1;
      this.deadCount++;
      removed++;
    };
    if (hash) {
      hashToWords(hash, this.q);
      const key = this.q[0]! & 0xffff; // chunk 0
      for (let p = this.offsets[key]!; p < this.offsets[key + 1]!; p++) kill(this.postings[p]!);
      if (this.deltaHead)
        for (let s = this.deltaHead[key]!; s >= 0; s = this.deltaNext[(s - this.baseCount) * CHUNKS]!)
          kill(s);
    } else {
      for (let s = 0; s < this.count; s++) kill(s);
    }
    if (this.deadCount > Math.max(1024, this.count >> 2)) this.compact();
    return removed;
  }

  /**
   * Every stored hash within `radius` bits (inclusive) of `query`, nearest first then by id — the
   * same list `bruteForceSearch` gives. Radii above 47 (or tiny sets) are answered by a scan.
   */
  search(query: Uint8Array, radius: number): HammingMatch[] {
    checkRadius(radius);
    const q = hashToWords(query, this.q);
    if (radius > MAX_INDEXED_RADIUS || this.size < this.scanBelow) {
      return bruteForceSearch(
        { words: this.words, ids: this.ids, count: this.count, dead: this.dead },
        q,
        radius,
      );
    }
    const { words, offsets, postings, baseCount, deltaHead, deltaNext } = this;
    const probes = PROBES_FOR_FLIPS[radius >> 4]!;
    // (slot, distance) pairs of hits; a hit is found once per chunk it is close in, deduplicated below.
    const hits: number[] = [];
    for (let c = 0; c < CHUNKS; c++) {
      const qKey = c & 1 ? q[c >> 1]! >>> 16 : q[c >> 1]! & 0xffff;
      const offsetBase = c * (KEYS + 1);
      const postingBase = c * baseCount;
      for (let m = 0; m < probes; m++) {
        const key = qKey ^ FLIP_MASKS[m]!;
        const from = postingBase + offsets[offsetBase + key]!;
        verifyRange(words, postings, from, postingBase + offsets[offsetBase + key + 1]!, q, radius, hits);
        if (deltaHead) {
          for (let s = deltaHead[c * KEYS + key]!; s >= 0; s = deltaNext[(s - baseCount) * CHUNKS + c]!) {
            const d = distanceWithin(words, s << 3, q, radius);
            if (d <= radius) hits.push(s, d);
          }
        }
      }
    }
    const seen = new Set<number>();
    const out: HammingMatch[] = [];
    for (let i = 0; i < hits.length; i += 2) {
      const s = hits[i]!;
      if (seen.has(s) || this.dead[s]) continue;
      seen.add(s);
      out.push({ id: this.ids[s]!, distance: hits[i + 1]! });
    }
    return out.sort(compareMatches);
  }

  /** Every live entry (id and hash), in slot order: for tests and for rebuilding elsewhere. */
  *entries(): Generator<{ id: number; hash: Uint8Array }> {
    for (let s = 0; s < this.count; s++)
      if (!this.dead[s]) yield { id: this.ids[s]!, hash: wordsToHash(this.words, s << 3) };
  }

  /**
   * Folds the delta into the CSR tables and drops tombstones. Search results do not change;
   * runs by itself when needed, callable before `serialize` or after a burst of removes.
   */
  compact(): void {
    if (this.deadCount > 0) {
      const live = this.count - this.deadCount;
      const ids = this.borrowed ? new Uint32Array(live) : this.ids;
      const words = this.borrowed ? new Uint32Array(live * 8) : this.words;
      let to = 0;
      for (let s = 0; s < this.count; s++) {
        if (this.dead[s]) continue;
        ids[to] = this.ids[s]!;
        // in place when owned (to ≤ s, so nothing unread is overwritten), else into the new array
        if (words === this.words) words.copyWithin(to << 3, s << 3, (s << 3) + 8);
        else words.set(this.words.subarray(s << 3, (s << 3) + 8), to << 3);
        to++;
      }
      this.ids = ids;
      this.words = words;
      this.count = live;
      this.deadCount = 0;
      this.dead = new Uint8Array(ids.length);
      this.borrowed = false;
    }
    this.rebuild();
  }

  /** Bytes held by the index's arrays (what `serialize` would write is close to this). */
  get byteLength(): number {
    return (
      this.words.byteLength +
      this.ids.byteLength +
      this.dead.byteLength +
      this.offsets.byteLength +
      this.postings.byteLength +
      (this.deltaHead?.byteLength ?? 0) +
      this.deltaNext.byteLength
    );
  }

  /**
   * The whole index as one buffer: header, ids, hashes, then the CSR tables, so `load` only makes
   * views. Compacts first (a serialised index has no delta and no tombstones).
   */
  serialize(): Buffer {
    if (this.deadCount > 0 || this.count > this.baseCount) this.compact();
    const n = this.count;
    const buf = Buffer.allocUnsafeSlow(
      HEADER_BYTES + n * 4 + n * 32 + this.offsets.byteLength + CHUNKS * n * 4,
    );
    const header = new Uint32Array(buf.buffer, buf.byteOffset, 4);
    header.set([MAGIC, VERSION, n, 0]);
    let at = HEADER_BYTES;
    for (const part of [
      this.ids.subarray(0, n),
      this.words.subarray(0, n * 8),
      this.offsets,
      this.postings,
    ]) {
      buf.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
      at += part.byteLength;
    }
    return buf;
  }

  /**
   * An index from `serialize`'s buffer without rebuilding: its arrays are views on `buf` (copied
   * once only if `buf` is not 4-byte aligned). The index never writes into `buf`.
   */
  static load(buf: Uint8Array, options: MihOptions = {}): MihIndex {
    if (buf.byteOffset % 4 !== 0) buf = new Uint8Array(buf);
    if (buf.byteLength < HEADER_BYTES) throw new RangeError('not a serialised MIH index: too short');
    const [magic, version, n] = new Uint32Array(buf.buffer, buf.byteOffset, 3);
    if (magic !== MAGIC || version !== VERSION)
      throw new RangeError('not a serialised MIH index (magic or version)');
    const expected = HEADER_BYTES + n! * 36 + CHUNKS * (KEYS + 1) * 4 + CHUNKS * n! * 4;
    if (buf.byteLength !== expected)
      throw new RangeError(`serialised MIH index has ${buf.byteLength} bytes, expected ${expected}`);
    let at = buf.byteOffset + HEADER_BYTES;
    const view = (length: number): Uint32Array => {
      const a = new Uint32Array(buf.buffer, at, length);
      at += length * 4;
      return a;
    };
    const index = new MihIndex(view(n!), view(n! * 8), n!, options);
    index.offsets = view(CHUNKS * (KEYS + 1));
    index.postings = view(CHUNKS * n!);
    index.baseCount = n!;
    index.borrowed = true;
    return index;
  }

  /** Grows the slot arrays (×1.5) so that `slots` fit; copies a borrowed buffer before writing. */
  private reserve(slots: number): void {
    if (slots <= this.ids.length && !this.borrowed) return;
    const capacity = Math.max(slots, Math.ceil(this.ids.length * 1.5), 64);
    const ids = new Uint32Array(capacity);
    ids.set(this.ids.subarray(0, this.count));
    const words = new Uint32Array(capacity * 8);
    words.set(this.words.subarray(0, this.count * 8));
    const dead = new Uint8Array(capacity);
    dead.set(this.dead.subarray(0, this.count));
    this.ids = ids;
    this.words = words;
    this.dead = dead;
    this.borrowed = false;
  }

  /** Puts slot s (≥ baseCount) at the head of its key's chain in every chunk. */
  private linkDelta(s: number): void {
    const i = s - this.baseCount;
    if (!this.deltaHead) this.deltaHead = new Int32Array(CHUNKS * KEYS).fill(-1);
    if ((i + 1) * CHUNKS > this.deltaNext.length) {
      const next = new Int32Array(Math.max(1024, (i + 1) * 2) * CHUNKS);
      next.set(this.deltaNext);
      this.deltaNext = next;
    }
    for (let c = 0; c < CHUNKS; c++) {
      const head = c * KEYS + chunkKey(this.words, s, c);
      this.deltaNext[i * CHUNKS + c] = this.deltaHead[head]!;
      this.deltaHead[head] = s;
    }
  }

  /**
   * CSR tables over all slots by counting sort, two chunks per pass over the words (the low and
   * high halves of one word), so 10M hashes are read 8 times rather than 16.
   */
  private rebuild(): void {
    const n = this.count;
    const { words } = this;
    const offsets = new Uint32Array(CHUNKS * (KEYS + 1));
    const postings = new Uint32Array(CHUNKS * n);
    const cursorLo = new Uint32Array(KEYS);
    const cursorHi = new Uint32Array(KEYS);
    for (let w = 0; w < 8; w++) {
      const lo = 2 * w * (KEYS + 1);
      const hi = (2 * w + 1) * (KEYS + 1);
      for (let s = 0; s < n; s++) {
        const x = words[(s << 3) + w]!;
        offsets[lo + (x & 0xffff) + 1]!++;
        offsets[hi + (x >>> 16) + 1]!++;
      }
      for (let k = 0; k < KEYS; k++) {
        offsets[lo + k + 1]! += offsets[lo + k]!;
        offsets[hi + k + 1]! += offsets[hi + k]!;
      }
      cursorLo.set(offsets.subarray(lo, lo + KEYS));
      cursorHi.set(offsets.subarray(hi, hi + KEYS));
      const pLo = 2 * w * n;
      const pHi = (2 * w + 1) * n;
      for (let s = 0; s < n; s++) {
        const x = words[(s << 3) + w]!;
        postings[pLo + cursorLo[x & 0xffff]!++] = s;
        postings[pHi + cursorHi[x >>> 16]!++] = s;
      }
    }
    this.offsets = offsets;
    this.postings = postings;
    this.baseCount = n;
    this.deltaHead = null;
    this.deltaNext = new Int32Array(0);
  }
}
