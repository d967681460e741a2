/**
 * PDQ's downsampling: luminance, then a Jarosz tent filter (a box filter along rows, then along
 * columns, twice) and decimation to a 64×64 grid at the cell centres.
 *
 * How it is computed, and why: the filter is linear, and each box pass acts on one axis only
 * (its edge normalisation depends only on the position along that axis), so the row passes and
 * the column passes commute and the whole filter is separable — an output sample is
 * Σ_y V_i(y) Σ_x H_j(x) · luma(y, x), where H_j is what the two row passes do to column j's
 * centre and V_i the same for rows. Only the 64×64 samples are ever read, so instead of filtering
 * whole planes (four passes over the picture, which cost more than decoding it) the weights of
 * the 64 sampled columns and rows are built once per picture size, and every pixel is touched
 * once, in one multiply-add per channel. The arithmetic is the same box means, in float64.
 *
 * Pure, synchronous; scratch buffers are module-level and only grow.
 */
import type { Pixels } from './types.ts';

/** A rectangle of an image in pixels (left/top inclusive). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Side of the grid PDQ downsamples to. */
export const GRID = 64;

/**
 * Window length of one box pass: half the span of pixels that fold into one of the `target`
 * output cells, rounded up (two passes then cover the whole span, which makes the tent).
 */
export function windowFor(length: number, target: number): number {
  return Math.floor((length + 2 * target - 1) / (2 * target));
}

/** Indices of the 64 cell centres along a dimension of `length` pixels. */
export function centres(length: number): Int32Array {
  const out = new Int32Array(GRID);
  for (let k = 0; k < GRID; k++) out[k] = Math.floor(((k + 0.5) * length) / GRID);
  return out;
}

/** The combined weights of two box passes at each of the 64 sampled positions of one axis. */
export interface AxisTaps {
  /** First pixel each sample reads. */
  start: Int32Array;
  /** How many consecutive pixels each sample reads. */
  count: Int32Array;
  /** Where each sample's weights begin in `weights`. */
  offset: Int32Array;
  weights: Float64Array;
}

/**
 * Weights of "box, then box again, then take the sample at the cell centre" along an axis of
 * `length` pixels. One box pass at position a averages [a − behind, a + ahead] clipped to the
 * axis, dividing by the pixels actually inside.
 */
export function axisTaps(length: number): AxisTaps {
  const window = windowFor(length, GRID);
  const ahead = Math.floor((window + 2) / 2) - 1;
  const behind = window - 1 - ahead;
  const lo = (a: number) => (a - behind > 0 ? a - behind : 0);
  const hi = (a: number) => (a + ahead < length ? a + ahead : length - 1);
  const at = centres(length);
  const start = new Int32Array(GRID);
  const count = new Int32Array(GRID);
  const offset = new Int32Array(GRID);
  const chunks: Float64Array[] = [];
  let total = 0;
  for (let j = 0; j < GRID; j++) {
    const c = at[j]!;
    const first = lo(lo(c));
    const last = hi(hi(c));
    const w = new Float64Array(last - first + 1);
    const outer = 1 / (hi(c) - lo(c) + 1);
    for (let k = lo(c); k <= hi(c); k++) {
      const inner = outer / (hi(k) - lo(k) + 1);
      for (let x = lo(k); x <= hi(k); x++) w[x - first]! += inner;
    }
    start[j] = first;
    count[j] = w.length;
    offset[j] = total;
    total += w.length;
    chunks.push(w);
  }
  const weights = new Float64Array(total);
  chunks.forEach((w, j) => weights.set(w, offset[j]));
  return { start, count, offset, weights };
}

// Weights depend only on the size; pictures of one size (video frames) share them, and the crop
// probes of a picture (~720 boxes) use a few hundred sizes between them.
const tapCache = new Map<number, AxisTaps>();
function tapsFor(length: number): AxisTaps {
  let t = tapCache.get(length);
  if (!t) {
    if (tapCache.size >= 1024) tapCache.clear();
    t = axisTaps(length);
    tapCache.set(length, t);
  }
  return t;
}

let rowSamples = new Float64Array(0); // height × 64: the row passes, at the 64 sampled columns
let rowNeeded = new Uint8Array(0);

/** Luminance of `box` of `pixels`, tent-filtered and sampled into `grid` (64×64, row-major). */
export function downsampleLuma(pixels: Pixels, box: Box, grid: Float64Array): void {
  const { width, height, left, top } = box;
  const rows = tapsFor(height);
  if (rowSamples.length < height * GRID) {
    rowSamples = new Float64Array(height * GRID);
    rowNeeded = new Uint8Array(height);
  }
  rowNeeded.fill(0, 0, height);
  for (let i = 0; i < GRID; i++) rowNeeded.fill(1, rows.start[i], rows.start[i]! + rows.count[i]!);
  rowPass(pixels, left, width, top, height, rowNeeded, rowSamples);
  columnPass(rowSamples, 0, height, grid);
}

