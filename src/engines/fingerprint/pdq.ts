/**
 * PDQ, Meta's perceptual image hash (256 bits + a quality score 0–100), written from its published
 * description ("The PDQ hashing algorithm", ThreatExchange hashing.pdf):
 *
 * 1. luminance Y = 0.299 R + 0.587 G + 0.114 B (grey images use the grey value; alpha is ignored);
 * 2. a Jarosz tent filter (two passes of a box filter along rows then columns, window about
 *    1/128 of the dimension) and decimation to 64×64 at the cell centres;
 * 3. quality from the sum of quantised gradients of that 64×64 picture;
 * 4. the 2-D DCT of the 64×64 picture, keeping frequencies 1–16 in each direction (16×16);
 * 5. one bit per coefficient: greater than the median of the 256 coefficients.
 *
 * Pure: no I/O. Scratch buffers live at module level and only grow, so hashing a stream of
 * same-sized frames allocates nothing but the 32-byte result.
 */
import { downsampleLuma, downsampleRows, GRID as JAROSZ_GRID, type Box } from './jarosz.ts';
import type { Pixels, PdqHash } from './types.ts';

export type { Box } from './jarosz.ts';

/** The 16×16 DCT block (row-major, vertical frequency first) and the quality it came with. */
export interface PdqTransform {
  dct: Float64Array;
  quality: number;
}

/** Below this many pixels in either direction the picture carries no usable structure. */
const MIN_DIMENSION = 5;
const BLOCK = 16;
// A module-local copy: the hot loops below read it ~70,000 times a hash, and a test runner's
// module transform turns an imported binding into a property read (7× slower under vitest).
const GRID = JAROSZ_GRID;

/**
 * Rows 1..16 of the 64-point DCT-II basis (row 0, the mean, carries no structure and is skipped),
 * scaled by √(2/64). Float64 so the sums round once, at the end.
 */
const DCT = (() => {
  const m = new Float64Array(BLOCK * GRID);
  const scale = Math.sqrt(2 / GRID);
  for (let u = 0; u < BLOCK; u++) {
    for (let x = 0; x < GRID; x++)
      m[u * GRID + x] = scale * Math.cos((Math.PI / (2 * GRID)) * (u + 1) * (2 * x + 1));
  }
  return m;
})();

// Scratch space reused across calls (engines run synchronously, so there is no re-entrancy).
const grid = new Float64Array(GRID * GRID);
const half = new Float64Array(BLOCK * GRID);
const sorted = new Float64Array(BLOCK * BLOCK);
const foldSum = new Float64Array((GRID / 2) * GRID);
const foldDiff = new Float64Array((GRID / 2) * GRID);
const rowSum = new Float64Array(GRID / 2);
const rowDiff = new Float64Array(GRID / 2);

/**
 * Quality: the summed absolute differences between neighbours, each quantised to whole percent of
 * the 0–255 range (so only visible steps count), scaled so that 100 is a well-textured picture.
 */
function qualityOf(g: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const v = g[i * GRID + j]!;
      if (i + 1 < GRID) sum += Math.abs(Math.trunc(((v - g[(i + 1) * GRID + j]!) * 100) / 255));
      if (j + 1 < GRID) sum += Math.abs(Math.trunc(((v - g[i * GRID + j + 1]!) * 100) / 255));
    }
  }
  return Math.min(100, Math.floor(sum / 90));
}

/**
 * dct = D · grid · Dᵀ, computing only the 16×16 block that PDQ keeps. Each basis row is even or
 * odd about the middle (row u+1 of the DCT-II: D[u][63−y] = (−1)^(u+1) · D[u][y]), so each pass
 * first folds the 64 inputs into 32 sums and 32 differences and multiplies half as much.
 */
