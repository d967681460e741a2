/**
 * Small synthetic videos made with ffmpeg: a lavfi test source (testsrc2, life, …) with captions
 * burnt in, and re-encodes of a video (cropped, another codec or bit rate), as the demo case's
 * stand-ins need them. Nothing here reads the clock or chance: the same ffmpeg makes the same bytes
 * from the same description (`-fflags +bitexact`, no metadata copied, seeded sources).
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg, type FfmpegRunOptions } from './ffmpeg.ts';

/** A line of text drawn on every frame. */
export interface Caption {
  text: string;
  /** Font size in pixels. */
  size: number;
  /** An ffmpeg colour: `white`, `#ffd54a`. */
  colour: string;
  /** Top of the line, in pixels from the top of the picture; centred across it. */
  y: number;
}

/** A translucent band drawn behind captions. */
export interface Band {
  y: number;
  height: number;
}

/** What `renderVideo` makes. */
export interface SyntheticVideo {
  /** A lavfi source graph that produces `width`×`height` frames, e.g. `testsrc2=size=384x224:rate=25`. */
  source: string;
  width: number;
  height: number;
  durationS: number;
  bands: Band[];
  captions: Caption[];
  /** Black bars around the picture: the full frame's size and where the picture sits in it. */
  frame?: { width: number; height: number; x: number; y: number };
  /** H.264 constant rate factor (higher: fewer bytes). */
  crf: number;
}

/** A video made: where it is, and its SHA-256 (what the blob store will file it under). */
export interface MadeVideo {
  file: string;
  sha256: string;
  size: number;
}

async function made(file: string): Promise<MadeVideo> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { file, sha256: hash.digest('hex'), size: (await stat(file)).size };
}

/** How `reencodeVideo` changes a video. */
export interface Reencode {
  crop?: { width: number; height: number; x: number; y: number };
  /** `h264` at a constant rate factor, or `mpeg4` (MPEG-4 Part 2) at a fixed quantiser (2–31). */
  codec: { name: 'h264'; crf: number } | { name: 'mpeg4'; q: number };
}

/** Fonts tried for captions, in order; with none of them, drawtext asks fontconfig for its default. */
const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf',
  '/System/Library/Fonts/Supplemental/Arial Bold.ttf',
  '/Library/Fonts/Arial Bold.ttf',
  'C:\\Windows\\Fonts\\arialbd.ttf',
];

/** Names inside the output's folder, where ffmpeg runs: a filter graph then needs no escaping. */
const PLAIN_NAME = /^[A-Za-z0-9._-]+$/;

/** Output flags that keep the bytes the same from run to run and carry no metadata of the input. */
const REPRODUCIBLE = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact'];

function codecArgs(codec: Reencode['codec']): string[] {
  return codec.name === 'h264'
    ? ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', String(codec.crf), '-g', '50', '-threads', '1']
    : ['-c:v', 'mpeg4', '-q:v', String(codec.q), '-g', '50', '-bf', '2'];
}

/**
 * Renders `video` to `out` (an .mp4, H.264, no sound). ffmpeg runs in the folder of `out`, where
 * the caption texts and a copy of the font are written, so that the filter graph names plain files
 * and no text needs escaping. When this ffmpeg has no H.264 encoder, the video is made as MPEG-4
 * Part 2 instead.
 */
export async function renderVideo(
  out: string,
  video: SyntheticVideo,
  run: FfmpegRunOptions,
): Promise<MadeVideo> {
  const dir = path.dirname(out);
  const name = path.basename(out);
  if (!PLAIN_NAME.test(name)) throw new Error(`renderVideo: ${name} is not a plain file name`);
  const font = FONT_FILES.find((f) => existsSync(f));
  if (font) await copyFile(font, path.join(dir, 'caption-font.ttf'));
  const filters: string[] = [];
  for (const b of video.bands)
    filters.push(`drawbox=x=0:y=${b.y}:w=iw:h=${b.height}:color=black@0.65:t=fill`);
  for (const [i, c] of video.captions.entries()) {
    const textFile = `${name}.caption-${i}.txt`;
    await writeFile(path.join(dir, textFile), c.text, { mode: 0o600 });
    filters.push(
      `drawtext=${font ? 'fontfile=caption-font.ttf:' : ''}textfile=${textFile}:fontsize=${c.size}:fontcolor=${c.colour}:x=(w-text_w)/2:y=${c.y}`,
    );
  }
  const f = video.frame;
  if (f) filters.push(`pad=${f.width}:${f.height}:${f.x}:${f.y}:black`);
  filters.push('format=yuv420p');
  const args = (codec: Reencode['codec']) => [
    '-f',
    'lavfi',
    '-i',
    `${video.source},trim=duration=${video.durationS}`,
    '-vf',
    filters.join(','),
    '-an',
    ...codecArgs(codec),
    ...REPRODUCIBLE,
    '-movflags',
    '+faststart',
    '-y',
    name,
  ];
  try {
    await runFfmpeg(name, args({ name: 'h264', crf: video.crf }), { ...run, cwd: dir });
  } catch (e) {
    if (!/Unknown encoder|Encoder not found|libx264/i.test((e as Error).message)) throw e;
    await runFfmpeg(name, args({ name: 'mpeg4', q: 4 }), { ...run, cwd: dir });
  }
  return made(out);
}

/** Re-encodes `input` to `out` (an .mp4, no sound), cropped and with the codec asked for. */
export async function reencodeVideo(
  input: string,
  out: string,
  change: Reencode,
  run: FfmpegRunOptions,
): Promise<MadeVideo> {
  const c = change.crop;
  await runFfmpeg(
    path.basename(out),
    [
      '-i',
      input,
      ...(c ? ['-vf', `crop=${c.width}:${c.height}:${c.x}:${c.y}`] : []),
      '-an',
      ...codecArgs(change.codec),
      ...REPRODUCIBLE,
      '-movflags',
      '+faststart',
      '-y',
      out,
    ],
    run,
  );
  return made(out);
}
