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
import type { Pixels, PdqHash } from './types.ts';

/** A rectangle of an image in pixels (left/top inclusive). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The 16×16 DCT block (row-major, vertical frequency first) and the quality it came with. */
export interface PdqTransform {
  dct: Float64Array;
  quality: number;
}

/** Below this many pixels in either direction the picture carries no usable structure. */
const MIN_DIMENSION = 5;
const GRID = 64;
const BLOCK = 16;

/**
 * Rows 1..16 of the 64-point DCT-II basis (row 0, the mean, carries no structure and is skipped),
 * scaled by √(2/64). Float64 so the sums round once, at the end.
 */
const DCT = (() => {
  const m = new Float64Array(BLOCK * GRID);
  const scale = Math.sqrt(2 / GRID);
  for (let u = 0; u < BLOCK; u++) {
    for (let x = 0; x < GRID; x++) m[u * GRID + x] = scale * Math.cos((Math.PI / (2 * GRID)) * (u + 1) * (2 * x + 1));
  }
  return m;
})();

// Scratch space reused across calls (engines run synchronously, so there is no re-entrancy).
let planeA = new Float32Array(0);
let planeB = new Float32Array(0);
let columnSums = new Float64Array(0);
const grid = new Float64Array(GRID * GRID);
const half = new Float64Array(BLOCK * GRID);
const sorted = new Float64Array(BLOCK * BLOCK);

function ensureScratch(n: number, width: number): void {
  if (planeA.length < n) {
    planeA = new Float32Array(n);
    planeB = new Float32Array(n);
  }
  if (columnSums.length < width) columnSums = new Float64Array(width);
}

/** Writes the luminance of `box` of `pixels` into `out` (row-major, box.width per row). */
function fillLuma(pixels: Pixels, box: Box, out: Float32Array): void {
  const { data, channels, width } = pixels;
  let o = 0;
  for (let y = box.top; y < box.top + box.height; y++) {
    let p = (y * width + box.left) * channels;
    if (channels >= 3) {
      for (let x = 0; x < box.width; x++, p += channels) {
        out[o++] = 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!;
      }
    } else {
      for (let x = 0; x < box.width; x++, p += channels) out[o++] = data[p]!;
    }
  }
}

/**
 * Window length of one box pass: half the span of pixels that fold into one of the `target`
 * output cells, rounded up (two passes then cover the whole span, which makes the tent).
 */
function windowFor(length: number, target: number): number {
  return Math.floor((length + 2 * target - 1) / (2 * target));
}

/**
 * Box mean along each row. The window for output x spans [x - behind, x + ahead], clipped at the
 * edges, where the mean divides by the pixels actually inside.
 */
function boxRows(src: Float32Array, dst: Float32Array, rows: number, cols: number, window: number): void {
  const ahead = Math.floor((window + 2) / 2) - 1;
  const behind = window - ahead - 1;
  for (let r = 0, base = 0; r < rows; r++, base += cols) {
    let sum = 0;
    for (let x = 0; x < ahead; x++) sum += src[base + x]!;
    for (let x = 0; x < cols; x++) {
      const enter = x + ahead;
      const leave = x - behind - 1;
      if (enter < cols) sum += src[base + enter]!;
      if (leave >= 0) sum -= src[base + leave]!;
      const lo = leave + 1 > 0 ? leave + 1 : 0;
      const hi = enter < cols ? enter : cols - 1;
      dst[base + x] = sum / (hi - lo + 1);
    }
  }
}

/**
 * The same box mean down each column, swept row by row with one running sum per column so memory
 * is read in order. Only columns listed in `only` are produced when given (the last pass feeds
 * the decimation, which reads 64 columns).
 */
