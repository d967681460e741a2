/**
 * Matching a fingerprint against every stored one in the installation. The index proposes
 * (every stored hash within 31 bits of any of the query's hashes — its dihedral variants and
 * border-trimmed hashes for a picture, its strong frames for a video); the engine then decides per
 * candidate item, with the full comparison for video against video (the share of the query's
 * frames found, and where).
 *
 * What is decided automatically: the same SHA-256 is the same file (confirmed); two pictures
 * within 12 bits, or a video whose frames are ≥ 80 % found within 12 bits, are confirmed copies
 * (Meedan Check's "confirmed" similarity, about 12 bits of PDQ); everything else within 31 bits
 * (HMA's PDQ threshold) is a suggestion for a reviewer, whose rejection is remembered.
 *
 * Pictures are also matched through crops (the engine's crop.ts): each stored picture has the hash
 * of its central window ('window' rows), which only crop probes are compared with; a crop found
 * that way is always a suggestion, never confirmed automatically.
 */
import {
  isWeak,
  MATCH_DISTANCE,
  type ImageFingerprint,
  type MediaFingerprint,
} from '#src/engines/fingerprint/compare.ts';
import {
  COARSE_RADIUS,
  coarseProbes,
  describeCrop,
  PROBE_MIN_QUALITY,
  searchCrops,
} from '#src/engines/fingerprint/crop.ts';
import { dihedralFromDct } from '#src/engines/fingerprint/dihedral.ts';
import { fromHex } from '#src/engines/fingerprint/pdq.ts';
import { compareVideos, type MatchedRange, type MatchFrame } from '#src/engines/fingerprint/video-match.ts';
import type { Context } from '#src/platform/context.ts';
import type { HashIndex } from './hash-index.ts';
import { MediaRepository, type MediaItemRow } from './media.repository.ts';
import type { MatchHow, MatchStatus } from './media.tables.ts';

/** Confirmed without a reviewer at or under this distance. */
export const CONFIRM_DISTANCE = 12;
/** A video is a confirmed copy when this share of its strong frames is found within CONFIRM_DISTANCE. */
const CONFIRM_VIDEO_SHARE = 0.8;
/** A video is suggested when at least this share of its strong frames is found (or a range is). */
const SUGGEST_VIDEO_SHARE = 0.2;

export interface FoundMatch {
  itemId: string;
  how: MatchHow;
  distance: number | null;
  /** How the stored item relates to the query: 'rotate90', '+trimmed', 'frame at 12 s', ... */
  variant: string | null;
  queryMatch: number | null;
  ranges: MatchedRange[];
  status: MatchStatus;
}

/** The hashes to store for a fingerprint (one row each; the index is built from them). */
export function hashRows(
  fp: MediaFingerprint,
): { variant: string; t: number | null; hash: string; quality: number }[] {
  const hex = (h: Uint8Array) => Buffer.from(h).toString('hex');
  if (fp.kind === 'image') {
    return [
      { variant: 'pdq', t: null, hash: hex(fp.pdq.hash), quality: fp.pdq.quality },
      ...(fp.trimmed
        ? [{ variant: 'trimmed', t: null, hash: hex(fp.trimmed.hash), quality: fp.trimmed.quality }]
        : []),
      ...(fp.crop
        ? [{ variant: 'window', t: null, hash: hex(fp.crop.window.hash), quality: fp.crop.window.quality }]
        : []),
    ];
  }
  return fp.frames.flatMap((f) => [
    { variant: 'frame', t: f.t, hash: hex(f.hash), quality: f.quality },
    ...(f.trimmed
      ? [{ variant: 'frame-trimmed', t: f.t, hash: hex(f.trimmed.hash), quality: f.trimmed.quality }]
      : []),
  ]);
}

/** The variant of the stored central-window hashes, which only crop probes are compared with. */
const WINDOW = 'window';

/**
 * Pictures this one is a crop of, or that are crops of it: every strong coarse probe is searched
 * among the stored windows at COARSE_RADIUS; for each picture proposed (and not already matched
 * whole), the best probe is refined against that picture's window and kept within 31 bits.
 */
async function cropMatches(
  repo: MediaRepository,
  index: HashIndex,
  fp: ImageFingerprint,
  self: string | null,
  whole: ReadonlyMap<string, unknown>,
): Promise<FoundMatch[]> {
  if (!fp.crop) return [];
  const query = { small: fp.crop.small, probes: fp.crop.probes ?? coarseProbes(fp.crop.small) };
  const skip = (id: string) => id === self || whole.has(id);
  // The windows of the stored pictures the probes propose are read first (one query), so the
  // search runs once per probe: its results are kept for the refinement.
  const hits = new Map<Uint8Array, { id: string; distance: number }[]>();
  const proposed = new Set<string>();
  for (const p of query.probes) {
    if (p.quality < PROBE_MIN_QUALITY) continue;
    const found = index
      .searchWindows(p.hash, COARSE_RADIUS)
      .filter((m) => !skip(m.itemId))
      .map((m) => ({ id: m.itemId, distance: m.distance }));
    hits.set(p.hash, found);
    for (const m of found) proposed.add(m.id);
  }
  if (proposed.size === 0) return [];
  const windows = new Map(
    (await repo.hashesOf([...proposed]))
      .filter((r) => r.variant === WINDOW)
      .map((r) => [r.item_id, fromHex(r.hash)] as const),
  );
  const found = searchCrops(
    query,
    (hash) => hits.get(hash) ?? [],
    (id) => windows.get(id),
    skip,
  );
  return found.map((c) => {
    const how = describeCrop(c.geometry);
    return {
      itemId: c.id,
      how: 'image' as const,
      distance: c.distance,
      variant:
        c.direction === 'query-is-crop'
          ? `a crop: this picture ${how} of the other`
          : `a crop: the other picture ${how} of this one`,
      queryMatch: null,
      ranges: [],
      status: 'suggested' as const,
    };
  });
}

