import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomHashBytes as randomHash, seededRandom as rng } from '../prng.ts';
import { bruteForceSearch, hashToWords, type HammingMatch } from './brute-force.ts';
import { MihIndex } from './mih-index.ts';
import { hammingDistance } from './pdq.ts';

/** A copy of `hash` with exactly `distance` distinct bits flipped. */
function flipBits(hash: Uint8Array, distance: number, next: () => number): Uint8Array {
  const out = new Uint8Array(hash);
  const bits = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0; i < distance; i++) {
    const j = i + Math.floor(next() * (256 - i));
    [bits[i], bits[j]] = [bits[j]!, bits[i]!];
    out[bits[i]! >> 3]! ^= 1 << (bits[i]! & 7);
  }
  return out;
}

/**
 * A copy of `hash` with `distance` bits flipped spread evenly over the 16 chunks: the worst case
 * for the pigeonhole (at distance 16t + 15 every chunk but one differs in more than t bits).
 */
function spreadBits(hash: Uint8Array, distance: number, next: () => number): Uint8Array {
  const out = new Uint8Array(hash);
  const perChunk = Array.from({ length: 16 }, () => new Set<number>());
  for (let i = 0; i < distance; i++) {
    const chunk = perChunk[i % 16]!;
    let bit: number;
    do bit = Math.floor(next() * 16);
    while (chunk.has(bit));
    chunk.add(bit);
    const at = (i % 16) * 16 + bit;
    out[at >> 3]! ^= 1 << (at & 7);
  }
  return out;
}

interface Entry {
  id: number;
  hash: Uint8Array;
}

/** The plainest possible reference: byte-wise distance over a list (checks the packed scan too). */
function naive(entries: Entry[], query: Uint8Array, radius: number): HammingMatch[] {
  return entries
    .map((e) => ({ id: e.id, distance: hammingDistance(e.hash, query) }))
    .filter((m) => m.distance <= radius)
    .sort((a, b) => a.distance - b.distance || a.id - b.id);
}

function packed(entries: Entry[]): { words: Uint32Array; ids: Uint32Array; count: number } {
  const words = new Uint32Array(entries.length * 8);
  entries.forEach((e, i) => hashToWords(e.hash, words, i * 8));
  return { words, ids: Uint32Array.from(entries.map((e) => e.id)), count: entries.length };
}

/**
 * A set where near neighbours exist: random background hashes plus clusters of copies of a few
 * centres at chosen distances (0–63, so they fall on both sides of every radius ≤ 47), and
 * queries at chosen distances from the centres.
 */
function scenario(seed: number, background: number, centres: number) {
  const next = rng(seed);
  const entries: Entry[] = [];
  let id = 1;
  for (let i = 0; i < background; i++) entries.push({ id: id++, hash: randomHash(next) });
  const queries: Uint8Array[] = [];
  for (let c = 0; c < centres; c++) {
    const centre = randomHash(next);
    for (let k = 0; k < 12; k++)
      entries.push({ id: id++, hash: flipBits(centre, Math.floor(next() * 64), next) });
    for (let k = 0; k < 6; k++)
      entries.push({ id: id++, hash: spreadBits(centre, Math.floor(next() * 64), next) });
    queries.push(centre, flipBits(centre, Math.floor(next() * 24), next));
  }
  return { next, entries, queries, nextId: () => id++ };
}

function expectSameAsBruteForce(
  index: MihIndex,
  entries: Entry[],
  queries: Uint8Array[],
  radii: number[],
): void {
  const set = packed(entries);
  for (const query of queries) {
    for (const radius of radii) {
      const expected = bruteForceSearch(set, hashToWords(query), radius);
      expect(expected).toEqual(naive(entries, query, radius));
      expect(index.search(query, radius)).toEqual(expected);
    }
  }
}

const radiiArb = fc.array(fc.integer({ min: 0, max: 47 }), { minLength: 1, maxLength: 4 });
const FAST = { numRuns: 25 };

