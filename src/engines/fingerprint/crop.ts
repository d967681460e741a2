/**
 * Crop-robust matching. PDQ hashes the whole picture, so a copy that keeps the central 84 % of each
 * side is ~100 bits from its original (Meta's reference finds none of 27 such crops) and a
 * screenshot that cuts an edge is lost. athar finds such copies with one extra hash per stored
 * picture and a fixed set of probes per query.
 *
 * **The window.** Every stored picture also gets the PDQ hash of its central window, the middle
 * 60 % of each side (WINDOW_FROM..WINDOW_TO). A crop that keeps at least 80 % of a side, wherever
 * it is anchored, still contains that window whole.
 *
 * **The probes.** For a query picture, each crop hypothesis — per axis: uncut, or keeping a
 * fraction f of the side centred, from the start edge or from the end edge, f on a grid over
 * 80–90 % — says where the original's window would lie inside the query: `[(0.2 − o)/f,
 * (0.8 − o)/f]` of the query's side, o being where the kept part starts in the original. The box
 * of the query at that place is hashed and searched among the stored windows: a query that is a crop
 * finds its original. The same hypotheses read the other way — the query is the original, a stored
 * picture is its crop: the stored crop's window lies at `[o + 0.2f, o + 0.8f]` of the query — find
 * stored crops of a new picture. The hypothesis with both axes uncut is the window against the
 * window.
 *
 * **Tolerance.** PDQ tolerates about ±0.5 % of scale or shift between the probe and the window, so a
 * grid fine enough to hit every crop directly would need ~1,200 probes each way. Instead the coarse
 * grid (2 % steps: 19 choices per axis, 361 hypotheses each way) searches the index with a wider
 * radius (COARSE_RADIUS), and each candidate it proposes is refined: the hypotheses 1 % and then
 * 0.5 % either side of the best one, per axis, are hashed and compared with that candidate's
 * window directly. Only a
 * refined distance within 31 bits (PDQ's usual threshold) counts, and then only as a suggestion for
 * a reviewer: a crop is a different picture of the same scene as often as it is a copy.
 *
 * Probes ignore rotations and mirroring (a mirrored crop is not found), and video frames are not
 * probed. Pure: the caller gives pixels scaled down to PROBE_SIDE (hashing ~720 boxes of a
 * full-size photo would cost seconds; PDQ reduces every box to 64×64 anyway).
 */
import { rowsOfSpan } from './jarosz.ts';
import { hammingDistance, pdqHash, pdqHashOfRows, type Box } from './pdq.ts';
import { MATCH_DISTANCE, type PdqHash, type Pixels } from './types.ts';

/** The longest side of the pixels windows and probes are hashed from. */
export const PROBE_SIDE = 256;
/** The stored window: the middle 60 % of each side. */
export const WINDOW_FROM = 0.2;
export const WINDOW_TO = 0.8;
/** Coarse probes are searched this far; refined candidates must come within MATCH_DISTANCE (31). */
export const COARSE_RADIUS = 46;
/** The kept fractions of a cut side that the coarse grid tries. */
export const COARSE_FRACTIONS = [0.8, 0.82, 0.84, 0.86, 0.88, 0.9] as const;
/** Refinement tries this much either side of the best coarse fraction. */
const REFINE_STEPS = [0.01, 0.005] as const;
/**
 * A probe this weak is not searched. Stored windows must be strong (quality ≥ 50) to be indexed;
 * a probe only has to carry some structure, since a part of a sky or a wall that matches a strong
 * window within 31 bits is evidence enough (measured on the tuning set: no false match).
 */
export const PROBE_MIN_QUALITY = 20;

/** How one side of a copy relates to the original: the fraction kept and where it is anchored. */
export interface AxisCrop {
  /** Fraction of the original's side that is kept (1 when the side is uncut). */
  keep: number;
  anchor: 'uncut' | 'centre' | 'start' | 'end';
}

/** A crop hypothesis: the horizontal and the vertical side. */
export interface CropGeometry {
  x: AxisCrop;
  y: AxisCrop;
}

