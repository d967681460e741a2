import { describe, expect, it } from 'vitest';
import { seededRandom } from '../prng.ts';
import {
  COARSE_RADIUS,
  coarseGeometries,
  coarseProbes,
  describeCrop,
  refine,
  windowHash,
  type CropDirection,
} from './crop.ts';
import { hammingDistance } from './pdq.ts';
import { MATCH_DISTANCE, type Pixels } from './types.ts';

/** A scene: smooth random blobs over a gradient, defined on [0,1]², so any part can be rendered. */
function scene(seed: number): (u: number, v: number) => number {
  const r = seededRandom(seed);
  const blobs = Array.from({ length: 60 }, () => ({
    x: r(),
    y: r(),
    s: 0.015 + r() * 0.05,
    a: r() * 200 - 100,
  }));
  return (u, v) => {
    let l = 80 + 60 * u + 40 * v;
    for (const b of blobs) l += b.a * Math.exp(-((u - b.x) ** 2 + (v - b.y) ** 2) / (2 * b.s * b.s));
    return Math.max(0, Math.min(255, l));
  };
}

/** Renders the part [x0,x1]×[y0,y1] of a scene at `width` pixels wide, grey in three channels. */
function render(
  f: (u: number, v: number) => number,
  [x0, x1]: [number, number],
  [y0, y1]: [number, number],
  width: number,
): Pixels {
  const height = Math.round((width * (y1 - y0) * 2) / (3 * (x1 - x0))); // the scene is 3:2
  const data = new Uint8Array(width * height * 3);
  for (let j = 0; j < height; j++)
    for (let i = 0; i < width; i++) {
      const l = f(x0 + ((i + 0.5) / width) * (x1 - x0), y0 + ((j + 0.5) / height) * (y1 - y0));
      data.fill(l, (j * width + i) * 3, (j * width + i) * 3 + 3);
    }
  return { width, height, channels: 3, data };
}

/** The best refined distance from a query's probes to one stored window (as matching does). */
function found(
  query: Pixels,
  stored: Pixels,
  direction: CropDirection,
  probes = coarseProbes(query),
): number {
  const w = windowHash(stored).hash;
  let best = 256;
  for (const p of probes.filter((p) => p.direction === direction || isWhole(p))) {
    if (hammingDistance(p.hash, w) > COARSE_RADIUS) continue;
    best = Math.min(best, refine(query, p, w).distance);
  }
  return best;
}
const isWhole = (p: { geometry: { x: { anchor: string }; y: { anchor: string } } }) =>
  p.geometry.x.anchor === 'uncut' && p.geometry.y.anchor === 'uncut';

const full: [number, number] = [0, 1];

// Small renderings keep the test quick (the engine takes any size; athar hashes at PROBE_SIDE).
const SIDE = 160;

describe('crop-robust matching', () => {
  const a = scene(1);
  const original = render(a, full, full, SIDE);
  const crops: [string, [number, number], [number, number]][] = [
    ['the middle 85 %', [0.075, 0.925], [0.075, 0.925]],
    ['83 % of the width, cut at the right', [0, 0.83], full],
    ['89 % of the height, cut at the top', full, [0.11, 1]],
    ['a corner: 87 % × 81 %, cut at the left and the bottom', [0.13, 1], [0, 0.81]],
    ['the middle 81 % of the width only', [0.095, 0.905], full],
  ];

  it.each(crops)('a copy keeping %s is found from the copy and from the original', (_, x, y) => {
    const copy = render(a, x, y, SIDE);
    expect(found(copy, original, 'query-is-crop')).toBeLessThanOrEqual(MATCH_DISTANCE);
    expect(found(original, copy, 'stored-is-crop')).toBeLessThanOrEqual(MATCH_DISTANCE);
  });

  it('different scenes are not matched through any probe', () => {
    for (let seed = 2; seed < 5; seed++) {
      const other = render(scene(seed), full, full, SIDE);
      const probes = coarseProbes(other);
      expect(found(other, original, 'query-is-crop', probes)).toBeGreaterThan(MATCH_DISTANCE);
      expect(found(other, original, 'stored-is-crop', probes)).toBeGreaterThan(MATCH_DISTANCE);
    }
  });

  it('the coarse grid has 19 choices per axis; the whole-picture box is probed once', () => {
    expect(coarseGeometries()).toHaveLength(361);
    expect(coarseProbes(original)).toHaveLength(721);
  });

  it('describes a crop from the copy’s side', () => {
    expect(describeCrop({ x: { keep: 0.84, anchor: 'start' }, y: { keep: 1, anchor: 'uncut' } })).toBe(
      'keeps 84 % of the width (cut at the right) and all of the height',
    );
    expect(describeCrop({ x: { keep: 0.86, anchor: 'centre' }, y: { keep: 0.8, anchor: 'end' } })).toBe(
      'keeps the middle 86 % of the width and 80 % of the height (cut at the top)',
    );
  });
});
