/**
 * ffmpeg and ffprobe: the only place that spawns them. Videos are probed (duration, first video
 * stream, frame rate, size, rotation) and their frames streamed as raw RGB through a pipe — never a
 * file per frame — sampled at one frame per second, as vPDQ samples them: the first frame of every
 * second of source time.
 *
 * Every run has a time limit and is SIGKILLed past it; every failure is an AppError naming the file
 * and the reason (empty, truncated/corrupt, no video stream, ffmpeg missing, timeout), so one bad
 * evidence file never hangs or crashes a batch.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { unavailable, type AppError } from '#src/platform/errors.ts';
import { mediaError, requireMediaFile } from './media-file.ts';
import type { Pixels } from '#src/engines/fingerprint/types.ts';

/** Paths of the two binaries. */
export interface FfmpegBinaries {
  ffmpeg: string;
  ffprobe: string;
}

/** What every run needs: a time limit, and optionally binaries chosen by the caller (tests). */
export interface FfmpegRunOptions {
  /** Kill ffmpeg/ffprobe after this many seconds (ATHAR_FFMPEG_TIMEOUT_S). */
  timeoutS: number;
  binaries?: FfmpegBinaries;
}

/** The facts about a video that sampling needs. */
export interface VideoProbe {
  durationS: number;
  /** Absolute index of the video stream used (the first that is not cover art). */
  streamIndex: number;
  /** Average frame rate; 0 when the container does not say. */
  fps: number;
  /** Coded size, before rotation. */
  width: number;
  height: number;
  /** Display rotation in degrees (0, 90, 180, 270) that ffmpeg applies when decoding. */
  rotation: number;
  /** Start time of the stream in seconds (frame times are reported relative to it). */
  startS: number;
}

/** One sampled frame: its pixels and its source time in seconds from the stream start. */
export interface SampledFrame {
  t: number;
  pixels: Pixels;
}

const require = createRequire(import.meta.url);

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string, envPath: string | undefined): string | null {
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

function fromPackage(pkg: string): string | null {
  try {
    const p = (require(pkg) as { path?: string }).path;
    return p && executable(p) ? p : null;
  } catch {
    // the package has no binary for this platform
    return null;
  }
}

/**
 * The configured paths (config.ffmpegPath/ffprobePath from FFMPEG_PATH/FFPROBE_PATH, taken as
 * given: a wrong path must fail loudly, not fall back silently to another ffmpeg), else the
 * binaries on the system's search path (PATH, as a shell would find them), else those inside the
 * npm packages.
 */
export function resolveBinaries(
  chosen: { ffmpegPath?: string | undefined; ffprobePath?: string | undefined } = {},
): FfmpegBinaries {
  const searchPath = process.env.PATH;
  const pick = (given: string | undefined, name: string, pkg: string) =>
    given || onPath(name, searchPath) || fromPackage(pkg) || name;
  return {
    ffmpeg: pick(chosen.ffmpegPath, 'ffmpeg', '@ffmpeg-installer/ffmpeg'),
    ffprobe: pick(chosen.ffprobePath, 'ffprobe', '@ffprobe-installer/ffprobe'),
  };
}

function missing(file: string, binary: string, cause?: unknown): AppError {
  const reason = `cannot run ${binary} (install ffmpeg, or set FFMPEG_PATH/FFPROBE_PATH)`;
  return unavailable('media.ffmpeg_missing', `${path.basename(file)}: ${reason}`, {
    details: { file, binary, reason },
    cause,
  });
}

function timedOut(file: string, binary: string, timeoutS: number): AppError {
  const reason = `${path.basename(binary)} did not finish within ${timeoutS} s (ATHAR_FFMPEG_TIMEOUT_S); it was stopped`;
  return unavailable('media.ffmpeg_timeout', `${path.basename(file)}: ${reason}`, {
    details: { file, timeoutS, reason },
  });
}

/** Spawns with a kill timer; `onTimeout` runs after the SIGKILL. */
function spawnLimited(
  binary: string,
  args: string[],
  timeoutS: number,
  onTimeout: () => void,
  cwd?: string,
): { child: ChildProcess; clear: () => void } {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
    onTimeout();
  }, timeoutS * 1000);
  timer.unref();
  return { child, clear: () => clearTimeout(timer) };
}

/** The first line of ffmpeg's complaint that a person can act on. */
function complaint(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.replace(/^\[[^\]]*\]\s*/, '').trim())
    .filter(Boolean);
  return (
    lines.find((l) => /invalid|moov|truncat|corrupt|error|not found|end of file/i.test(l)) ??
    lines[0] ??
    'unknown error'
  ).slice(0, 200);
}

