/**
 * ffmpeg wrapper: sampling times and frame numbers on tiny generated videos, and every kind of bad
 * input giving its typed error (never a hang, never a crash).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '#src/platform/errors.ts';
import { describeContainer, outputSize, probeVideo, resolveBinaries, sampleFrames } from './ffmpeg.ts';
import { hashVideo } from './video-hasher.ts';

const bins = resolveBinaries();
let dir = '';
const at = (name: string) => path.join(dir, name);

function ffmpeg(...args: string[]): void {
  execFileSync(bins.ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    stdio: 'ignore',
    timeout: 60_000,
  });
}

/** The AppError a promise rejects with (fails the test if it resolves). */
async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a failure');
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'athar-ffmpeg-'));
  // 3.5 s at 10 fps, 160×120: samples at 0, 1, 2, 3 s are frames 0, 10, 20, 30.
  ffmpeg(
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=160x120:rate=10:duration=3.5',
    '-pix_fmt',
    'yuv420p',
    at('small.mp4'),
  );
  // 8 s with the index first, then cut in half: the header promises more than the file holds.
  ffmpeg(
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x240:rate=25:duration=8',
    '-pix_fmt',
    'yuv420p',
    '-movflags',
    '+faststart',
    at('long.mp4'),
  );
  const long = readFileSync(at('long.mp4'));
  writeFileSync(at('cut-tail.mp4'), long.subarray(0, Math.floor(long.length / 2)));
  // The usual phone file (index at the end), cut: no index at all.
  const small = readFileSync(at('small.mp4'));
  writeFileSync(at('cut-index.mp4'), small.subarray(0, Math.floor(small.length / 2)));
  ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', at('audio.m4a'));
  // A clip with sound and the tags a phone or an editor writes.
  ffmpeg(
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=160x120:rate=10:duration=1',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=1',
    '-pix_fmt',
    'yuv420p',
    '-shortest',
    '-metadata',
    'creation_time=2024-12-03T10:20:30Z',
    '-metadata:s:a:0',
    'language=ara',
    at('tagged.mp4'),
  );
  writeFileSync(at('empty.mp4'), '');
  writeFileSync(at('text.mp4'), 'not a video, just words\n'.repeat(20));
  // Stands in for an ffmpeg that never returns (a decoder stuck on a hostile file).
  writeFileSync(at('stuck.sh'), '#!/bin/sh\nexec sleep 30\n');
  chmodSync(at('stuck.sh'), 0o755);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = { timeoutS: 30 };

describe('describeContainer', () => {
  it('reads the container, its claimed creation time and encoder, and each stream', async () => {
    const c = await describeContainer(at('tagged.mp4'), run);
    expect(c.formatName).toContain('mp4');
    expect(c.durationS).toBeCloseTo(1, 0);
    expect(c.createdAsWritten).toBe('2024-12-03T10:20:30.000000Z');
    expect(c.encoder).toMatch(/^Lavf/);
    expect(c.streams.map((s) => [s.type, s.codec])).toEqual([
      ['video', 'h264'],
      ['audio', 'aac'],
    ]);
    expect(c.streams[0]).toMatchObject({ width: 160, height: 120, fps: 10, rotation: 0, coverArt: false });
    expect(c.streams[1]).toMatchObject({ channels: 1, sampleRateHz: 44100, language: 'ara' });
  });

  it('names what is wrong with a file that is not a container', async () => {
    const e = await failure(describeContainer(at('text.mp4'), run));
    expect(e.code).toBe('media.unreadable');
  });
});

describe('probeVideo and sampleFrames', () => {
  it('probes duration, frame rate and size', async () => {
    const p = await probeVideo(at('small.mp4'), run);
    expect(p).toMatchObject({ width: 160, height: 120, fps: 10, rotation: 0 });
    expect(p.durationS).toBeCloseTo(3.5, 1);
  });

  it('samples the first frame of each second, with source times and frame numbers', async () => {
    const v = await hashVideo(at('small.mp4'), run);
    expect(v.frames.map((f) => [f.i, f.t])).toEqual([
      [0, 0],
      [10, 1],
      [20, 2],
      [30, 3],
    ]);
    expect(v.frames.every((f) => f.hash.length === 32 && f.quality >= 50)).toBe(true);
    // Every frame when asked: 35 frames, times i / 10.
    const all = await hashVideo(at('small.mp4'), { ...run, fps: 0 });
    expect(all.frames).toHaveLength(35);
    expect(all.frames[7]).toMatchObject({ i: 7, t: 0.7 });
  });

  it('scales frames down in ffmpeg, keeping even sides and the aspect', async () => {
    const p = await probeVideo(at('long.mp4'), run);
    expect(outputSize(p, 64)).toEqual({ width: 64, height: 48 });
    expect(outputSize({ ...p, rotation: 90 }, 64)).toEqual({ width: 48, height: 64 });
    for await (const f of sampleFrames(at('long.mp4'), p, { ...run, maxSide: 64 })) {
      expect([f.pixels.width, f.pixels.height, f.pixels.data.length]).toEqual([64, 48, 64 * 48 * 3]);
      break; // leaving the loop stops ffmpeg
    }
  });
});

describe('bad input gives a typed error naming the file', () => {
  it.each([
    ['empty.mp4', 'media.unreadable', /empty file/],
    ['text.mp4', 'media.unreadable', /truncated or corrupt/],
    ['cut-index.mp4', 'media.unreadable', /truncated or corrupt/],
    ['cut-tail.mp4', 'media.unreadable', /truncated or corrupt/],
    ['audio.m4a', 'media.no_video_stream', /no video stream/],
    ['absent.mp4', 'media.unreadable', /no such file/],
  ])('%s → %s', async (name, code, reason) => {
    const e = await failure(hashVideo(at(name), run));
    expect(e.code).toBe(code);
    expect(e.message).toContain(name);
    expect(e.message).toMatch(reason);
  });

  it('runs the configured ffmpeg and ffprobe as given, without falling back', () => {
    expect(resolveBinaries({ ffmpegPath: '/opt/x/ffmpeg', ffprobePath: '/opt/x/ffprobe' })).toEqual({
      ffmpeg: '/opt/x/ffmpeg',
      ffprobe: '/opt/x/ffprobe',
    });
    expect(resolveBinaries({}).ffmpeg).not.toBe('');
  });

  it('ffmpeg missing → media.ffmpeg_missing', async () => {
    const binaries = { ffmpeg: at('no-ffmpeg'), ffprobe: at('no-ffprobe') };
    const e = await failure(hashVideo(at('small.mp4'), { ...run, binaries }));
    expect([e.code, e.kind]).toEqual(['media.ffmpeg_missing', 'unavailable']);
    expect(e.message).toContain('small.mp4');
  });

  it('kills ffprobe and ffmpeg past the time limit → media.ffmpeg_timeout', async () => {
    const started = Date.now();
    const e = await failure(
      hashVideo(at('small.mp4'), {
        timeoutS: 0.5,
        binaries: { ffmpeg: bins.ffmpeg, ffprobe: at('stuck.sh') },
      }),
    );
    expect(e.code).toBe('media.ffmpeg_timeout');
    const probe = await probeVideo(at('small.mp4'), run);
    const frames = sampleFrames(at('small.mp4'), probe, {
      timeoutS: 0.5,
      binaries: { ffmpeg: at('stuck.sh'), ffprobe: bins.ffprobe },
    });
    const e2 = await failure(frames.next());
    expect(e2.code).toBe('media.ffmpeg_timeout');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