describe('MihIndex equals brute force', () => {
  it('on random sets with planted neighbours, for random radii ≤ 47', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 6 }),
        radiiArb,
        (seed, n, c, radii) => {
          const { entries, queries } = scenario(seed, n, c);
          expectSameAsBruteForce(MihIndex.fromHashes(entries, { scanBelow: 0 }), entries, queries, radii);
        },
      ),
      FAST,
    );
  });

  it('after adds and removes (by id, and by id and hash)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 200 }), radiiArb, (seed, n, radii) => {
        const { next, entries, queries, nextId } = scenario(seed, n, 4);
        const half = Math.floor(entries.length / 2);
        let live = entries.slice(0, half);
        const index = MihIndex.fromHashes(live, { scanBelow: 0 });
        for (const e of entries.slice(half)) {
          index.add(e.id, e.hash);
          live.push(e);
        }
        // a second hash under an existing id: removing by id and hash keeps the other one
        const twin = { id: live[0]?.id ?? nextId(), hash: flipBits(queries[0]!, 5, next) };
        index.add(twin.id, twin.hash);
        live.push(twin);
        expectSameAsBruteForce(index, live, queries, radii);
        for (const e of [...live]) {
          if (next() < 0.3) {
            const byHash = next() < 0.5;
            const removed = byHash ? index.remove(e.id, e.hash) : index.remove(e.id);
            const gone = live.filter(
              (x) => x.id === e.id && (!byHash || hammingDistance(x.hash, e.hash) === 0),
            );
            expect(removed).toBe(gone.length);
            live = live.filter((x) => !gone.includes(x));
          }
        }
        expect(index.size).toBe(live.length);
        expectSameAsBruteForce(index, live, queries, radii);
      }),
      FAST,
    );
  });

  it('after serialise and load round-trips, and adds and removes on the loaded index', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 200 }),
        radiiArb,
        fc.boolean(),
        (seed, n, radii, unaligned) => {
          const { next, entries, queries, nextId } = scenario(seed, n, 3);
          const index = MihIndex.fromHashes(entries.slice(0, 10), { scanBelow: 0 });
          for (const e of entries.slice(10)) index.add(e.id, e.hash); // serialised with a delta
          let live = [...entries];
          if (live[0]) {
            index.remove(live[0].id);
            live = live.slice(1);
          }
          let buf: Uint8Array = index.serialize();
          if (unaligned) buf = new Uint8Array(Buffer.concat([Buffer.from([0]), buf]).subarray(1));
          const loaded = MihIndex.load(buf, { scanBelow: 0 });
          const before = Buffer.from(buf);
          expectSameAsBruteForce(loaded, live, queries, radii);
          const added = { id: nextId(), hash: flipBits(queries[0]!, 3, next) };
          loaded.add(added.id, added.hash);
          live.push(added);
          if (live[1]) {
            loaded.remove(live[1].id, live[1].hash);
            live.splice(1, 1);
          }
          loaded.compact();
          expectSameAsBruteForce(loaded, live, queries, radii);
          expect(Buffer.from(buf).equals(before)).toBe(true); // the loaded index never writes into buf
          expectSameAsBruteForce(MihIndex.load(loaded.serialize(), { scanBelow: 0 }), live, queries, radii);
        },
      ),
      FAST,
    );
  });
});

describe('MihIndex', () => {
  it('compacts by itself past 4096 adds and 1024 removes, and still finds every neighbour', () => {
    const { entries, queries } = scenario(7, 5000, 20);
    const index = MihIndex.empty();
    for (const e of entries) index.add(e.id, e.hash);
    const live = entries.filter((e) => e.id % 3 !== 0);
    for (const e of entries) if (e.id % 3 === 0) expect(index.remove(e.id)).toBe(1);
    expect(index.size).toBe(live.length);
    expectSameAsBruteForce(index, live, queries.slice(0, 6), [0, 15, 31, 47]);
  });

  it('finds neighbours whose differing bits are spread over every chunk, at each radius up to 47', () => {
    const next = rng(3);
    const centre = randomHash(next);
    const entries = Array.from({ length: 64 }, (_, d) => ({ id: d, hash: spreadBits(centre, d, next) }));
    const index = MihIndex.fromHashes(entries, { scanBelow: 0 });
    for (let radius = 0; radius <= 47; radius++) {
      expect(index.search(centre, radius).map((m) => m.distance)).toEqual(
        Array.from({ length: radius + 1 }, (_, d) => d),
      );
    }
  });

  it('answers radii above 47 exactly by scanning', () => {
    const { entries, queries } = scenario(11, 50, 3);
    expectSameAsBruteForce(
      MihIndex.fromHashes(entries, { scanBelow: 0 }),
      entries,
      queries,
      [48, 63, 128, 256],
    );
  });

  it('refuses bad radii, bad hashes, bad ids and buffers that are not an index', () => {
    const index = MihIndex.empty();
    expect(() => index.search(new Uint8Array(32), -1)).toThrow(RangeError);
    expect(() => index.search(new Uint8Array(32), 1.5)).toThrow(RangeError);
    expect(() => index.search(new Uint8Array(31), 3)).toThrow(RangeError);
    expect(() => index.add(-1, new Uint8Array(32))).toThrow(RangeError);
    expect(() => MihIndex.load(new Uint8Array(8))).toThrow(RangeError);
    const buf = MihIndex.empty().serialize();
    expect(() => MihIndex.load(buf.subarray(0, buf.length - 4))).toThrow(RangeError);
    buf[0] = 0;
    expect(() => MihIndex.load(buf)).toThrow(RangeError);
  });

  it('returns each stored entry once even when it is close in many chunks, and lists live entries', () => {
    const h = new Uint8Array(32).fill(0xab);
    const index = MihIndex.fromHashes([{ id: 9, hash: h }], { scanBelow: 0 });
    expect(index.search(h, 47)).toEqual([{ id: 9, distance: 0 }]);
    expect([...index.entries()]).toEqual([{ id: 9, hash: h }]);
    expect(index.remove(9, new Uint8Array(32))).toBe(0); // same id, other hash: kept
    expect(index.remove(9)).toBe(1);
    expect(index.search(h, 47)).toEqual([]);
  });
});
