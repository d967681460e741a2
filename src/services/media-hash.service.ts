/**
 * Fingerprinting one media file and comparing two: the use case behind `athar hash` and
 * `athar compare` (and, later, ingest). The kind is decided from the content, never the name:
 * still pictures get a PDQ hash plus, when they have uniform borders, a second hash of what is
 * inside them; animated GIF/WebP and videos get a sequence of frame hashes (the vPDQ shape).
 */
import path from 'node:path';
import { internal, unavailable } from '#src/errors.ts';
import { findContentBox } from '#src/engines/fingerprint/border.ts';
import { DIHEDRAL_VARIANTS, transformDct, type DihedralVariant } from '#src/engines/fingerprint/dihedral.ts';
import { bitsFromDct, hammingDistance, pdqHash, pdqTransform, type Box } from '#src/engines/fingerprint/pdq.ts';
import { WEAK_QUALITY, type PdqHash, type VideoFrameHash } from '#src/engines/fingerprint/types.ts';
import { decodeImage, type DecodeLimits } from '#src/repositories/image.decoder.ts';
import { sniffFile } from '#src/repositories/media.sniffer.ts';

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
}

/** A video's (or an animated picture's) fingerprint: one hash per sampled frame. */
export interface VideoFingerprint {
  kind: 'video';
  durationS: number;
  frames: VideoFrameHash[];
}

export type MediaFingerprint = ImageFingerprint | VideoFingerprint;

function imageHash(pixels: Parameters<typeof pdqTransform>[0], box?: Box): ImageHash {
  const { dct, quality } = pdqTransform(pixels, box);
  return { hash: bitsFromDct(dct), quality, dct };
}

// ---- video: plug point -----------------------------------------------------------------------
// VIDEO PLUG POINT: the video hasher (ffmpeg, 1 frame per second) is another engineer's module,
// src/repositories/video.hasher.ts, exporting `hashVideo(path)` → `{durationS, frames}`. It is
// loaded when present, so this file typechecks and runs before it lands; videos are refused with
// `media.video_unsupported` until then.
interface VideoHasherModule {
  hashVideo(file: string): Promise<{ durationS: number; frames: VideoFrameHash[] }>;
}
const VIDEO_HASHER = '#src/repositories/video.hasher.ts';

async function hashVideoFile(file: string): Promise<VideoFingerprint> {
  let mod: Partial<VideoHasherModule>;
  try {
    mod = (await import(VIDEO_HASHER)) as Partial<VideoHasherModule>;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw e;
    throw unavailable('media.video_unsupported', `${path.basename(file)}: video hashing is not available in this build`, { details: { file } });
  }
  if (typeof mod.hashVideo !== 'function') throw internal('media.video_unsupported', 'video hasher has no hashVideo()');
  const { durationS, frames } = await mod.hashVideo(file);
  return { kind: 'video', durationS, frames };
}

/** Fingerprints a file: a picture, an animated picture (as video) or a video. */
export async function fingerprintFile(file: string, limits: DecodeLimits): Promise<MediaFingerprint> {
  const kind = await sniffFile(file);
  if (kind === 'video') return hashVideoFile(file);
  const decoded = await decodeImage(file, limits);
  if (decoded.kind === 'animation') {
    // Every frame is hashed (animations are short); t is when the frame starts showing.
    const frames: VideoFrameHash[] = [];
    let t = 0;
    decoded.frames.forEach((pixels, i) => {
      const { hash, quality } = pdqHash(pixels);
      frames.push({ i, t: t / 1000, hash, quality });
      t += decoded.delaysMs[i] ?? 0;
    });
    return { kind: 'video', durationS: t / 1000, frames };
  }
  const box = findContentBox(decoded.pixels);
  return {
    kind: 'image',
    pdq: imageHash(decoded.pixels),
    trimmed: box ? { ...imageHash(decoded.pixels, box), box } : null,
  };
}

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
      const hash = variant === 'original' ? q.h.hash : bitsFromDct(transformDct(q.h.dct, variant, block), bits);
      for (const t of targets) {
        const distance = hammingDistance(hash, t.h.hash);
        if (distance < best.distance) best = { distance, variant: variant + (q.trimmed || t.trimmed ? '+trimmed' : '') };
      }
    }
  }
  return best;
}

/** A picture against a video: its best frame, and when that frame is shown. */
export interface ImageVideoComparison {
  distance: number;
  at: number | null;
  variant: string;
}

/**
 * The picture's variants against every frame of quality ≥ 50 (weak frames match anything flat,
 * so they are skipped unless the video has nothing else).
 */
export function compareImageToVideo(image: ImageFingerprint, video: VideoFingerprint): ImageVideoComparison {
  const strong = video.frames.filter((f) => !isWeak(f.quality));
  const frames = strong.length > 0 ? strong : video.frames;
  let best: ImageVideoComparison = { distance: 257, at: null, variant: 'original' };
  const hashes: { variant: DihedralVariant; trimmed: boolean; hash: Uint8Array }[] = [];
  for (const variant of DIHEDRAL_VARIANTS) {
    for (const h of [image.pdq, ...(image.trimmed ? [image.trimmed] : [])]) {
      hashes.push({ variant, trimmed: h !== image.pdq, hash: bitsFromDct(transformDct(h.dct, variant)) });
    }
  }
  for (const frame of frames) {
    for (const q of hashes) {
      const distance = hammingDistance(q.hash, frame.hash);
      if (distance < best.distance) best = { distance, at: frame.t, variant: q.variant + (q.trimmed ? '+trimmed' : '') };
    }
  }
  return best;
}
