import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findContentBox } from './border.ts';
import { hammingDistance, pdqHash } from './pdq.ts';
import type { Pixels } from './types.ts';

/** Content with texture everywhere (never uniform along a line), 3 channels. */
function content(width: number, height: number, seed: number): Pixels {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (60 + (Math.sin(i * 0.7 + seed) * 0.5 + 0.5) * 140) | 0;
  return { width, height, channels: 3, data };
}

/** Puts `inner` inside a frame of `colour` with per-pixel jitter (JPEG-like noise). */
function framed(
  inner: Pixels,
  top: number,
  right: number,
  bottom: number,
  left: number,
  colour: readonly number[],
  jitter: number,
): Pixels {
  const width = inner.width + left + right;
  const height = inner.height + top + bottom;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        const noise = jitter === 0 ? 0 : ((x * 7 + y * 13 + c * 5) % (2 * jitter + 1)) - jitter;
        data[(y * width + x) * 3 + c] = Math.max(0, Math.min(255, colour[c]! + noise));
      }
    }
  }
  for (let y = 0; y < inner.height; y++) {
    data.set(
      inner.data.subarray(y * inner.width * 3, (y + 1) * inner.width * 3),
      ((y + top) * width + left) * 3,
    );
  }
  return { width, height, channels: 3, data };
}

describe('findContentBox', () => {
  it('finds the picture inside letterbox, pillarbox and coloured frames, with noise', () => {
    fc.assert(
      fc.property(
        fc.record({
          top: fc.integer({ min: 0, max: 40 }),
          right: fc.integer({ min: 0, max: 40 }),
          bottom: fc.integer({ min: 0, max: 40 }),
          left: fc.integer({ min: 0, max: 40 }),
          colour: fc.constantFrom([0, 0, 0], [255, 255, 255], [200, 30, 90], [16, 16, 16]),
          jitter: fc.integer({ min: 0, max: 12 }),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        ({ top, right, bottom, left, colour, jitter, seed }) => {
          const inner = content(80, 60, seed);
          const box = findContentBox(framed(inner, top, right, bottom, left, colour, jitter));
          const t = top >= 2 ? top : 0;
          const l = left >= 2 ? left : 0;
          const expected = {
            left: l,
            top: t,
            width: 80 + left + right - l - (right >= 2 ? right : 0),
            height: 60 + top + bottom - t - (bottom >= 2 ? bottom : 0),
          };
          if (top < 2 && right < 2 && bottom < 2 && left < 2) expect(box).toBeNull();
          else expect(box).toEqual(expected);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('lets a letterboxed copy hash like its original', () => {
    const inner = content(320, 180, 3);
    const boxed = framed(inner, 70, 0, 70, 0, [0, 0, 0], 3);
    const box = findContentBox(boxed)!;
    expect(box).toEqual({ left: 0, top: 70, width: 320, height: 180 });
    expect(hammingDistance(pdqHash(boxed, box).hash, pdqHash(inner).hash)).toBe(0);
    expect(hammingDistance(pdqHash(boxed).hash, pdqHash(inner).hash)).toBeGreaterThan(31);
  });

  it('leaves pictures without borders, uniform pictures and thin slivers alone', () => {
    expect(findContentBox(content(50, 40, 1))).toBeNull();
    const flat: Pixels = { width: 30, height: 30, channels: 1, data: new Uint8Array(900).fill(9) };
    expect(findContentBox(flat)).toBeNull();
    // a 4-pixel-high strip of content in a tall black frame: below 10 % of the height, not trusted
    expect(findContentBox(framed(content(100, 4, 2), 50, 0, 50, 0, [0, 0, 0], 0))).toBeNull();
  });

  it('ignores alpha when deciding what is uniform', () => {
    const rgb = framed(content(40, 40, 5), 10, 10, 10, 10, [0, 0, 0], 0);
    const rgba: Pixels = {
      width: rgb.width,
      height: rgb.height,
      channels: 4,
      data: new Uint8Array(rgb.width * rgb.height * 4),
    };
    for (let i = 0, j = 0; i < rgb.data.length; i += 3, j += 4) {
      rgba.data.set(rgb.data.subarray(i, i + 3), j);
      rgba.data[j + 3] = (j * 31) & 255;
    }
    expect(findContentBox(rgba)).toEqual({ left: 10, top: 10, width: 40, height: 40 });
  });
});