/**
 * `query-is-crop`: the probe stands for the window of an original the query was cut from;
 * `stored-is-crop`: the probe stands for the window of a crop cut from the query.
 */
export type CropDirection = 'query-is-crop' | 'stored-is-crop';

export interface CropProbe extends PdqHash {
  geometry: CropGeometry;
  direction: CropDirection;
}

/** Where the kept part starts in the original, as a fraction of its side. */
function offset(a: AxisCrop): number {
  if (a.anchor === 'centre') return (1 - a.keep) / 2;
  if (a.anchor === 'end') return 1 - a.keep;
  return 0;
}

/** The part of the query's side (as fractions) that a probe hashes, for one axis. */
function span(a: AxisCrop, direction: CropDirection): [number, number] {
  const o = offset(a);
  const f = a.keep;
  return direction === 'query-is-crop'
    ? [(WINDOW_FROM - o) / f, (WINDOW_TO - o) / f]
    : [o + WINDOW_FROM * f, o + WINDOW_TO * f];
}

function boxOf(p: Pixels, x: [number, number], y: [number, number]): Box {
  const left = Math.max(0, Math.round(x[0] * p.width));
  const top = Math.max(0, Math.round(y[0] * p.height));
  return {
    left,
    top,
    width: Math.max(1, Math.min(p.width, Math.round(x[1] * p.width)) - left),
    height: Math.max(1, Math.min(p.height, Math.round(y[1] * p.height)) - top),
  };
}

/** The PDQ hash of a picture's central window (stored beside its whole-picture hash). */
export function windowHash(pixels: Pixels): PdqHash {
  return pdqHash(pixels, boxOf(pixels, [WINDOW_FROM, WINDOW_TO], [WINDOW_FROM, WINDOW_TO]));
}

function axisChoices(fractions: readonly number[]): AxisCrop[] {
  return [
    { keep: 1, anchor: 'uncut' },
    ...fractions.flatMap((keep) => [
      { keep, anchor: 'centre' as const },
      { keep, anchor: 'start' as const },
      { keep, anchor: 'end' as const },
    ]),
  ];
}

/** Every crop hypothesis of the coarse grid: 19 per axis, 361 in all. */
export function coarseGeometries(fractions: readonly number[] = COARSE_FRACTIONS): CropGeometry[] {
  const axis = axisChoices(fractions);
  return axis.flatMap((x) => axis.map((y) => ({ x, y })));
}

/**
 * Row passes of a picture's column spans, kept while the picture lives: the probes of one span
 * (19 boxes of the coarse grid, more in refinement) filter its rows once. At most SPANS_KEPT a
 * picture (~130 KB each for a 256-px picture).
 */
const spanRows = new WeakMap<Pixels, Map<number, Float64Array>>();
const SPANS_KEPT = 64;

function rowsFor(pixels: Pixels, left: number, width: number): Float64Array {
  let spans = spanRows.get(pixels);
  if (!spans) spanRows.set(pixels, (spans = new Map<number, Float64Array>()));
  const key = left * 65536 + width;
  let rows = spans.get(key);
  if (!rows) {
    if (spans.size >= SPANS_KEPT) spans.clear();
    rows = rowsOfSpan(pixels, left, width);
    spans.set(key, rows);
  }
  return rows;
}

/** Hashes one probe (exactly `pdqHash` of its box, through the span's shared row pass). */
export function probe(pixels: Pixels, geometry: CropGeometry, direction: CropDirection): CropProbe {
  const box = boxOf(pixels, span(geometry.x, direction), span(geometry.y, direction));
  const h = pdqHashOfRows(rowsFor(pixels, box.left, box.width), box);
  return { hash: h.hash, quality: h.quality, geometry, direction };
}

/** The coarse probes of a query, both directions (722 hashes). */
export function coarseProbes(pixels: Pixels, fractions: readonly number[] = COARSE_FRACTIONS): CropProbe[] {
  const out: CropProbe[] = [];
  for (const g of coarseGeometries(fractions)) {
    out.push(probe(pixels, g, 'query-is-crop'));
    // Both axes uncut is the same box either way: hashed once.
    if (g.x.anchor !== 'uncut' || g.y.anchor !== 'uncut') out.push(probe(pixels, g, 'stored-is-crop'));
  }
  return out;
}