function dct16(g: Float64Array, out: Float64Array): void {
  const H = GRID >> 1;
  // First pass (over y, for every column x): fold rows y and 63−y.
  for (let y = 0; y < H; y++) {
    const a = y * GRID;
    const b = (GRID - 1 - y) * GRID;
    const fa = y * GRID;
    for (let x = 0; x < GRID; x++) {
      const p = g[a + x]!;
      const q = g[b + x]!;
      foldSum[fa + x] = p + q;
      foldDiff[fa + x] = p - q;
    }
  }
  for (let u = 0; u < BLOCK; u++) {
    const du = u * GRID;
    // Row u+1 is even about the middle for odd u (u+1 even), odd for even u.
    const src = u & 1 ? foldSum : foldDiff;
    // Four columns at a time in locals: one store per sum instead of one per term.
    for (let x = 0; x < GRID; x += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let y = 0, f = x; y < H; y++, f += GRID) {
        const c = DCT[du + y]!;
        s0 += c * src[f]!;
        s1 += c * src[f + 1]!;
        s2 += c * src[f + 2]!;
        s3 += c * src[f + 3]!;
      }
      half[du + x] = s0;
      half[du + x + 1] = s1;
      half[du + x + 2] = s2;
      half[du + x + 3] = s3;
    }
  }
  // Second pass (over x, for every kept row u): fold columns x and 63−x.
  for (let u = 0; u < BLOCK; u++) {
    const hu = u * GRID;
    for (let x = 0; x < H; x++) {
      const p = half[hu + x]!;
      const q = half[hu + GRID - 1 - x]!;
      rowSum[x] = p + q;
      rowDiff[x] = p - q;
    }
    for (let v = 0; v < BLOCK; v++) {
      const dv = v * GRID;
      const src = v & 1 ? rowSum : rowDiff;
      let s = 0;
      for (let x = 0; x < H; x++) s += src[x]! * DCT[dv + x]!;
      // A flat picture's coefficients are rounding noise (~1e-13); zero them so it hashes to the
      // same (empty) hash every time instead of to noise. Real structure is orders larger.
      out[u * BLOCK + v] = Math.abs(s) < 1e-6 ? 0 : s;
    }
  }
}

/**
 * The DCT block and quality of an image (or of `box` inside it). Pictures smaller than 5 pixels
 * either way give an all-zero block and quality 0, as the reference does.
 */
export function pdqTransform(
  pixels: Pixels,
  box?: Box,
  out: Float64Array = new Float64Array(BLOCK * BLOCK),
): PdqTransform {
  const region = box ?? { left: 0, top: 0, width: pixels.width, height: pixels.height };
  if (region.width < MIN_DIMENSION || region.height < MIN_DIMENSION) {
    out.fill(0);
    return { dct: out, quality: 0 };
  }
  downsampleLuma(pixels, region, grid);
  const quality = qualityOf(grid);
  dct16(grid, out);
  return { dct: out, quality };
}

/**
 * The 256 hash bits of a DCT block: bit (u, v) is set when that coefficient exceeds the median
 * (the lower of the two middle values, so exactly half the bits are set when values differ).
 * Bit u·16+v sits where the reference's 16-bit-word hex format prints it: word u is printed
 * most-significant word first, bit v within that word.
 */
export function bitsFromDct(dct: Float64Array, out: Uint8Array = new Uint8Array(32)): Uint8Array {
  sorted.set(dct);
  sorted.sort();
  const median = sorted[(BLOCK * BLOCK) / 2 - 1]!;
  out.fill(0);
  for (let u = 0; u < BLOCK; u++) {
    const hi = (BLOCK - 1 - u) * 2;
    for (let v = 0; v < BLOCK; v++) {
      if (dct[u * BLOCK + v]! > median) out[v >= 8 ? hi : hi + 1]! |= 1 << (v & 7);
    }
  }
  return out;
}

const dctScratch = new Float64Array(BLOCK * BLOCK);

/** PDQ hash and quality of an image, or of `box` inside it (used for border-trimmed hashes). */
export function pdqHash(pixels: Pixels, box?: Box): PdqHash {
  const { dct, quality } = pdqTransform(pixels, box, dctScratch);
  return { hash: bitsFromDct(dct), quality };
}

/**
 * The PDQ hash of `box` given the row pass of its columns (`rowsOfSpan(pixels, box.left,
 * box.width)`): the same hash and quality as `pdqHash(pixels, box)`, for many boxes over one span.
 */
export function pdqHashOfRows(rows: Float64Array, box: Box): PdqHash {
  if (box.width < MIN_DIMENSION || box.height < MIN_DIMENSION)
    return { hash: new Uint8Array(32), quality: 0 };
  downsampleRows(rows, box.top, box.height, grid);
  const quality = qualityOf(grid);
  dct16(grid, dctScratch);
  return { hash: bitsFromDct(dctScratch), quality };
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** 64 lowercase hex digits, the form every PDQ tool prints. */
export function toHex(hash: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 32; i++) s += HEX[hash[i]!]!;
  return s;
}

/** Parses 64 hex digits (either case); throws RangeError on anything else. */
export function fromHex(hex: string): Uint8Array {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new RangeError(`not a PDQ hash: "${hex.slice(0, 80)}"`);
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Number of differing bits between two 256-bit hashes (0–256), as 8 popcounts over 32-bit words
 * read straight from the bytes (works for any byteOffset, allocates nothing).
 */
export function hammingDistance(a: Uint8Array, b: Uint8Array): number {
  let d = 0;
  for (let i = 0; i < 32; i += 4) {
    const x =
      (a[i]! ^ b[i]!) |
      ((a[i + 1]! ^ b[i + 1]!) << 8) |
      ((a[i + 2]! ^ b[i + 2]!) << 16) |
      ((a[i + 3]! ^ b[i + 3]!) << 24);
    d += popcount32(x);
  }
  return d;
}
