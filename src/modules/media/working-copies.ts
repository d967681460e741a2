/**
 * A video's working copies beside its thumbnail — never the evidence, always made again from the
 * original if lost: a keyframe strip (up to KEYFRAMES frames spread over the video, side by side
 * in one JPEG, with their times) for seeing a video at a glance, and, when the original would not
 * play in a browser, a web rendition (H.264 in MP4, at most 720 lines, re-encoded: what it shows
 * is the original's picture, but its bytes, hashes and metadata are athar's, not the evidence).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Context } from '#src/platform/context.ts';
import {
  probeVideo,
  resolveBinaries,
  runFfmpeg,
  sampleFrames,
  type ContainerFacts,
} from '#src/platform/media/ffmpeg.ts';

export const KEYFRAMES = 12;
const TILE_SIDE = 160;
export const KEYFRAMES_JPEG = 'keyframes.jpg';
export const KEYFRAMES_JSON = 'keyframes.json';
export const RENDITION = 'web.mp4';

export interface KeyframeStrip {
  /** Seconds into the video of each frame, left to right. */
  times: number[];
  tileWidth: number;
  tileHeight: number;
}

const PLAYABLE_VIDEO = new Set(['h264', 'vp8', 'vp9', 'av1']);
const PLAYABLE_AUDIO = new Set(['aac', 'mp3', 'opus', 'vorbis', 'flac']);
const WEBM_VIDEO = new Set(['vp8', 'vp9', 'av1']);
const WEBM_AUDIO = new Set(['opus', 'vorbis']);

/**
 * Whether browsers play this container as it is: MP4/MOV or WebM, with a video codec and audio
 * codecs that Chromium, Firefox and Safari all know (H.264 covers them all; VP8/VP9/AV1 most).
 */
export function webPlayable(c: ContainerFacts | { error: string } | undefined): boolean {
  if (!c || 'error' in c) return false;
  const name = c.formatName ?? '';
  if (!/mp4|mov|webm|matroska/.test(name)) return false;
  // ffprobe names Matroska and WebM alike ("matroska,webm"): only WebM's own codecs pass there,
  // since browsers play H.264 in MP4 but not in an MKV.
  const ebml = /matroska|webm/.test(name);
  const video = c.streams.filter((s) => s.type === 'video');
  const audio = c.streams.filter((s) => s.type === 'audio');
  return (
    video.length > 0 &&
    video.every((s) => (ebml ? WEBM_VIDEO : PLAYABLE_VIDEO).has(s.codec ?? '')) &&
    audio.every((s) => (ebml ? WEBM_AUDIO : PLAYABLE_AUDIO).has(s.codec ?? ''))
  );
}

function runOptions(ctx: Context) {
  return {
    timeoutS: ctx.config.ffmpegTimeoutS,
    binaries: resolveBinaries({ ffmpegPath: ctx.config.ffmpegPath, ffprobePath: ctx.config.ffprobePath }),
  };
}

/** The strip of frames spread over the video (the first, then evenly to the end). */
export async function makeKeyframes(
  ctx: Context,
  sha256: string,
  file: string,
  durationS: number,
): Promise<KeyframeStrip | null> {
  const run = runOptions(ctx);
  const probe = await probeVideo(file, run);
  const fps = Math.min(1, KEYFRAMES / Math.max(1, durationS));
  const frames: { t: number; data: Buffer; width: number; height: number }[] = [];
  for await (const f of sampleFrames(file, probe, { ...run, maxSide: TILE_SIDE, fps })) {
    frames.push({ t: f.t, data: Buffer.from(f.pixels.data), width: f.pixels.width, height: f.pixels.height });
    if (frames.length >= KEYFRAMES) break;
  }
  if (frames.length === 0) return null;
  const { width, height } = frames[0]!;
  const jpeg = await sharp({
    create: { width: width * frames.length, height, channels: 3, background: '#000000' },
  })
    .composite(
      frames.map((f, i) => ({
        input: f.data,
        raw: { width: f.width, height: f.height, channels: 3 as const },
        left: i * width,
        top: 0,
      })),
    )
    .jpeg({ quality: 72 })
    .toBuffer();
  const strip: KeyframeStrip = {
    times: frames.map((f) => Math.round(f.t * 100) / 100),
    tileWidth: width,
    tileHeight: height,
  };
  await ctx.blobs.putDerived(sha256, KEYFRAMES_JPEG, jpeg);
  await ctx.blobs.putDerived(sha256, KEYFRAMES_JSON, Buffer.from(JSON.stringify(strip)));
  return strip;
}

/** A web rendition of a video browsers would not play as it is; false when none is needed. */
export async function makeRendition(
  ctx: Context,
  sha256: string,
  file: string,
  container: ContainerFacts | { error: string } | undefined,
): Promise<boolean> {
  if (webPlayable(container)) return false;
  return ctx.blobs.withScratch(async (at) => {
    const out = at('web.mp4');
    await runFfmpeg(
      'the web rendition',
      [
        ...['-i', file, '-map', '0:v:0', '-map', '0:a:0?', '-sn', '-dn'],
        ...['-vf', "scale=-2:'min(720,ih)':flags=bicubic,format=yuv420p"],
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-c:a', 'aac', '-b:a', '128k'],
        ...['-movflags', '+faststart', '-map_metadata', '-1', out],
      ],
      runOptions(ctx),
    );
    await ctx.blobs.putDerived(sha256, RENDITION, await readFile(out));
    return true;
  });
}

/** The strip's record, if the item has one. */
export async function readKeyframes(ctx: Context, sha256: string): Promise<KeyframeStrip | null> {
  try {
    return JSON.parse(await readFile(ctx.blobs.derivedPath(sha256, KEYFRAMES_JSON), 'utf8')) as KeyframeStrip;
  } catch {
    return null;
  }
}

/** Whether the item has a web rendition (a re-encoded working copy). */
export function hasRendition(ctx: Context, sha256: string): boolean {
  return existsSync(ctx.blobs.derivedPath(sha256, RENDITION));
}