function rational(s: unknown): number {
  if (typeof s !== 'string') return 0;
  const [n, d] = s.split('/').map(Number);
  const v = d === undefined ? n! : n! / d;
  return Number.isFinite(v) && v > 0 ? v : 0;
}

interface ProbeStream {
  index: number;
  codec_type?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  start_time?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
}

interface ProbeJson {
  streams?: (ProbeStream & {
    codec_name?: string;
    profile?: string;
    pix_fmt?: string;
    channels?: number;
    sample_rate?: string;
    bit_rate?: string;
    tags?: { rotate?: string; language?: string; creation_time?: string; handler_name?: string };
  })[];
  format?: {
    duration?: string;
    format_name?: string;
    format_long_name?: string;
    bit_rate?: string;
    size?: string;
    tags?: Record<string, string>;
  };
}

/** Runs ffprobe on a file and parses its description. */
async function runProbe(file: string, opts: FfmpegRunOptions): Promise<ProbeJson> {
  await requireMediaFile(file); // what cannot be a video is refused before any process starts
  const bin = (opts.binaries ?? resolveBinaries()).ffprobe;
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '--', file];
  let killed = false;
  const { child, clear } = spawnLimited(bin, args, opts.timeoutS, () => (killed = true));
  const out: Buffer[] = [];
  let err = '';
  child.stdout!.on('data', (c: Buffer) => out.push(c));
  child.stderr!.on('data', (c: Buffer) => {
    if (err.length < 8192) err += c.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', (e) => reject(missing(file, bin, e)));
    child.on('close', (c) => resolve(c));
  }).finally(clear);
  if (killed) throw timedOut(file, bin, opts.timeoutS);
  if (code !== 0) throw mediaError(file, `truncated or corrupt video (${complaint(err)})`);
  try {
    return JSON.parse(Buffer.concat(out).toString()) as ProbeJson;
  } catch (e) {
    throw mediaError(file, 'ffprobe gave no readable description of the file', { cause: e });
  }
}

/** One stream of a container, as ffprobe describes it. */
export interface StreamFacts {
  index: number;
  type: string;
  codec: string | null;
  profile: string | null;
  width?: number;
  height?: number;
  fps?: number;
  rotation?: number;
  pixelFormat?: string;
  channels?: number;
  sampleRateHz?: number;
  bitRate: number | null;
  language: string | null;
  /** The stream's creation_time tag, as written by whatever made the file. */
  createdAsWritten: string | null;
  /** Cover art: a still picture carried as a "video" stream. */
  coverArt: boolean;
}

/**
 * What ffprobe says about a container: the format, its duration and bit rate, the creation time
 * and encoder the file claims (both written by the last tool that muxed it — a platform's
 * re-encoder as often as the camera — so claims, not facts), and every stream.
 */
export interface ContainerFacts {
  format: string | null;
  formatName: string | null;
  durationS: number | null;
  bitRate: number | null;
  createdAsWritten: string | null;
  encoder: string | null;
  /** The container's other tags (major_brand, handler names, a phone's location…), cut to 200 characters each. */
  tags: Record<string, string>;
  streams: StreamFacts[];
}

function num(v: unknown): number | null {
  const n = Number(v);
  return v !== undefined && v !== null && v !== '' && Number.isFinite(n) ? n : null;
}

/** Describes a container with ffprobe (for a video's metadata; see ContainerFacts). */
export async function describeContainer(file: string, opts: FfmpegRunOptions): Promise<ContainerFacts> {
  const json = await runProbe(file, opts);
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(json.format?.tags ?? {}).slice(0, 50))
    tags[k] = String(v).slice(0, 200);
  const tag = (name: string) => Object.entries(tags).find(([k]) => k.toLowerCase() === name)?.[1] ?? null;
  return {
    format: json.format?.format_long_name ?? null,
    formatName: json.format?.format_name ?? null,
    durationS: num(json.format?.duration),
    bitRate: num(json.format?.bit_rate),
    createdAsWritten: tag('creation_time'),
    encoder: tag('encoder'),
    tags,
    streams: (json.streams ?? []).slice(0, 32).map((s) => {
      const sideRotation = s.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation;
      const facts: StreamFacts = {
        index: s.index,
        type: s.codec_type ?? 'unknown',
        codec: s.codec_name ?? null,
        profile: s.profile ?? null,
        bitRate: num(s.bit_rate),
        language: s.tags?.language ?? null,
        createdAsWritten: s.tags?.creation_time ?? null,
        coverArt: Boolean(s.disposition?.attached_pic),
      };
      if (s.codec_type === 'video') {
        if (s.width) facts.width = s.width;
        if (s.height) facts.height = s.height;
        const fps = rational(s.avg_frame_rate) || rational(s.r_frame_rate);
        if (fps) facts.fps = Math.round(fps * 1000) / 1000;
        facts.rotation = ((Math.round(sideRotation ?? Number(s.tags?.rotate ?? 0)) % 360) + 360) % 360;
        if (s.pix_fmt) facts.pixelFormat = s.pix_fmt;
      }
      if (s.codec_type === 'audio') {
        if (s.channels) facts.channels = s.channels;
        const rate = num(s.sample_rate);
        if (rate) facts.sampleRateHz = rate;
      }
      return facts;
    }),
  };
}

