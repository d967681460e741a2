import { describe, expect, it } from 'vitest';
import { randomHashBytes as randomHash, seededRandom as rng } from '../prng.ts';
import { bestFrame, compareVideos, compareVideosDense, type MatchFrame } from './video-match.ts';

/** The hash with `bits` distinct bits flipped: a re-encoded copy of the frame. */
function flip(hash: Uint8Array, bits: number, next: () => number): Uint8Array {
  const out = hash.slice();
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(Math.floor(next() * 256));
  for (const b of chosen) out[b >> 3]! ^= 1 << (b & 7);
  return out;
}

/** A video sampled at 1 fps: `seconds` frames of unrelated content. */
function video(seconds: number, seed: number): MatchFrame[] {
  const next = rng(seed);
  return Array.from({ length: seconds }, (_, s) => ({
    i: s * 30,
    t: s,
    hash: randomHash(next),
    quality: 100,
  }));
}

describe('compareVideos', () => {
  it('finds a 20-second clip cut from a 10-minute video and locates it', () => {
    const long = video(600, 1);
    const next = rng(2);
    // The clip starts at 5:00 of the long video; re-encoding moved up to 20 bits per frame.
    const clip = long
      .slice(300, 320)
      .map((f, k) => ({ ...f, i: k * 30, t: k, hash: flip(f.hash, 20, next) }));
    const r = compareVideos(clip, long);
    expect(r.queryMatch).toBe(1);
    expect(r.targetMatch).toBeCloseTo(20 / 600, 5);
    expect(r.ranges).toEqual([{ queryStart: 0, queryEnd: 19, targetStart: 300, targetEnd: 319 }]);
    // And the other way round: the long video as the query.
    const back = compareVideos(long, clip);
    expect(back.queryMatch).toBeCloseTo(20 / 600, 5);
    expect(back.ranges).toEqual([{ queryStart: 300, queryEnd: 319, targetStart: 0, targetEnd: 19 }]);
  });

  it('reports two ranges when a copy splices two separate stretches of the source', () => {
    const long = video(600, 3);
    const spliced = [...long.slice(100, 110), ...long.slice(400, 410)].map((f, k) => ({
      ...f,
      t: k,
      i: k * 30,
    }));
    const r = compareVideos(spliced, long);
    expect(r.queryMatch).toBe(1);
    expect(r.ranges).toEqual([
      { queryStart: 0, queryEnd: 9, targetStart: 100, targetEnd: 109 },
      { queryStart: 10, queryEnd: 19, targetStart: 400, targetEnd: 409 },
    ]);
  });

  it('counts a frame only within distance 31', () => {
    const a = video(10, 4);
    const next = rng(5);
    const at31 = compareVideos(
      a.map((f) => ({ ...f, hash: flip(f.hash, 31, next) })),
      a,
    );
    const at32 = compareVideos(
      a.map((f) => ({ ...f, hash: flip(f.hash, 32, next) })),
      a,
    );
    expect(at31.queryMatch).toBe(1);
    expect(at32.queryMatch).toBe(0);
    expect(at32.ranges).toEqual([]);
  });

  it('never matches unrelated videos', () => {
    const r = compareVideos(video(60, 6), video(600, 7));
    expect(r).toEqual({ queryMatch: 0, targetMatch: 0, ranges: [] });
  });

  it('skips weak frames: identical flat frames (quality < 50) are not evidence', () => {
    const flat = new Uint8Array(32);
    const dark = Array.from({ length: 10 }, (_, s) => ({ i: s, t: s, hash: flat, quality: 0 }));
    expect(compareVideos(dark, dark)).toEqual({ queryMatch: 0, targetMatch: 0, ranges: [] });
    // Weak frames do not count in the denominator either: only the strong frames decide.
    const a = video(10, 8);
    const r = compareVideos([...a, ...dark.map((f) => ({ ...f, t: f.t + 10 }))], a);
    expect(r.queryMatch).toBe(1);
  });

  it('matches through the border-trimmed hash only when asked to', () => {
    const original = video(10, 9);
    const next = rng(10);
    // A letterboxed copy: its plain hash is far, the hash inside its bars is the original's.
    const barred = original.map((f) => ({
      ...f,
      hash: randomHash(next),
      trimmed: { hash: f.hash, quality: 90 },
    }));
    expect(compareVideos(barred, original).queryMatch).toBe(1);
    expect(compareVideos(barred, original, { useTrimmed: false }).queryMatch).toBe(0);
    // A weak trimmed hash is not used.
    const weakTrim = barred.map((f) => ({ ...f, trimmed: { hash: f.trimmed.hash, quality: 10 } }));
    expect(compareVideos(weakTrim, original).queryMatch).toBe(0);
  });
});

describe('compareVideosDense', () => {
  it('finds a copy sampled out of phase among every frame of the other', () => {
    // 30 fps, each frame its own content: a copy cut 0.5 s in shares no 1-fps sample with the
    // original's 1-fps samples, but each of its samples is among the original's frames.
    const next = rng(11);
    const frames = Array.from({ length: 300 }, (_, k) => ({
      i: k,
      t: k / 30,
      hash: randomHash(next),
      quality: 100,
    }));
    const copy = frames.slice(15).map((f, k) => ({ ...f, i: k, t: k / 30 }));
    const r = compareVideosDense(copy, frames);
    expect(r.queryMatch).toBe(1);
    expect(r.targetMatch).toBeCloseTo(9 / 10, 5); // second 0 of the original is not in the copy
    expect(r.ranges).toHaveLength(1);
    expect(r.ranges[0]!.targetStart - r.ranges[0]!.queryStart).toBeCloseTo(0.5, 5);
  });
});

describe('bestFrame', () => {
  it('gives the closest strong frame and its time, and nothing for weak frames', () => {
    const v = video(30, 12);
    const next = rng(13);
    const still = flip(v[17]!.hash, 5, next);
    expect(bestFrame([still], v)).toEqual({ distance: 5, at: 17 });
    const weak = v.map((f) => ({ ...f, quality: 20 }));
    expect(bestFrame([still], weak)).toEqual({ distance: 257, at: null });
  });
});
