/**
 * Fingerprinting one media file: decoding it (sharp, ffmpeg) into what the fingerprint engine
 * hashes. The kind is decided from the content, never the name: still pictures get a PDQ hash
 * plus, when they have uniform borders, a second hash of what is inside them; animated GIF/WebP
 * and videos get a sequence of frame hashes (the vPDQ shape). Comparing fingerprints is the
 * engine's (`#src/engines/fingerprint/compare.ts`).
 */
import sharp from 'sharp';
import { findContentBox } from '#src/engines/fingerprint/border.ts';
import { coarseProbes, PROBE_SIDE, windowHash } from '#src/engines/fingerprint/crop.ts';
import type { ImageFingerprint, ImageHash, MediaFingerprint } from '#src/engines/fingerprint/compare.ts';
import { bitsFromDct, pdqHash, pdqTransform, type Box } from '#src/engines/fingerprint/pdq.ts';
import type { Pixels, VideoFrameHashes } from '#src/engines/fingerprint/types.ts';
import { resolveBinaries } from './ffmpeg.ts';
import { decodeImage, type DecodeLimits } from './image-decoder.ts';
import { sniffFile } from './media-sniffer.ts';
import { hashVideo } from './video-hasher.ts';

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
export async function fingerprintFile(
  file: string,
  limits: DecodeLimits,
  options: FingerprintOptions,
): Promise<MediaFingerprint> {
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
  const small = await scaledDown(decoded.pixels, PROBE_SIDE);
  const image: ImageFingerprint = {
    kind: 'image',
    pdq: imageHash(decoded.pixels),
    trimmed: box ? { ...imageHash(decoded.pixels, box), box } : null,
    crop: { small, window: windowHash(small), probes: coarseProbes(small) },
  };
  return image;
}

/** The picture at most `side` pixels a side (area-averaged by sharp), for crop probes. */
async function scaledDown(p: Pixels, side: number): Promise<Pixels> {
  const { data, info } = await sharp(p.data, {
    raw: { width: p.width, height: p.height, channels: p.channels },
  })
    .resize(side, side, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    channels: info.channels,
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
  };
}