/** Probes a video with ffprobe. */
export async function probeVideo(file: string, opts: FfmpegRunOptions): Promise<VideoProbe> {
  const json = await runProbe(file, opts);
  // Cover art in audio files is a "video stream" of one still picture: not a video.
  const stream = (json.streams ?? []).find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!stream)
    throw mediaError(file, `no video stream (${json.format?.format_name ?? 'unknown format'})`, {
      code: 'media.no_video_stream',
    });
  if (!stream.width || !stream.height)
    throw mediaError(file, 'truncated or corrupt video (the video stream has no picture size)');
  const sideRotation = stream.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation;
  const rotation = ((Math.round(sideRotation ?? Number(stream.tags?.rotate ?? 0)) % 360) + 360) % 360;
  const durationS = Number(json.format?.duration ?? stream.duration ?? 0);
  return {
    durationS: Number.isFinite(durationS) ? durationS : 0,
    streamIndex: stream.index,
    fps: rational(stream.avg_frame_rate) || rational(stream.r_frame_rate),
    width: stream.width,
    height: stream.height,
    rotation,
    startS: Number(stream.start_time ?? 0) || 0,
  };
}

/** How frames are sampled. */
export interface SampleOptions extends FfmpegRunOptions {
  /** Scale frames down (in ffmpeg) so neither side exceeds this; PDQ works on 64×64 anyway. */
  maxSide?: number;
  /** Frames per second to sample (default 1); 0 keeps every frame. */
  fps?: number;
}

/** The size frames come out at: rotated as displayed, capped at maxSide, even for the scaler. */
export function outputSize(probe: VideoProbe, maxSide = Infinity): { width: number; height: number } {
  const quarter = probe.rotation === 90 || probe.rotation === 270;
  let width = quarter ? probe.height : probe.width;
  let height = quarter ? probe.width : probe.height;
  const scale = Math.min(1, maxSide / Math.max(width, height));
  if (scale < 1) {
    width = Math.max(2, Math.round((width * scale) / 2) * 2);
    height = Math.max(2, Math.round((height * scale) / 2) * 2);
  }
  return { width, height };
}

/**
 * Streams one frame per second of source time (or `fps` per second, or all): the first frame at or
 * after each whole second (the frame vPDQ hashes at one hash per second). Frames are decoded by ffmpeg, selected before any
 * conversion (so colour conversion and scaling cost only the sampled frames) and arrive as packed
 * RGB. Breaking out of the loop kills ffmpeg.
 */