function neighbours(a: AxisCrop, step: number): AxisCrop[] {
  if (a.anchor === 'uncut') return [a];
  return [a.keep - step, a.keep, a.keep + step]
    .filter((k) => k > WINDOW_TO - WINDOW_FROM && k < 1)
    .map((keep) => ({ keep: Math.round(keep * 1000) / 1000, anchor: a.anchor }));
}

/**
 * The best of the hypotheses around `near` against one stored window: 1 % either side per axis,
 * then 0.5 % either side of the best of those (at most 16 more probes), with the distance and the
 * geometry that gives it.
 */
export function refine(
  pixels: Pixels,
  near: CropProbe,
  storedWindow: Uint8Array,
): { distance: number; geometry: CropGeometry; quality: number } {
  let best = {
    distance: hammingDistance(near.hash, storedWindow),
    geometry: near.geometry,
    quality: near.quality,
  };
  for (const step of REFINE_STEPS) {
    const centre = best.geometry;
    for (const x of neighbours(centre.x, step))
      for (const y of neighbours(centre.y, step)) {
        if (x.keep === centre.x.keep && y.keep === centre.y.keep) continue;
        const p = probe(pixels, { x, y }, near.direction);
        const distance = hammingDistance(p.hash, storedWindow);
        if (distance < best.distance) best = { distance, geometry: p.geometry, quality: p.quality };
      }
  }
  return best;
}

const pct = (f: number) => `${Math.round(f * 100)} %`;

function axisWords(a: AxisCrop, side: string, start: string, end: string): string {
  if (a.anchor === 'uncut') return `all of the ${side}`;
  if (a.anchor === 'centre') return `the middle ${pct(a.keep)} of the ${side}`;
  return `${pct(a.keep)} of the ${side} (cut at the ${a.anchor === 'start' ? end : start})`;
}

/** "keeps 84 % of the width (cut at the right) and all of the height", from the copy's side. */
export function describeCrop(geometry: CropGeometry): string {
  return `keeps ${axisWords(geometry.x, 'width', 'left', 'right')} and ${axisWords(geometry.y, 'height', 'top', 'bottom')}`;
}

/** A picture found through a crop: who, how close after refinement, and how it was cut. */
export interface CropMatch<Id> {
  id: Id;
  distance: number;
  geometry: CropGeometry;
  direction: CropDirection;
}

/**
 * The crop search, given a way to look up stored windows: every strong coarse probe of the query
 * is searched at COARSE_RADIUS; each stored picture proposed has its best probe refined against
 * its window; those within `accept` (MATCH_DISTANCE, 31 bits) are returned, nearest first. `skip` leaves out
 * pictures already matched whole (and the query itself).
 */
export function searchCrops<Id>(
  query: { small: Pixels; probes: readonly CropProbe[] },
  search: (hash: Uint8Array, radius: number) => Iterable<{ id: Id; distance: number }>,
  windowOf: (id: Id) => Uint8Array | undefined,
  skip: (id: Id) => boolean = () => false,
  /** Refined distances up to this are kept (benchmarks widen it to see the margin). */
  accept: number = MATCH_DISTANCE,
): CropMatch<Id>[] {
  const best = new Map<Id, { probe: CropProbe; distance: number }>();
  for (const p of query.probes) {
    if (p.quality < PROBE_MIN_QUALITY) continue;
    for (const m of search(p.hash, COARSE_RADIUS)) {
      if (skip(m.id)) continue;
      const b = best.get(m.id);
      if (!b || m.distance < b.distance) best.set(m.id, { probe: p, distance: m.distance });
    }
  }
  const out: CropMatch<Id>[] = [];
  for (const [id, { probe: p }] of best) {
    const window = windowOf(id);
    if (!window) continue;
    const r = refine(query.small, p, window);
    if (r.distance > accept || r.quality < PROBE_MIN_QUALITY) continue;
    out.push({ id, distance: r.distance, geometry: r.geometry, direction: p.direction });
  }
  return out.sort((a, b) => a.distance - b.distance);
}