interface Candidate {
  distance: number;
  variant: string;
  frames: Set<number>;
  closeFrames: Set<number>;
}

/**
 * Every stored item this fingerprint matches, best first. `self` (the item being processed) is
 * left out; `sha256` finds byte-identical items in other cases.
 */
export async function findMatches(
  ctx: Context,
  index: HashIndex,
  fp: MediaFingerprint,
  opts: { self: string | null; sha256: string | null },
): Promise<FoundMatch[]> {
  await index.refresh(ctx);
  const candidates = new Map<string, Candidate>();
  const note = (itemId: string, distance: number, variant: string, frame: number) => {
    if (itemId === opts.self) return;
    let c = candidates.get(itemId);
    if (!c) candidates.set(itemId, (c = { distance, variant, frames: new Set(), closeFrames: new Set() }));
    if (distance < c.distance) {
      c.distance = distance;
      c.variant = variant;
    }
    c.frames.add(frame);
    if (distance <= CONFIRM_DISTANCE) c.closeFrames.add(frame);
  };
  let strongFrames = 0;
  if (fp.kind === 'image') {
    const queries = [
      { h: fp.pdq, trimmed: false },
      ...(fp.trimmed ? [{ h: fp.trimmed, trimmed: true }] : []),
    ];
    for (const q of queries) {
      if (isWeak(q.h.quality)) continue;
      for (const { variant, hash } of dihedralFromDct(q.h.dct))
        for (const m of index.search(hash, MATCH_DISTANCE)) {
          const parts = [
            variant,
            ...(q.trimmed || m.variant.endsWith('trimmed') ? ['trimmed'] : []),
            ...(m.t !== null ? [`frame at ${m.t.toFixed(1)} s`] : []),
          ];
          note(m.itemId, m.distance, parts.join(' · '), 0);
        }
    }
  } else {
    fp.frames.forEach((f, i) => {
      if (isWeak(f.quality)) return;
      strongFrames++;
      for (const h of [f.hash, ...(f.trimmed && !isWeak(f.trimmed.quality) ? [f.trimmed.hash] : [])])
        for (const m of index.search(h, MATCH_DISTANCE))
          note(m.itemId, m.distance, m.t !== null ? `frame at ${m.t.toFixed(1)} s` : 'picture', i);
    });
  }

  const repo = ctx.repo(MediaRepository);
  const out: FoundMatch[] = [];
  const crops = fp.kind === 'image' ? await cropMatches(repo, index, fp, opts.self, candidates) : [];
  if (opts.sha256)
    for (const other of await repo.itemsBySha(opts.sha256))
      if (other.id !== opts.self) {
        candidates.delete(other.id);
        out.push({
          itemId: other.id,
          how: 'sha256',
          distance: 0,
          variant: 'the same bytes',
          queryMatch: null,
          ranges: [],
          status: 'confirmed',
        });
      }
  for (const c of crops) if (!out.some((o) => o.itemId === c.itemId)) out.push(c);
  if (candidates.size === 0) return out;

  const items = new Map<string, MediaItemRow>(
    (await repo.items([...candidates.keys()])).map((r) => [r.id, r] as const),
  );
  const videoIds = [...candidates.keys()].filter((id) => items.get(id)?.kind === 'video');
  const framesOf = new Map<string, MatchFrame[]>();
  if (fp.kind === 'video' && videoIds.length > 0) {
    for (const r of await repo.hashesOf(videoIds)) {
      if (r.variant !== 'frame' && r.variant !== 'frame-trimmed') continue;
      let frames = framesOf.get(r.item_id);
      if (!frames) framesOf.set(r.item_id, (frames = []));
      const hash = fromHex(r.hash);
      if (r.variant === 'frame') frames.push({ i: frames.length, t: r.t ?? 0, hash, quality: r.quality });
      else {
        const last = frames[frames.length - 1];
        if (last && last.t === r.t) last.trimmed = { hash, quality: r.quality };
      }
    }
  }
  for (const [itemId, c] of candidates) {
    const item = items.get(itemId);
    if (!item) continue;
    if (fp.kind === 'image') {
      out.push({
        itemId,
        how: item.kind === 'video' ? 'video' : 'image',
        distance: c.distance,
        variant: c.variant,
        queryMatch: null,
        ranges: [],
        status: c.distance <= CONFIRM_DISTANCE ? 'confirmed' : 'suggested',
      });
      continue;
    }
    const share = strongFrames === 0 ? 0 : c.frames.size / strongFrames;
    const closeShare = strongFrames === 0 ? 0 : c.closeFrames.size / strongFrames;
    const target = framesOf.get(itemId);
    const compared = target ? compareVideos(fp.frames, target) : null;
    const queryMatch = compared ? compared.queryMatch : share;
    const ranges = compared?.ranges ?? [];
    if (queryMatch < SUGGEST_VIDEO_SHARE && ranges.length === 0) continue;
    out.push({
      itemId,
      how: 'video',
      distance: c.distance,
      variant: c.variant,
      queryMatch,
      ranges,
      status: closeShare >= CONFIRM_VIDEO_SHARE ? 'confirmed' : 'suggested',
    });
  }
  return out.sort(
    (a, b) => (a.distance ?? 0) - (b.distance ?? 0) || (b.queryMatch ?? 1) - (a.queryMatch ?? 1),
  );
}
