/**
 * The media benchmark's photos: N distinct JPEGs of 1–3 megapixels cut from the photographs of
 * Debian wallpaper packages (random crop window, size and JPEG quality, all from a fixed seed), made
 * once into a cache directory outside the repository and reused; and the baseline the ingest is
 * measured against — sharp alone decoding each file to raw pixels.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { seededRandom } from '#src/engines/prng.ts';

const PACKAGES = ['mate-backgrounds', 'ukui-wallpapers', 'gnome-backgrounds', 'plasma-workspace-wallpapers'];
/** Bump when the recipe changes, so a cache made by another recipe is not reused. */
const RECIPE = 1;
const SEED = 11;
const ASPECTS = [4 / 3, 3 / 2, 16 / 9, 1, 3 / 4, 2 / 3, 9 / 16];

export interface PhotoSet {
  dir: string;
  files: string[];
  sources: string[];
  /** Packages that were not installed (their photos are left out). */
  missing: string[];
  bytes: number;
  /** Seconds spent making them in this run (0 when reused from the cache). */
  madeS: number;
}

function packageFiles(pkg: string): string[] | null {
  try {
    return execFileSync('dpkg', ['-L', pkg], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(jpe?g|png|webp)$/i.test(f) && existsSync(f) && statSync(f).isFile());
  } catch {
    return null;
  }
}

/** One file per design: the sizes and light/dark variants of one wallpaper count once (the largest kept). */
function onePerDesign(files: string[]): string[] {
  const design = (f: string) =>
    f.includes('/wallpapers/')
      ? f.split('/wallpapers/')[1]!.split('/')[0]!
      : path
          .basename(f)
          .replace(/\.\w+$/, '')
          .toLowerCase()
          .replace(/_\d+x\d+$/, '')
          .replace(/-(dark|light|d|l)$/, '');
  const best = new Map<string, string>();
  for (const f of files) {
    if (/screenshot/i.test(f)) continue;
    const k = design(f);
    const b = best.get(k);
    if (!b || statSync(f).size > statSync(b).size) best.set(k, f);
  }
  return [...best.values()].sort();
}

/** The photos for `count` files, making the ones the cache does not hold yet. */
export async function photoSet(cacheDir: string, count: number): Promise<PhotoSet> {
  const lists = PACKAGES.map((p) => [p, packageFiles(p)] as const);
  const missing = lists.filter(([, l]) => !l).map(([p]) => p);
  const sources = onePerDesign(lists.flatMap(([, l]) => l ?? []));
  if (sources.length === 0)
    throw new Error(`no wallpaper photographs: apt-get install -y ${PACKAGES.join(' ')}`);
  const dir = path.join(cacheDir, `photos-r${RECIPE}-s${SEED}`);
  const manifestFile = path.join(dir, 'sources.json');
  // The cache is only valid for the same list of sources (another package set draws other crops).
  const manifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as string[])
    : [];
  if (manifest.join('\n') !== sources.join('\n')) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(manifestFile, JSON.stringify(sources));

  const files = Array.from({ length: count }, (_, i) =>
    path.join(dir, `photo-${String(i).padStart(4, '0')}.jpg`),
  );
  const t0 = process.hrtime.bigint();
  // Photo i comes from source i mod S with a generator seeded by i, so a larger set extends a
  // smaller one and every file can be made on its own. Each source is decoded once for all of
  // its missing photos.
  const todo = new Map<number, number[]>();
  files.forEach((f, i) => {
    if (existsSync(f)) return;
    const s = i % sources.length;
    todo.set(s, [...(todo.get(s) ?? []), i]);
  });
  for (const [s, indexes] of todo) {
    const { data, info } = await sharp(sources[s], { limitInputPixels: false })
      .rotate()
      .flatten({ background: '#808080' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    for (const i of indexes) await makePhoto(data, info, i, files[i]!);
  }
  const madeS = todo.size ? Number(process.hrtime.bigint() - t0) / 1e9 : 0;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  return { dir, files, sources, missing, bytes, madeS };
}

async function makePhoto(
  data: Buffer,
  info: { width: number; height: number; channels: number },
  i: number,
  file: string,
): Promise<void> {
  const next = seededRandom(SEED * 100_003 + i);
  const aspect = ASPECTS[Math.floor(next() * ASPECTS.length)]!;
  const megapixels = 1 + 2 * next();
  // The largest window of that shape in the source, scaled to 45–100 % of its side, anywhere in it.
  const maxW = Math.min(info.width, info.height * aspect);
  const side = 0.45 + 0.55 * next();
  const cw = Math.max(16, Math.floor(maxW * side));
  const ch = Math.max(16, Math.floor((maxW * side) / aspect));
  const left = Math.floor(next() * (info.width - cw + 1));
  const top = Math.floor(next() * (info.height - ch + 1));
  const width = Math.round(Math.sqrt(megapixels * 1e6 * aspect));
  const height = Math.round((megapixels * 1e6) / width);
  const quality = 70 + Math.floor(next() * 26);
  const partial = `${file}.partial`;
  await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels as 3 } })
    .extract({ left, top, width: cw, height: ch })
    .resize(width, height, { fit: 'fill' })
    .jpeg({ quality })
    .toFile(partial);
  renameSync(partial, file);
}

/**
 * Decodes every file to raw pixels with sharp (`sharp(file).raw().toBuffer()`), `concurrency`
 * files in flight; the wall-clock seconds.
 */
export async function sharpDecodeSeconds(files: readonly string[], concurrency: number): Promise<number> {
  const queue = [...files];
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let f = queue.shift(); f; f = queue.shift()) await sharp(f).raw().toBuffer();
    }),
  );
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
