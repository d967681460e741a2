/**
 * PDQ benchmark part: pictures per second on one core, decode only (sharp, as athar decodes)
 * against decode + hash (PDQ, border search, and the trimmed hash when there is a border), in the
 * same run over the shared test pictures. Goal (issue 3): hashing adds at most 50 % to decoding.
 * Called by the fingerprint benchmark dispatcher, which appends the table to bench/RESULTS.md.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { findContentBox } from '#src/engines/fingerprint/border.ts';
import { pdqHash } from '#src/engines/fingerprint/pdq.ts';
import { decodeImage, type DecodedImage } from '#src/platform/media/image-decoder.ts';

const DATA = path.resolve(import.meta.dirname, '../../../shared/testdata/pdq');
const LIMITS = { maxPixels: 100_000_000 };

function pictures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return pictures(p);
    return /\.(jpe?g|png|webp|gif|tiff?)$/i.test(name) ? [p] : [];
  });
}

function hashAll(d: DecodedImage): void {
  const frames = d.kind === 'image' ? [d.pixels] : d.frames;
  for (const pixels of frames) {
    pdqHash(pixels);
    const box = d.kind === 'image' ? findContentBox(pixels) : null;
    if (box) pdqHash(pixels, box);
  }
}

/** Runs `fn` over all files `rounds` times; returns seconds. */
async function timed(files: string[], rounds: number, fn: (file: string) => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const f of files) await fn(f);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Measures and returns the markdown table. */
export async function run(): Promise<string> {
  const files = pictures(DATA);
  const previous = sharp.concurrency();
  sharp.concurrency(1); // one libvips worker thread: one core for decoding, like the hash
  sharp.cache(false); // no decoded-image cache between rounds: every round decodes for real
  try {
    const rounds = Number(process.env.ATHAR_BENCH_PDQ_ROUNDS ?? 5);
    // warm-up: JIT, libvips start-up, file cache
    for (const f of files) hashAll(await decodeImage(f, LIMITS));

    // Interleave the two measurements so that load from other processes hits both alike.
    let decodeS = 0;
    let bothS = 0;
    let hashS = 0;
    let pixels = 0;
    for (let r = 0; r < rounds; r++) {
      decodeS += await timed(files, 1, async (f) => {
        await decodeImage(f, LIMITS);
      });
      bothS += await timed(files, 1, async (f) => {
        const d = await decodeImage(f, LIMITS);
        const t0 = process.hrtime.bigint();
        hashAll(d);
        hashS += Number(process.hrtime.bigint() - t0) / 1e9;
        if (r === 0)
          pixels +=
            d.kind === 'image' ? d.pixels.width * d.pixels.height : d.width * d.height * d.frames.length;
      });
    }
    const n = files.length * rounds;
    const overhead = (bothS - decodeS) / decodeS;
    const rows = [
      '| measurement | pictures/s | ms per picture |',
      '| --- | ---: | ---: |',
      `| decode only (sharp, 1 thread) | ${(n / decodeS).toFixed(1)} | ${((decodeS / n) * 1000).toFixed(2)} |`,
      `| decode + PDQ + border trim | ${(n / bothS).toFixed(1)} | ${((bothS / n) * 1000).toFixed(2)} |`,
      `| PDQ + border trim alone | ${(n / hashS).toFixed(1)} | ${((hashS / n) * 1000).toFixed(2)} |`,
    ];
    const verdict =
      overhead <= 0.5
        ? `Hashing adds ${(overhead * 100).toFixed(0)} % to decoding: meets the goal (≤ 50 %).`
        : `Hashing adds ${(overhead * 100).toFixed(0)} % to decoding: misses the goal (≤ 50 %) by ${((overhead - 0.5) * 100).toFixed(0)} points.`;
    return [
      `### PDQ: decode + hash vs decode only`,
      '',
      `${files.length} pictures from ../shared/testdata/pdq (${(pixels / files.length / 1e6).toFixed(2)} Mpixel on average), ${rounds} rounds, one core (sharp.concurrency(1), sequential).`,
      '',
      ...rows,
      '',
      verdict,
    ].join('\n');
  } finally {
    sharp.concurrency(previous);
    sharp.cache(true);
  }
}
