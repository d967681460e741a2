import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compareImages,
  compareImageToVideo,
  type ImageFingerprint,
} from '#src/engines/fingerprint/compare.ts';
import { fingerprintFile } from './fingerprint-file.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'athar-media-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const limits = { maxPixels: 10_000_000 };

/** A picture with structure at several scales, as PNG bytes. */
async function picture(seed: number, width = 320, height = 240): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = 128 + 70 * Math.sin(x / (17 + seed) + y / 41) + 50 * Math.cos((x * y) / (2000 + 300 * seed));
      raw.fill(Math.max(0, Math.min(255, v)), (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

async function save(name: string, bytes: Buffer | Promise<Buffer>): Promise<string> {
  const p = path.join(dir, name);
  writeFileSync(p, await bytes);
  return p;
}

async function image(p: string): Promise<ImageFingerprint> {
  const fp = await fingerprintFile(p, limits, { ffmpegTimeoutS: 60 });
  if (fp.kind !== 'image') throw new Error('not an image');
  return fp;
}

describe('compareImages', () => {
  it('finds a turned copy and names how it was turned', async () => {
    const original = await save('a.png', picture(1));
    // sharp turns clockwise: 90° clockwise is rotate270 in PDQ's counter-clockwise naming
    const turned = await save(
      'a-cw.png',
      sharp(await picture(1))
        .rotate(90)
        .png()
        .toBuffer(),
    );
    const mirrored = await save(
      'a-mirror.png',
      sharp(await picture(1))
        .flop()
        .png()
        .toBuffer(),
    );
    expect(compareImages(await image(original), await image(original))).toEqual({
      distance: 0,
      variant: 'original',
    });
    const r = compareImages(await image(original), await image(turned));
    expect(r.variant).toBe('rotate270');
    expect(r.distance).toBeLessThanOrEqual(31); // a match; not 0, the 64×64 grid samples asymmetrically
    expect(compareImages(await image(original), await image(mirrored)).variant).toBe('flipH');
  });

  it('matches a letterboxed copy through its trimmed hash', async () => {
    const original = await save('b.png', picture(2));
    const boxed = await save(
      'b-boxed.png',
      sharp(await picture(2))
        .extend({ top: 60, bottom: 60, background: '#000' })
        .png()
        .toBuffer(),
    );
    const fp = await image(boxed);
    expect(fp.trimmed?.box).toEqual({ left: 0, top: 60, width: 320, height: 240 });
    expect(compareImages(await image(original), fp)).toEqual({ distance: 0, variant: 'original+trimmed' });
  });

  it('keeps unrelated pictures apart', async () => {
    const a = await image(await save('c1.png', picture(3)));
    const b = await image(await save('c2.png', picture(9, 300, 300)));
    expect(compareImages(a, b).distance).toBeGreaterThan(31);
  });
});

describe('animated pictures', () => {
  it('hash as a video: one frame hash per frame with its start time', async () => {
    const frames = await Promise.all(
      [1, 5, 9].map(async (s) =>
        sharp(await picture(s, 160, 120))
          .raw()
          .toBuffer(),
      ),
    );
    const gif = await save(
      'anim.gif',
      sharp(Buffer.concat(frames), { raw: { width: 160, height: 360, channels: 3, pageHeight: 120 } })
        .gif({ delay: [500, 500, 1000] })
        .toBuffer(),
    );
    const fp = await fingerprintFile(gif, limits, { ffmpegTimeoutS: 60 });
    expect(fp.kind).toBe('video');
    if (fp.kind !== 'video') return;
    expect(fp.durationS).toBe(2);
    expect(fp.frames.map((f) => [f.i, f.t])).toEqual([
      [0, 0],
      [1, 0.5],
      [2, 1],
    ]);
    expect(fp.frames.every((f) => f.quality >= 50)).toBe(true);
    const still = await image(await save('frame1.png', picture(5, 160, 120)));
    const r = compareImageToVideo(still, fp);
    expect(r.at).toBe(0.5);
    expect(r.distance).toBeLessThanOrEqual(31);
  });

  it('never matches a picture to weak (flat) frames', async () => {
    const flat = Buffer.concat([Buffer.alloc(64 * 48 * 3, 40), Buffer.alloc(64 * 48 * 3, 200)]);
    const gif = await save(
      'flat.gif',
      sharp(flat, { raw: { width: 64, height: 96, channels: 3, pageHeight: 48 } })
        .gif()
        .toBuffer(),
    );
    const fp = await fingerprintFile(gif, limits, { ffmpegTimeoutS: 60 });
    if (fp.kind !== 'video') throw new Error('not a video');
    expect(compareImageToVideo(await image(await save('d.png', picture(4))), fp)).toEqual({
      distance: null,
      at: null,
      variant: null,
    });
  });
});