/**
 * The row pass of every row of `pixels` over the columns `[left, left + width)`: `pixels.height`
 * rows of 64 samples. Boxes that share those columns share it (`downsampleRows`), so the crop
 * probes, 19 boxes per column span, filter each row once per span instead of once per box.
 */
export function rowsOfSpan(pixels: Pixels, left: number, width: number): Float64Array {
  const out = new Float64Array(pixels.height * GRID);
  rowPass(pixels, left, width, 0, pixels.height, null, out);
  return out;
}

/**
 * The 64×64 grid of the box `[top, top + height)` × the span `rows` came from (`rowsOfSpan`):
 * the same numbers `downsampleLuma` gives for that box.
 */
export function downsampleRows(rows: Float64Array, top: number, height: number, grid: Float64Array): void {
  columnPass(rows, top, height, grid);
}

/** Rows `[top, top + height)` (those `need` marks, or all), filtered along x into `out` (row y − top). */
function rowPass(
  pixels: Pixels,
  left: number,
  width: number,
  top: number,
  height: number,
  need: Uint8Array | null,
  out64: Float64Array,
): void {
  const { data, channels, width: stride } = pixels;
  const cols = tapsFor(width);
  const { start, count, offset, weights } = cols;
  for (let y = 0; y < height; y++) {
    if (need && need[y] === 0) continue;
    const rowBase = ((top + y) * stride + left) * channels;
    const out = y * GRID;
    if (channels === 3) {
      // Luminance ×1000 in integers (exact), two taps per turn into separate sums so the
      // additions do not wait on each other; the stride is a literal so V8 keeps the loop tight.
      for (let j = 0; j < GRID; j++) {
        let a = 0;
        let b = 0;
        let p = rowBase + start[j]! * 3;
        let t = offset[j]!;
        const end = t + count[j]!;
        for (; t + 1 < end; t += 2, p += 6) {
          a += weights[t]! * (299 * data[p]! + 587 * data[p + 1]! + 114 * data[p + 2]!);
          b += weights[t + 1]! * (299 * data[p + 3]! + 587 * data[p + 4]! + 114 * data[p + 5]!);
        }
        if (t < end) a += weights[t]! * (299 * data[p]! + 587 * data[p + 1]! + 114 * data[p + 2]!);
        out64[out + j] = (a + b) / 1000;
      }
    } else if (channels === 4) {
      for (let j = 0; j < GRID; j++) {
        let a = 0;
        let b = 0;
        let p = rowBase + start[j]! * 4;
        let t = offset[j]!;
        const end = t + count[j]!;
        for (; t + 1 < end; t += 2, p += 8) {
          a += weights[t]! * (299 * data[p]! + 587 * data[p + 1]! + 114 * data[p + 2]!);
          b += weights[t + 1]! * (299 * data[p + 4]! + 587 * data[p + 5]! + 114 * data[p + 6]!);
        }
        if (t < end) a += weights[t]! * (299 * data[p]! + 587 * data[p + 1]! + 114 * data[p + 2]!);
        out64[out + j] = (a + b) / 1000;
      }
    } else if (channels === 1) {
      // Grey: contiguous taps.
      for (let j = 0; j < GRID; j++) {
        let s = 0;
        let p = rowBase + start[j]!;
        for (let t = offset[j]!, end = t + count[j]!; t < end; t++, p++) s += weights[t]! * data[p]!;
        out64[out + j] = s;
      }
    } else {
      for (let j = 0; j < GRID; j++) {
        let s = 0;
        let p = rowBase + start[j]! * channels;
        for (let t = offset[j]!, end = t + count[j]!; t < end; t++, p += channels)
          s += weights[t]! * data[p]!;
        out64[out + j] = s;
      }
    }
  }
}

/** The column pass: the box's rows (`samples` rows `first ..`) filtered along y and sampled. */
function columnPass(samples: Float64Array, first: number, height: number, grid: Float64Array): void {
  const rows = tapsFor(height);
  grid.fill(0);
  for (let i = 0; i < GRID; i++) {
    const g = i * GRID;
    for (let t = rows.offset[i]!, y = rows.start[i]!, end = t + rows.count[i]!; t < end; t++, y++) {
      const w = rows.weights[t]!;
      const src = (first + y) * GRID;
      for (let j = 0; j < GRID; j++) grid[g + j]! += w * samples[src + j]!;
    }
  }
}
