import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rowsOfSpan } from './jarosz.ts';
import { bitsFromDct, fromHex, hammingDistance, pdqHash, pdqHashOfRows, pdqTransform, toHex } from './pdq.ts';
import type { Pixels } from './types.ts';

/** A smooth test picture with structure at several scales (deterministic). */
function picture(width: number, height: number, channels: Pixels['channels'] = 3, seed = 1): Pixels {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v =
        128 +
        60 * Math.sin((x * seed) / 37 + y / 53) +
        40 * Math.cos((x - y * seed) / 19) +
        20 * Math.sin((x * y) / 900 + seed);
      for (let c = 0; c < channels; c++)
        data[(y * width + x) * channels + c] = Math.max(0, Math.min(255, v + c * 7));
    }
  }
  return { width, height, channels, data };
}

describe('hex and Hamming distance', () => {
  it('round-trips hex and counts differing bits', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (a, b) => {
          expect(fromHex(toHex(a))).toEqual(a);
          let naive = 0;
          for (let i = 0; i < 32; i++)
            for (let bit = 0; bit < 8; bit++) naive += ((a[i]! ^ b[i]!) >> bit) & 1;
          expect(hammingDistance(a, b)).toBe(naive);
        },
      ),
    );
  });

  it('reads bytes at any offset (views into a shared buffer)', () => {
    const buffer = new Uint8Array(70).fill(0xff);
    const a = buffer.subarray(1, 33);
    const b = new Uint8Array(32);
    expect(hammingDistance(a, b)).toBe(256);
  });

  it('rejects malformed hex', () => {
    expect(() => fromHex('abc')).toThrow(RangeError);
    expect(() => fromHex('g'.repeat(64))).toThrow(RangeError);
    expect(toHex(fromHex('AB'.repeat(32)))).toBe('ab'.repeat(32));
  });
});

describe('pdqHash', () => {
  it('sets exactly half the bits of a structured picture, at quality 100', () => {
    const h = pdqHash(picture(300, 200));
    expect(hammingDistance(h.hash, new Uint8Array(32))).toBe(128);
    expect(h.quality).toBe(100);
  });

  it('gives a flat picture quality 0 and no bits', () => {
    const flat: Pixels = { width: 100, height: 80, channels: 1, data: new Uint8Array(8000).fill(77) };
    const h = pdqHash(flat);
    expect(h.quality).toBe(0);
    expect(toHex(h.hash)).toBe('0'.repeat(64));
  });

  it('gives pictures under 5 pixels either way an empty hash of quality 0', () => {
    const h = pdqHash(picture(4, 100));
    expect(h).toEqual({ hash: new Uint8Array(32), quality: 0 });
  });

  it('ignores alpha: the same picture with any alpha channel hashes the same', () => {
    const rgb = picture(120, 90, 3);
    const rgba: Pixels = { ...rgb, channels: 4, data: new Uint8Array(120 * 90 * 4) };
    for (let i = 0, j = 0; i < rgb.data.length; i += 3, j += 4) {
      rgba.data.set(rgb.data.subarray(i, i + 3), j);
      rgba.data[j + 3] = (i * 7919) & 255; // noise alpha
    }
    expect(toHex(pdqHash(rgba).hash)).toBe(toHex(pdqHash(rgb).hash));
  });

  it('treats one grey channel as luminance (equal to grey RGB)', () => {
    const grey = picture(90, 70, 1);
    const rgb: Pixels = { ...grey, channels: 3, data: new Uint8Array(90 * 70 * 3) };
    grey.data.forEach((v, i) => rgb.data.fill(v, i * 3, i * 3 + 3));
    expect(hammingDistance(pdqHash(grey).hash, pdqHash(rgb).hash)).toBeLessThanOrEqual(2);
  });

  it('hashes a box inside a picture like the same pixels cut out', () => {
    const big = picture(400, 300, 3, 2);
    const box = { left: 50, top: 40, width: 250, height: 200 };
    const cut: Pixels = { width: 250, height: 200, channels: 3, data: new Uint8Array(250 * 200 * 3) };
    for (let y = 0; y < 200; y++) {
      cut.data.set(big.data.subarray(((y + 40) * 400 + 50) * 3, ((y + 40) * 400 + 300) * 3), y * 250 * 3);
    }
    expect(pdqHash(big, box)).toEqual(pdqHash(cut));
  });

  it('barely moves under resizing and mild noise, and differs between unrelated pictures', () => {
    const a = pdqHash(picture(640, 480, 3, 1));
    const aSmall = pdqHash(picture(320, 240, 3, 1)); // not an exact resize: the pattern is in pixel units
    const noisy = picture(640, 480, 3, 1);
    for (let i = 0; i < noisy.data.length; i += 5)
      noisy.data[i] = Math.min(255, noisy.data[i]! + ((i * 31) % 9));
    expect(hammingDistance(a.hash, pdqHash(noisy).hash)).toBeLessThanOrEqual(16);
    expect(hammingDistance(a.hash, aSmall.hash)).toBeGreaterThan(31);
  });

  it('is deterministic across calls of different sizes (scratch buffers are reused safely)', () => {
    const p = picture(200, 150);
    const first = toHex(pdqHash(p).hash);
    pdqHash(picture(1000, 50));
    pdqHash(picture(7, 9));
    expect(toHex(pdqHash(p).hash)).toBe(first);
  });

  it('bitsFromDct thresholds at the lower median', () => {
    const dct = new Float64Array(256).map((_, i) => i);
    const bits = bitsFromDct(dct);
    expect(hammingDistance(bits, new Uint8Array(32))).toBe(128);
    // coefficient 255 (row 15, column 15) is above the median: first byte of the hex is row 15
    expect(bits[0]! & 0x80).toBe(0x80);
    expect(pdqTransform(picture(64, 64)).dct.length).toBe(256);
  });
});

describe('boxes sharing a column span', () => {
  it('hash exactly as pdqHash from the span’s shared row pass, for any box and channel count', () => {
    const pictures = ([1, 3, 4] as const).map((c, i) => picture(256, 171, c, i + 2));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 250 }),
        fc.integer({ min: 1, max: 256 }),
        fc.integer({ min: 0, max: 165 }),
        fc.integer({ min: 1, max: 171 }),
        (which, left, w, top, h) => {
          const p = pictures[which]!;
          const width = Math.min(w, p.width - left);
          const height = Math.min(h, p.height - top);
          const box = { left, top, width, height };
          const rows = rowsOfSpan(p, left, width);
          expect(pdqHashOfRows(rows, box)).toEqual(pdqHash(p, box));
          // Another box over the same span, from the same rows.
          const other = { left, top: 0, width, height: p.height };
          expect(pdqHashOfRows(rows, other)).toEqual(pdqHash(p, other));
        },
      ),
      { numRuns: 150 },
    );
  });
});
