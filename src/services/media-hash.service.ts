/**
 * Fingerprinting one media file and comparing two: the use case behind `athar hash` and
 * `athar compare` (and, later, ingest). The kind is decided from the content, never the name:
 * still pictures get a PDQ hash plus, when they have uniform borders, a second hash of what is
 * inside them; animated GIF/WebP and videos get a sequence of frame hashes (the vPDQ shape).
 */
import { findContentBox } from '#src/engines/fingerprint/border.ts';
import { DIHEDRAL_VARIANTS, transformDct, type DihedralVariant } from '#src/engines/fingerprint/dihedral.ts';
import { bitsFromDct, hammingDistance, pdqHash, pdqTransform, type Box } from '#src/engines/fingerprint/pdq.ts';
import { WEAK_QUALITY, type PdqHash } from '#src/engines/fingerprint/types.ts';
import { decodeImage, type DecodeLimits } from '#src/repositories/image.decoder.ts';
import { sniffFile } from '#src/repositories/media.sniffer.ts';
import { hashVideo, type VideoFrameHashes } from '#src/repositories/video.hasher.ts';
import { resolveBinaries } from '#src/repositories/ffmpeg.ts';

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

/** A video's (or an animated picture's) fingerprint: one hash per sampled frame (plus, per frame,
 * the hash inside uniform borders when it has any). */
export interface VideoFingerprint {
  kind: 'video';
  durationS: number;
  frames: VideoFrameHashes[];
}

export type MediaFingerprint = ImageFingerprint | VideoFingerprint;

function imageHash(pixels: Parameters<typeof pdqTransform>[0], box?: Box): ImageHash {
  const { dct, quality } = pdqTransform(pixels, box);
  return { hash: bitsFromDct(dct), quality, dct };
}

/** How videos are sampled and how long ffmpeg may run (ATHAR_FFMPEG_TIMEOUT_S). */
export interface FingerprintOptions {
  /** 1 frame per second (vPDQ's rate, the default) or 0 for every frame. */
  videoFps?: number;
  ffmpegTimeoutS: number;
  /** The ffmpeg and ffprobe to run (config.ffmpegPath/ffprobePath); else found on PATH or in the npm packages. */
  ffmpegPath?: string | undefined;
  ffprobePath?: string | undefined;
}

/** Fingerprints a file: a picture, an animated picture (as video) or a video. */
export async function fingerprintFile(file: string, limits: DecodeLimits, options: FingerprintOptions): Promise<MediaFingerprint> {
  const kind = await sniffFile(file);
  if (kind === 'video') {
    const { durationS, frames } = await hashVideo(file, {
      fps: options.videoFps ?? 1,
      timeoutS: options.ffmpegTimeoutS,
      binaries: resolveBinaries(options),
    });
    return { kind: 'video', durationS, frames };
  }
  const decoded = await decodeImage(file, limits);
  if (decoded.kind === 'animation') {
    // Every frame is hashed (animations are short); t is when the frame starts showing.
    const frames: VideoFrameHashes[] = [];
    let t = 0;
    decoded.frames.forEach((pixels, i) => {
      const { hash, quality } = pdqHash(pixels);
      const box = findContentBox(pixels);
      frames.push({ i, t: t / 1000, hash, quality, trimmed: box ? pdqHash(pixels, box) : null });
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
    if (frame.trimmed && !isWeak(frame.trimmed.quality)) targets.push({ hash: frame.trimmed.hash, trimmed: true });
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
