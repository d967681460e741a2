/**
 * Decoding image files into pixels for the fingerprint engine — the only place that uses sharp on
 * images. Every failure is an AppError naming the file and the reason, so `athar hash` can report
 * it and go on with the next file.
 *
 * EXIF orientation is NOT applied: PDQ hashes the pixels as stored. Meta's reference hashers (C++
 * through CImg, Python through Pillow's Image.open, python-threatexchange through numpy) all do the
 * same, so athar's hashes can be compared with hashes exchanged with other organisations; a copy
 * whose orientation was baked into its pixels is still found through the dihedral variants.
 *
 * Colour: everything becomes 8-bit sRGB (or 8-bit grey for grey images), which turns CMYK, Lab,
 * palette and 16-bit pictures into what a viewer would show; 16-bit values are scaled down, not
 * clipped (Pillow clips pte/I16.png to white and upstream's expected hash of it is an artefact).
 * Alpha is dropped, never composited: PDQ ignores it, and pte/LA.png's alpha is unrelated noise.
 */
import path from 'node:path';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { tooLarge, type AppError } from '#src/platform/errors.ts';
import { EMPTY_FILE, mediaError, requireMediaFile } from './media-file.ts';
import type { Pixels } from '#src/engines/fingerprint/types.ts';

/** Where the bytes come from: a path, or bytes with a name for error messages. */
export type ImageSource = string | { name: string; bytes: Buffer };

/** How much decoding a caller allows. */
export interface DecodeLimits {
  /** Refuse pictures (all frames together, for animations) with more pixels than this. */
  maxPixels: number;
}

/** A still picture. */
export interface DecodedStill {
  kind: 'image';
  format: string;
  pixels: Pixels;
}

/** An animated GIF or WebP: hashed as a video, one frame after another. */
export interface DecodedAnimation {
  kind: 'animation';
  format: string;
  width: number;
  height: number;
  /** Frames share one buffer (views into it), in display order. */
  frames: Pixels[];
  /** Display time of each frame in milliseconds (0 when the file gives none). */
  delaysMs: number[];
}

export type DecodedImage = DecodedStill | DecodedAnimation;

/** The header facts, read without decoding any pixels. */
export interface ImageHeader {
  format: string;
  width: number;
  height: number;
  pages: number;
  animated: boolean;
  /** Grey pictures decode to one channel. */
  grey: boolean;
  /** Per-frame display times of an animation, in milliseconds. */
  delaysMs: number[];
}

const ANIMATED_FORMATS = new Set(['gif', 'webp']);

function nameOf(source: ImageSource): string {
  return typeof source === 'string' ? source : source.name;
}

function input(source: ImageSource): string | Buffer {
  return typeof source === 'string' ? source : source.bytes;
}

function unreadable(file: string, reason: string, cause?: unknown): AppError {
  return mediaError(file, reason, { cause });
}

/** sharp's messages name libvips internals; keep the part a person can act on. */
function reasonFrom(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/unsupported image format|not a known file format|is not in a supported format/i.test(message)) {
    return 'not an image in a format athar reads (JPEG, PNG, WebP, GIF, TIFF, AVIF/HEIF, SVG)';
  }
  if (
    /premature end|truncated|unexpected end|read error|out of order|short read|end of file/i.test(message)
  ) {
    return `truncated or corrupt image data (${(message.split('\n')[0] ?? '').replace(/[:\s]+$/, '')})`;
  }
  return `corrupt image (${(message.split('\n')[0] ?? '').replace(/[:\s]+$/, '')})`;
}

async function refuseEmpty(source: ImageSource): Promise<void> {
  if (typeof source === 'string') await requireMediaFile(source);
  else if (source.bytes.length === 0) throw unreadable(source.name, EMPTY_FILE);
}

