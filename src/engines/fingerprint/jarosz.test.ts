import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centres, downsampleLuma, GRID, windowFor } from './jarosz.ts';
import type { Pixels } from './types.ts';

/** The filter as PDQ's description states it, plane by plane: the oracle for the fast version. */
function planeByPlane(luma: Float64Array, rows: number, cols: number): Float64Array {
  const box = (src: Float64Array, along: 'rows' | 'cols', window: number) => {
    const ahead = Math.floor((window + 2) / 2) - 1;
    const behind = window - 1 - ahead;
    const out = new Float64Array(src.length);
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) {
        const [a, n] = along === 'rows' ? [x, cols] : [y, rows];
        let s = 0;
        let k = 0;
        for (let b = Math.max(0, a - behind); b <= Math.min(n - 1, a + ahead); b++, k++) {
          s += along === 'rows' ? src[y * cols + b]! : src[b * cols + x]!;
        }
        out[y * cols + x] = s / k;
      }
    }
    return out;
  };
  const rw = windowFor(cols, GRID);
  const cw = windowFor(rows, GRID);
  let p = box(luma, 'rows', rw);
  p = box(p, 'cols', cw);
  p = box(p, 'rows', rw);
  p = box(p, 'cols', cw);
  const ys = centres(rows);
  const xs = centres(cols);
  const grid = new Float64Array(GRID * GRID);
  for (let i = 0; i < GRID; i++)
    for (let j = 0; j < GRID; j++) grid[i * GRID + j] = p[ys[i]! * cols + xs[j]!]!;
  return grid;
}

describe('downsampleLuma', () => {
  it('equals the plane-by-plane tent filter and decimation, for any size and box', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 400 }),
        fc.integer({ min: 5, max: 400 }),
        fc.constantFrom<Pixels['channels']>(1, 3, 4),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 7 }),
        (width, height, channels, padX, padY) => {
          const fullW = width + padX;
          const fullH = height + padY;
          const data = new Uint8Array(fullW * fullH * channels);
          for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
          const pixels: Pixels = { width: fullW, height: fullH, channels, data };
          const box = { left: padX, top: padY, width, height };
          const luma = new Float64Array(width * height);
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              const p = ((y + padY) * fullW + x + padX) * channels;
              luma[y * width + x] =
                channels >= 3 ? 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]! : data[p]!;
            }
          }
          const fast = new Float64Array(GRID * GRID);
          downsampleLuma(pixels, box, fast);
          const slow = planeByPlane(luma, height, width);
          for (let k = 0; k < fast.length; k++) expect(Math.abs(fast[k]! - slow[k]!)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 25 },
    );
  });
});
