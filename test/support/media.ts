// Small generated media for the tests: pictures PDQ can hash, and videos made with ffmpeg's
// test sources. Nothing here is real footage.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { seededRandom } from '#src/engines/prng.ts';
import { resolveBinaries } from '#src/platform/media/ffmpeg.ts';

/** A picture with structure PDQ can hash: smooth random blobs on a gradient (a JPEG). */
export async function picture(seed: number, size = 480, count = 12): Promise<Buffer> {
  const rand = seededRandom(seed);
  const blobs = Array.from({ length: count }, () => ({
    x: rand() * size,
    y: rand() * size,
    r: (30 + rand() * 90) * Math.sqrt(12 / count),
    c: [rand() * 255, rand() * 255, rand() * 255],
  }));
  const data = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const px = [(x / size) * 120, (y / size) * 120, 60];
      for (const b of blobs) {
        const d = Math.hypot(x - b.x, y - b.y);
        if (d < b.r) for (let k = 0; k < 3; k++) px[k] = px[k]! * 0.3 + b.c[k]! * 0.7;
      }
      for (let k = 0; k < 3; k++) data[(y * size + x) * 3 + k] = px[k]!;
    }
  return sharp(data, { raw: { width: size, height: size, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Runs ffmpeg with these arguments (asynchronously: the tests' servers run in this process). */
export async function ffmpeg(args: string[]): Promise<void> {
  await promisify(execFile)(resolveBinaries().ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    timeout: 120_000,
  });
}