/** Reads the header only: format, size, frames. Refuses files that are not images. */
export async function readImageHeader(source: ImageSource): Promise<ImageHeader> {
  await refuseEmpty(source);
  const file = nameOf(source);
  let meta: Metadata;
  try {
    meta = await sharp(input(source), { limitInputPixels: false }).metadata();
  } catch (e) {
    throw unreadable(file, reasonFrom(e), e);
  }
  if (!meta.format || !meta.width || !meta.height)
    throw unreadable(file, 'no picture dimensions in the header');
  const pages = meta.pages ?? 1;
  const animated = pages > 1 && ANIMATED_FORMATS.has(meta.format);
  const height = meta.pageHeight ?? meta.height;
  const grey = meta.space === 'b-w' || meta.space === 'grey16';
  return {
    format: meta.format,
    width: meta.width,
    height,
    pages,
    animated,
    grey,
    delaysMs: meta.delay ?? [],
  };
}

/** Throws too_many_pixels before any pixel is decoded (decompression bombs). */
function refuseBomb(file: string, header: ImageHeader, limits: DecodeLimits): void {
  const frames = header.animated ? header.pages : 1;
  const total = header.width * header.height * frames;
  if (total > limits.maxPixels) {
    throw tooLarge(
      'media.too_many_pixels',
      `${path.basename(file)}: ${header.width}×${header.height}${frames > 1 ? ` × ${frames} frames` : ''} = ${total} pixels, above the limit of ${limits.maxPixels} (ATHAR_MAX_IMAGE_PIXELS)`,
      { details: { file, width: header.width, height: header.height, frames, limit: limits.maxPixels } },
    );
  }
}

/** 8-bit, alpha dropped, grey kept as one channel (a third of the memory of RGB). */
function toEightBit(pipeline: Sharp, grey: boolean): Sharp {
  return pipeline
    .removeAlpha()
    .toColourspace(grey ? 'b-w' : 'srgb')
    .raw({ depth: 'uchar' });
}

async function decodeWith(file: string, run: () => Promise<{ data: Buffer; info: OutputInfo }>) {
  try {
    return await run();
  } catch (e) {
    throw unreadable(file, reasonFrom(e), e);
  }
}

function channelsOf(file: string, n: number): Pixels['channels'] {
  if (n === 1 || n === 2 || n === 3 || n === 4) return n;
  throw unreadable(file, `unexpected ${n} channels after conversion`);
}

/**
 * Decodes a picture after checking its header against the pixel limit. Still pictures come back
 * as one `Pixels`; animated GIF/WebP as frames with their delays. Multi-page TIFF/PDF give their
 * first page.
 */
export async function decodeImage(source: ImageSource, limits: DecodeLimits): Promise<DecodedImage> {
  const file = nameOf(source);
  const header = await readImageHeader(source);
  refuseBomb(file, header, limits);
  const { grey } = header;
  // failOn 'error' refuses truncated and corrupt data but tolerates libjpeg's harmless warnings
  // (extraneous bytes, unknown markers) that real-world evidence files often carry.
  const options = {
    failOn: 'error' as const,
    limitInputPixels: limits.maxPixels * (header.animated ? header.pages : 1),
  };

  if (!header.animated) {
    const { data, info } = await decodeWith(file, () =>
      toEightBit(sharp(input(source), options), grey).toBuffer({ resolveWithObject: true }),
    );
    return {
      kind: 'image',
      format: header.format,
      pixels: {
        width: info.width,
        height: info.height,
        channels: channelsOf(file, info.channels),
        data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      },
    };
  }

  const { data, info } = await decodeWith(file, () =>
    toEightBit(sharp(input(source), { ...options, animated: true }), grey).toBuffer({
      resolveWithObject: true,
    }),
  );
  const channels = channelsOf(file, info.channels);
  const frameBytes = header.width * header.height * channels;
  const count = Math.floor(data.length / frameBytes);
  const frames: Pixels[] = [];
  for (let k = 0; k < count; k++) {
    frames.push({
      width: header.width,
      height: header.height,
      channels,
      data: new Uint8Array(data.buffer, data.byteOffset + k * frameBytes, frameBytes),
    });
  }
  const delaysMs = frames.map((_, k) => header.delaysMs[k] ?? 0);
  return {
    kind: 'animation',
    format: header.format,
    width: header.width,
    height: header.height,
    frames,
    delaysMs,
  };
}