export async function* sampleFrames(
  file: string,
  probe: VideoProbe,
  opts: SampleOptions,
): AsyncGenerator<SampledFrame> {
  const bin = (opts.binaries ?? resolveBinaries()).ffmpeg;
  const { width, height } = outputSize(probe, opts.maxSide);
  const frameBytes = width * height * 3;
  // select: the first frame, then every frame that starts a new whole second. showinfo (after the
  // select, so it only sees sampled frames) logs each frame's pts_time on stderr.
  const rate = opts.fps ?? 1;
  const filter = [
    ...(rate > 0
      ? [`select='isnan(prev_selected_t)+gte(floor(t*${rate})-floor(prev_selected_t*${rate})\\,1)'`]
      : []),
    'showinfo',
    `scale=${width}:${height}:flags=area`,
    'format=rgb24',
  ].join(',');
  const args = [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'level+info',
    '-i',
    file,
    '-map',
    `0:${probe.streamIndex}`,
    '-an',
    '-sn',
    '-dn',
    '-vf',
    filter,
    '-vsync',
    'passthrough',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  ];

  let killed = false;
  let spawnError: Error | null = null;
  let exit: { code: number | null } | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const { child, clear } = spawnLimited(bin, args, opts.timeoutS, () => {
    killed = true;
    notify();
  });
  const frames: Buffer[] = [];
  const times: number[] = [];
  const errors: string[] = [];
  let current = Buffer.allocUnsafe(frameBytes);
  let filled = 0;
  const stdout = child.stdout!;
  stdout.on('data', (chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length) {
      const n = Math.min(frameBytes - filled, chunk.length - at);
      chunk.copy(current, filled, at, at + n);
      filled += n;
      at += n;
      if (filled === frameBytes) {
        frames.push(current);
        current = Buffer.allocUnsafe(frameBytes);
        filled = 0;
      }
    }
    // Backpressure: hashing is slower than piping; don't buffer the whole video in memory.
    if (frames.length >= 3) stdout.pause();
    notify();
  });
  let pending = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const m = /showinfo.*\bpts_time:\s*(-?[\d.]+)/.exec(line);
      if (m) times.push(Number(m[1]));
      else if (/^\[(error|fatal|panic)\]/.test(line) && errors.length < 20) errors.push(line);
    }
    notify();
  });
  child.on('error', (e) => {
    spawnError = e;
    notify();
  });
  child.on('close', (code) => {
    exit = { code };
    clear();
    notify();
  });

  let yielded = 0;
  let lastT = -1;
  try {
    for (;;) {
      if (spawnError) throw missing(file, bin, spawnError);
      if (killed) throw timedOut(file, bin, opts.timeoutS);
      const done = exit !== null;
      if (frames.length > 0 && (times.length > 0 || done)) {
        const data = frames.shift()!;
        if (frames.length < 3 && stdout.isPaused()) stdout.resume();
        // A time is missing only if ffmpeg's log was cut short; the sampling step is the best guess.
        const t = Math.max(
          0,
          (times.shift() ?? lastT + (rate > 0 ? 1 / rate : 1 / (probe.fps || 30))) - probe.startS,
        );
        lastT = t;
        yielded++;
        yield {
          t,
          pixels: {
            width,
            height,
            channels: 3,
            data: new Uint8Array(data.buffer, data.byteOffset, data.length),
          },
        };
        continue;
      }
      if (done && frames.length === 0) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    const code = (exit as { code: number | null } | null)?.code ?? null;
    const reason = errors.length > 0 ? complaint(errors.join('\n')) : `ffmpeg exit code ${code}`;
    if (code !== 0) throw mediaError(file, `truncated or corrupt video (${reason})`);
    if (yielded === 0)
      throw mediaError(
        file,
        `truncated or corrupt video (no frame could be decoded${errors.length ? `: ${reason}` : ''})`,
      );
    // Decoding errors and frames stopping well short of the stated duration: the file was cut.
    if (errors.length > 0 && probe.durationS - lastT > 2) {
      throw mediaError(
        file,
        `truncated or corrupt video (frames stop at ${lastT.toFixed(1)} s of ${probe.durationS.toFixed(1)} s: ${reason})`,
      );
    }
  } finally {
    clear();
    if (exit === null) child.kill('SIGKILL');
  }
}

/**
 * Runs ffmpeg to make a file (the demo's synthetic stand-ins, a re-encode of one): `args` are
 * ffmpeg's own, after `-hide_banner -nostdin -loglevel error`, run in `cwd` when given. A failure
 * names `what` and gives ffmpeg's complaint; a missing binary and a timeout are reported as for
 * reading.
 */
export async function runFfmpeg(
  what: string,
  args: string[],
  opts: FfmpegRunOptions & { cwd?: string },
): Promise<void> {
  const bin = (opts.binaries ?? resolveBinaries()).ffmpeg;
  let killed = false;
  const { child, clear } = spawnLimited(
    bin,
    ['-hide_banner', '-nostdin', '-loglevel', 'error', ...args],
    opts.timeoutS,
    () => (killed = true),
    opts.cwd,
  );
  let err = '';
  child.stdout!.resume();
  child.stderr!.on('data', (c: Buffer) => {
    if (err.length < 8192) err += c.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', (e) => reject(missing(what, bin, e)));
    child.on('close', (c) => resolve(c));
  }).finally(clear);
  if (killed) throw timedOut(what, bin, opts.timeoutS);
  if (code !== 0) {
    const reason = `ffmpeg could not make it (${complaint(err)})`;
    throw unavailable('media.ffmpeg_failed', `${what}: ${reason}`, { details: { what, reason } });
  }
}
