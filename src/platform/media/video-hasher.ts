/**
 * Video fingerprints in the vPDQ representation: one PDQ hash per second of video (frame number,
 * time, hash, quality), hashed as ffmpeg streams the frames, so memory stays at a few frames
 * whatever the length of the video.
 *
 * Each frame also gets a second hash of what lies inside uniform borders (letterbox/pillarbox
 * bars), when it has any: re-uploads add or remove bars, and the plain hash of a barred frame is
 * far from the hash of the same frame without them. The plain hash stays the one reported, so
 * athar's frame hashes remain exchangeable with vPDQ's.
 */
import { findContentBox } from '#src/engines/fingerprint/border.ts';
import { pdqHash } from '#src/engines/fingerprint/pdq.ts';
import type { VideoFrameHashes } from '#src/engines/fingerprint/types.ts';
import { probeVideo, sampleFrames, type FfmpegBinaries } from './ffmpeg.ts';

/** What a video hashes to. */
export interface VideoHashes {
  durationS: number;
  frames: VideoFrameHashes[];
}

/** Options of `hashVideo`. */
export interface HashVideoOptions {
  /** Kill ffmpeg after this many seconds (the caller passes config.ffmpegTimeoutS). */
  timeoutS: number;
  /** Cap on the frame side ffmpeg scales to before hashing (default 512: PDQ keeps 64×64). */
  maxSide?: number;
  /** Frames per second to hash (default 1, vPDQ's rate); 0 hashes every frame. */
  fps?: number;
  /** Also hash inside uniform borders (default true). */
  trimBorders?: boolean;
  binaries?: FfmpegBinaries;
}

/** Default frame-size cap: conformance holds at it (see video.conformance.test.ts). */
export const DEFAULT_MAX_SIDE = 512;

/**
 * Hashes a video at one frame per second. `i` is the source frame number (from the time and the
 * average frame rate: exact for constant-rate video), `t` the source time in seconds.
 */
export async function hashVideo(file: string, opts: HashVideoOptions): Promise<VideoHashes> {
  const timeoutS = opts.timeoutS;
  const run = { timeoutS, ...(opts.binaries ? { binaries: opts.binaries } : {}) };
  const probe = await probeVideo(file, run);
  const frames: VideoFrameHashes[] = [];
  const trim = opts.trimBorders ?? true;
  for await (const { t, pixels } of sampleFrames(file, probe, {
    ...run,
    maxSide: opts.maxSide ?? DEFAULT_MAX_SIDE,
    fps: opts.fps ?? 1,
  })) {
    const { hash, quality } = pdqHash(pixels);
    const i = probe.fps > 0 ? Math.round(t * probe.fps) : frames.length;
    const frame: VideoFrameHashes = { i, t: Math.round(t * 1000) / 1000, hash, quality };
    if (trim) {
      const box = findContentBox(pixels);
      frame.trimmed = box ? pdqHash(pixels, box) : null;
    }
    frames.push(frame);
  }
  const last = frames.at(-1);
  return { durationS: probe.durationS || (last ? last.t + 1 : 0), frames };
}