function boxCols(
  src: Float32Array,
  dst: Float32Array,
  rows: number,
  cols: number,
  window: number,
  only?: Int32Array,
): void {
  const ahead = Math.floor((window + 2) / 2) - 1;
  const behind = window - ahead - 1;
  const sums = columnSums;
  const n = only ? only.length : cols;
  for (let k = 0; k < n; k++) sums[k] = 0;
  for (let y = 0; y < ahead; y++) {
    const base = y * cols;
    for (let k = 0; k < n; k++) sums[k]! += src[base + (only ? only[k]! : k)]!;
  }
  for (let y = 0; y < rows; y++) {
    const enter = y + ahead;
    const leave = y - behind - 1;
    const lo = leave + 1 > 0 ? leave + 1 : 0;
    const hi = enter < rows ? enter : rows - 1;
    const inv = 1 / (hi - lo + 1);
    const eb = enter * cols;
    const lb = leave * cols;
    const ob = y * cols;
    for (let k = 0; k < n; k++) {
      const c = only ? only[k]! : k;
      let s = sums[k]!;
      if (enter < rows) s += src[eb + c]!;
      if (leave >= 0) s -= src[lb + c]!;
      sums[k] = s;
      dst[ob + c] = s * inv;
    }
  }
}

/** Indices of the 64 cell centres along a dimension of `length` pixels. */
function centres(length: number): Int32Array {
  const out = new Int32Array(GRID);
  for (let k = 0; k < GRID; k++) out[k] = Math.floor(((k + 0.5) * length) / GRID);
  return out;
}

const centreCache = new Map<number, Int32Array>();
function centresCached(length: number): Int32Array {
  let c = centreCache.get(length);
  if (!c) {
    if (centreCache.size > 64) centreCache.clear();
    c = centres(length);
    centreCache.set(length, c);
  }
  return c;
}

/** Tent-filters the luma plane (rows × cols in planeA) and samples it into the 64×64 grid. */
function downsample(rows: number, cols: number): void {
  const rowWindow = windowFor(cols, GRID);
  const colWindow = windowFor(rows, GRID);
  const xs = centresCached(cols);
  const ys = centresCached(rows);
  boxRows(planeA, planeB, rows, cols, rowWindow);
  boxCols(planeB, planeA, rows, cols, colWindow);
  boxRows(planeA, planeB, rows, cols, rowWindow);
  boxCols(planeB, planeA, rows, cols, colWindow, xs);
  for (let i = 0; i < GRID; i++) {
    const base = ys[i]! * cols;
    for (let j = 0; j < GRID; j++) grid[i * GRID + j] = planeA[base + xs[j]!]!;
  }
}

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

/** dct = D · grid · Dᵀ, computing only the 16×16 block that PDQ keeps. */
function dct16(g: Float64Array, out: Float64Array): void {
  for (let u = 0; u < BLOCK; u++) {
    const du = u * GRID;
    for (let x = 0; x < GRID; x++) {
      let s = 0;
      for (let y = 0; y < GRID; y++) s += DCT[du + y]! * g[y * GRID + x]!;
      half[du + x] = s;
    }
  }
  for (let u = 0; u < BLOCK; u++) {
    const hu = u * GRID;
    for (let v = 0; v < BLOCK; v++) {
      const dv = v * GRID;
      let s = 0;
      for (let x = 0; x < GRID; x++) s += half[hu + x]! * DCT[dv + x]!;
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
export function pdqTransform(pixels: Pixels, box?: Box, out: Float64Array = new Float64Array(BLOCK * BLOCK)): PdqTransform {
  const region = box ?? { left: 0, top: 0, width: pixels.width, height: pixels.height };
  if (region.width < MIN_DIMENSION || region.height < MIN_DIMENSION) {
    out.fill(0);
    return { dct: out, quality: 0 };
  }
  ensureScratch(region.width * region.height, region.width);
  fillLuma(pixels, region, planeA);
  downsample(region.height, region.width);
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
  const median = sorted[BLOCK * BLOCK / 2 - 1]!;
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
      (a[i]! ^ b[i]!) | ((a[i + 1]! ^ b[i + 1]!) << 8) | ((a[i + 2]! ^ b[i + 2]!) << 16) | ((a[i + 3]! ^ b[i + 3]!) << 24);
    d += popcount32(x);
  }
  return d;
}
