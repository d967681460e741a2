/**
 * Comparing fingerprints: two pictures over their dihedral variants and border-trimmed hashes, and
 * a picture against the frames of a video. Pure: the media tools decode files into fingerprints,
 * this decides how close they are (`athar compare`, and matching at ingest).
 */
import type { CropProbe } from './crop.ts';
import { DIHEDRAL_VARIANTS, transformDct, type DihedralVariant } from './dihedral.ts';
import { bitsFromDct, hammingDistance, type Box } from './pdq.ts';
import { WEAK_QUALITY, type PdqHash, type Pixels, type VideoFrameHashes } from './types.ts';

export { MATCH_DISTANCE } from './types.ts';

/** A hash with the DCT block it came from, so the dihedral variants can be derived later. */
export interface ImageHash extends PdqHash {
  dct: Float64Array;
}

/** A still picture's fingerprint. */
export interface ImageFingerprint {
  kind: 'image';
  pdq: ImageHash;
  /** The hash inside uniform borders, or null when the picture has none. */
  trimmed: (ImageHash & { box: Box }) | null;
  /**
   * For crop-robust matching (crop.ts): the picture scaled down to PROBE_SIDE, which probes are
   * hashed from, the hash of its central window, and its coarse probes when already computed.
   * Absent where nobody asked for it.
   */
  crop?: { small: Pixels; window: PdqHash; probes?: CropProbe[] };
}

/** A video's (or an animated picture's) fingerprint: one hash per sampled frame (plus, per frame,
 * the hash inside uniform borders when it has any). */
export interface VideoFingerprint {
  kind: 'video';
  durationS: number;
  frames: VideoFrameHashes[];
}

export type MediaFingerprint = ImageFingerprint | VideoFingerprint;

/** Whether a hash is too weak (too little structure) to count as evidence. */
export function isWeak(quality: number): boolean {
  return quality < WEAK_QUALITY;
}

/** How close two pictures are: the best over dihedral variants and trimmed/untrimmed hashes. */
export interface ImageComparison {
  distance: number;
  /** How the target relates to the query: `rotate90` = the target is the query turned 90° counter-clockwise. `+trimmed` when a border-trimmed hash gave the best match. */
  variant: string;
}

/**
 * Query `a` against target `b`: every dihedral variant of each of a's hashes (plain, trimmed)
 * against each of b's. Ties keep the plainest explanation (original, untrimmed).
 */
export function compareImages(a: ImageFingerprint, b: ImageFingerprint): ImageComparison {
  const queries = [{ h: a.pdq, trimmed: false }, ...(a.trimmed ? [{ h: a.trimmed, trimmed: true }] : [])];
  const targets = [{ h: b.pdq, trimmed: false }, ...(b.trimmed ? [{ h: b.trimmed, trimmed: true }] : [])];
  let best: ImageComparison = { distance: 257, variant: 'original' };
  const block = new Float64Array(256);
  const bits = new Uint8Array(32);
  for (const variant of DIHEDRAL_VARIANTS) {
    for (const q of queries) {
      const hash =
        variant === 'original' ? q.h.hash : bitsFromDct(transformDct(q.h.dct, variant, block), bits);
      for (const t of targets) {
        const distance = hammingDistance(hash, t.h.hash);
        if (distance < best.distance)
          best = { distance, variant: variant + (q.trimmed || t.trimmed ? '+trimmed' : '') };
      }
    }
  }
  return best;
}

/** A picture against a video: its best frame, and when that frame is shown. */
export interface ImageVideoComparison {
  /** null when the video has no frame of quality ≥ 50 to compare with. */
  distance: number | null;
  at: number | null;
  variant: string | null;
}

/**
 * The picture's dihedral variants (plain and trimmed) against every frame of quality ≥ 50, and
 * against that frame's trimmed hash too. Weak frames are flat or dark: they "match" anything flat,
 * so they are never matched.
 */
export function compareImageToVideo(image: ImageFingerprint, video: VideoFingerprint): ImageVideoComparison {
  const hashes: { variant: DihedralVariant; trimmed: boolean; hash: Uint8Array }[] = [];
  for (const variant of DIHEDRAL_VARIANTS) {
    for (const h of [image.pdq, ...(image.trimmed ? [image.trimmed] : [])]) {
      hashes.push({ variant, trimmed: h !== image.pdq, hash: bitsFromDct(transformDct(h.dct, variant)) });
    }
  }
  let best: ImageVideoComparison = { distance: null, at: null, variant: null };
  for (const frame of video.frames) {
    if (isWeak(frame.quality)) continue;
    const targets = [{ hash: frame.hash, trimmed: false }];
    if (frame.trimmed && !isWeak(frame.trimmed.quality))
      targets.push({ hash: frame.trimmed.hash, trimmed: true });
    for (const q of hashes) {
      for (const t of targets) {
        const distance = hammingDistance(q.hash, t.hash);
        if (best.distance === null || distance < best.distance) {
          best = { distance, at: frame.t, variant: q.variant + (q.trimmed || t.trimmed ? '+trimmed' : '') };
        }
      }
    }
  }
  return best;
}
