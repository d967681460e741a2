/**
 * Crop benchmark part (`npm run bench -- fingerprint crops`): how many cropped copies athar finds,
 * against PDQ alone (what every peer built on PDQ does: whole-picture hashes, their dihedral
 * variants and border-trimmed hashes within 31 bits), in the same run on the same crops; how many
 * pairs of distinct photos it matches by mistake; what the crop window costs per stored picture.
 *
 * Photos come from Debian packages (installed with apt-get; a set that is missing is named and
 * left out) and the shared PDQ pictures. The crop grid and radii were chosen on
 * mate-backgrounds + ukui-wallpapers; the other sets were not looked at while choosing them and
 * are reported apart (held out). Each photo is first stored as a JPEG of at most 2048 px a side
 * (what a platform hands out); its crops keep 80–90 % of a side — centred on both axes, cut at one
 * edge, at two adjacent edges (a corner, each side its own amount) or at two opposite edges — and
 * are scaled to 60–100 % and re-encoded at JPEG quality 70–90, all drawn from a fixed seed. Every
 * crop goes through athar's own pipeline (decode, PDQ, probes, in the worker pool).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { isWeak, MATCH_DISTANCE, type ImageFingerprint } from '#src/engines/fingerprint/compare.ts';
import {
  COARSE_RADIUS,
  coarseProbes,
  refine,
  searchCrops,
  windowHash,
} from '#src/engines/fingerprint/crop.ts';
import { dihedralFromDct } from '#src/engines/fingerprint/dihedral.ts';
import { MihIndex } from '#src/engines/fingerprint/mih-index.ts';
import { hammingDistance, pdqHash } from '#src/engines/fingerprint/pdq.ts';
import { seededRandom } from '#src/engines/prng.ts';
import { closeFingerprintPool, fingerprintInWorker } from '#src/platform/media/fingerprint-pool.ts';

const SHARED = path.resolve(import.meta.dirname, '../../../shared/testdata/pdq');
const LEVELS = [0.8, 0.83, 0.85, 0.87, 0.9];
const LIMITS = { maxPixels: 100_000_000 };
const OPTIONS = { ffmpegTimeoutS: 60 };

interface PhotoSet {
  name: string;
  heldOut: boolean;
  files: string[];
  missing?: string;
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

/** One file per picture: sizes and dark/light or colour variants of one design count once. */
function family(file: string): string {
  const stem = path
    .basename(file)
    .replace(/\.\w+$/, '')
    .toLowerCase();
  if (file.includes('/wallpapers/')) return file.split('/wallpapers/')[1]!.split('/')[0]!;
  return stem
    .replace(/_\d+x\d+$/, '')
    .replace(/-(dark|light|d|l)$/, '')
    .replace(/^ubuntu-mate-.*-no-logo$/, 'ubuntu-mate');
}

function pixelsOf(file: string): number {
  const m = /(\d+)x(\d+)\.\w+$/.exec(file);
  return m ? Number(m[1]) * Number(m[2]) : statSync(file).size;
}

function onePerFamily(files: string[]): string[] {
  const best = new Map<string, string>();
  for (const f of files) {
    if (/screenshot|images_dark|-d\.webp$/i.test(f)) continue;
    const k = family(f);
    const b = best.get(k);
    if (!b || pixelsOf(f) > pixelsOf(b)) best.set(k, f);
  }
  return [...best.values()].sort();
}

function photoSets(): PhotoSet[] {
  const fromPackages = (name: string, pkgs: string[], heldOut: boolean): PhotoSet => {
    const lists = pkgs.map((p) => packageFiles(p));
    const absent = pkgs.filter((_, i) => !lists[i]);
    return {
      name,
      heldOut,
      files: onePerFamily(lists.flatMap((l) => l ?? [])),
      ...(absent.length ? { missing: `not installed: apt-get install ${absent.join(' ')}` } : {}),
    };
  };
  const shared = existsSync(SHARED)
    ? [
        ...readdirSync(path.join(SHARED, 'labelme-subset')).map((f) =>
          path.join(SHARED, 'labelme-subset', f),
        ),
        path.join(SHARED, 'bridge-mods', 'aaa-orig.jpg'),
      ]
    : [];
  return [
    fromPackages('mate-backgrounds + ukui-wallpapers', ['mate-backgrounds', 'ukui-wallpapers'], false),
    fromPackages('plasma-workspace-wallpapers', ['plasma-workspace-wallpapers'], true),
    fromPackages('gnome-backgrounds (light variants)', ['gnome-backgrounds'], true),
    {
      name: 'shared PDQ pictures',
      heldOut: true,
      files: shared,
      ...(shared.length ? {} : { missing: `${SHARED} is not there` }),
    },
  ];
}

type Kind = 'centre' | 'one edge' | 'corner' | 'opposite edges';
const KINDS: Kind[] = ['centre', 'one edge', 'corner', 'opposite edges'];

/** The kept part, as fractions of the original's sides, for a crop kind at a level. */
function cropBox(kind: Kind, f: number, rand: () => number): { x: [number, number]; y: [number, number] } {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const centred = (k: number): [number, number] => [(1 - k) / 2, (1 + k) / 2];
  const fromStart = (k: number): [number, number] => [0, k];
  const fromEnd = (k: number): [number, number] => [1 - k, 1];
  const all: [number, number] = [0, 1];
  if (kind === 'centre') return { x: centred(f), y: centred(f) };
  if (kind === 'one edge') {
    const side = pick(['left', 'right', 'top', 'bottom']);
    if (side === 'left') return { x: fromEnd(f), y: all };
    if (side === 'right') return { x: fromStart(f), y: all };
    if (side === 'top') return { x: all, y: fromEnd(f) };
    return { x: all, y: fromStart(f) };
  }
  if (kind === 'corner') {
    const g = 0.8 + rand() * 0.1; // the other side is cut by its own amount
    return { x: pick([fromStart, fromEnd])(f), y: pick([fromStart, fromEnd])(g) };
  }
  return rand() < 0.5 ? { x: centred(f), y: all } : { x: all, y: centred(f) };
}

interface Stored {
  photo: number;
  fp: ImageFingerprint;
}

const slotOf: { photo: number; variant: 'whole' | 'window' }[] = [];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
}

/** Bytes per hash held by an index of `n` random hashes with a slot record each (as HashIndex keeps). */
function indexBytesPerHash(n: number): number {
  const rand = seededRandom(99);
  global.gc?.();
  const before = process.memoryUsage();
  const index = MihIndex.empty();
  const slots: { itemId: string; variant: string; t: number | null }[] = [];
  for (let i = 0; i < n; i++) {
    const h = Uint8Array.from({ length: 32 }, () => Math.floor(rand() * 256));
    index.add(i, h);
    slots.push({
      itemId: `${(i >> 1).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
      variant: 'pdq',
      t: null,
    });
  }
  index.compact();
  global.gc?.();
  const after = process.memoryUsage();
  const used = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  if (index.size !== n || slots.length !== n) throw new Error('index lost entries');
  return used / n;
}

export async function run(): Promise<string> {
  // ATHAR_BENCH_CROPS_SETS=word,word keeps the sets whose names contain one of the words.
  const only = (process.env.ATHAR_BENCH_CROPS_SETS ?? '').split(',').filter(Boolean);
  const sets = photoSets().map((s) =>
    only.length && !only.some((w) => s.name.includes(w)) ? { ...s, files: [], missing: 'not selected' } : s,
  );
  const photos = sets.flatMap((s, si) => s.files.map((file) => ({ file, set: si })));
  if (photos.length === 0) throw new Error('no photos: install mate-backgrounds and ukui-wallpapers');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'athar-crops-'));
  const rand = seededRandom(2026);
  const lines: string[] = [];
  try {
    // Store every photo as a ≤ 2048 px JPEG and fingerprint it as athar does at ingest.
    const stored: Stored[] = [];
    const originals: string[] = [];
    const probeMs: number[] = [];
    const wholeMs: number[] = [];
    for (const [i, p] of photos.entries()) {
      const file = path.join(tmp, `photo-${i}.jpg`);
      await sharp(p.file, { limitInputPixels: LIMITS.maxPixels })
        .flatten({ background: '#ffffff' })
        .resize(2048, 2048, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 92 })
        .toFile(file);
      originals.push(file);
      const fp = await fingerprintInWorker(file, LIMITS, OPTIONS);
      if (fp.kind !== 'image' || !fp.crop) throw new Error(`${p.file}: not fingerprinted as a picture`);
      stored.push({ photo: i, fp });
      // The cost of the probes beside the whole-picture hash, on this thread, same pixels.
      const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
      const px = {
        width: info.width,
        height: info.height,
        channels: info.channels,
        data: new Uint8Array(data),
      };
      let t = performance.now();
      pdqHash(px);
      wholeMs.push(performance.now() - t);
      t = performance.now();
      coarseProbes(fp.crop.small);
      windowHash(fp.crop.small);
      probeMs.push(performance.now() - t);
    }

    const index = MihIndex.empty();
    for (const s of stored) {
      for (const h of [s.fp.pdq, ...(s.fp.trimmed ? [s.fp.trimmed] : [])])
        if (!isWeak(h.quality)) {
          index.add(slotOf.length, h.hash);
          slotOf.push({ photo: s.photo, variant: 'whole' });
        }
      if (s.fp.crop && !isWeak(s.fp.crop.window.quality)) {
        index.add(slotOf.length, s.fp.crop.window.hash);
        slotOf.push({ photo: s.photo, variant: 'window' });
      }
    }

    /** Photos matched by PDQ alone, and by athar (PDQ alone, then the crop search). */
    let margin = { distance: 256, what: '' };
    const matchesOf = (fp: ImageFingerprint, self: number | null, source: number) => {
      const whole = new Set<number>();
      for (const h of [fp.pdq, ...(fp.trimmed ? [fp.trimmed] : [])]) {
        if (isWeak(h.quality)) continue;
        for (const v of dihedralFromDct(h.dct))
          for (const m of index.search(v.hash, MATCH_DISTANCE))
            if (slotOf[m.id]!.variant === 'whole' && slotOf[m.id]!.photo !== self)
              whole.add(slotOf[m.id]!.photo);
      }
      // Every refined candidate, however far, to see how close a wrong photo comes.
      const refined = fp.crop
        ? searchCrops(
            { small: fp.crop.small, probes: fp.crop.probes ?? coarseProbes(fp.crop.small) },
            (hash, radius) =>
              index
                .search(hash, radius)
                .filter((m) => slotOf[m.id]!.variant === 'window')
                .map((m) => ({ id: slotOf[m.id]!.photo, distance: m.distance })),
            (photo) => stored[photo]!.fp.crop?.window.hash,
            (photo) => photo === self || whole.has(photo),
            256,
          )
        : [];
      const crops = refined.filter((c) => c.distance <= MATCH_DISTANCE);
      for (const c of refined)
        if (c.id !== (self ?? source) && c.distance < margin.distance)
          margin = {
            distance: c.distance,
            what: `${path.basename(photos[source]!.file)} → ${path.basename(photos[c.id]!.file)}`,
          };
      return { whole, athar: new Set([...whole, ...crops.map((c) => c.id)]), crops };
    };

    // Crops: 4 kinds × 5 levels per photo.
    const found = new Map<string, { pdq: number; athar: number; n: number }>();
    const add = (key: string, pdq: boolean, athar: boolean) => {
      const r = found.get(key) ?? { pdq: 0, athar: 0, n: 0 };
      r.n++;
      if (pdq) r.pdq++;
      if (athar) r.athar++;
      found.set(key, r);
    };
    const strong = (s: Stored) => Boolean(s.fp.crop && !isWeak(s.fp.crop.window.quality));
    const misses = new Map<number, string[]>();
    /** The nearest any probe of a query comes to a photo's window, coarse and refined (for misses). */
    const nearestTo = (q: ImageFingerprint, photo: number): string => {
      const w = stored[photo]!.fp.crop!.window.hash;
      const probes = q.crop?.probes ?? [];
      let best = 256;
      let bestProbe = probes[0];
      for (const p of probes) {
        const d = hammingDistance(p.hash, w);
        if (d < best) [best, bestProbe] = [d, p];
      }
      const refined = bestProbe && q.crop ? refine(q.crop.small, bestProbe, w).distance : 256;
      return `nearest probe ${best} bits, refined ${refined}`;
    };
    let falseMatches = 0;
    const falseExamples: string[] = [];
    let queries = 0;
    const weakWindows = stored.filter((s) => !s.fp.crop || isWeak(s.fp.crop.window.quality)).length;
    const noteFalse = (from: number, set: Set<number>, what: string) => {
      for (const other of set)
        if (other !== from) {
          falseMatches++;
          if (falseExamples.length < 10)
            falseExamples.push(
              `${what} of ${path.basename(photos[from]!.file)} → ${path.basename(photos[other]!.file)}`,
            );
        }
    };
    for (const s of stored) {
      queries++;
      noteFalse(s.photo, matchesOf(s.fp, s.photo, s.photo).athar, 'the whole photo');
      const meta = await sharp(originals[s.photo]).metadata();
      const W = meta.width;
      const H = meta.height;
      for (const kind of KINDS)
        for (const level of LEVELS) {
          const box = cropBox(kind, level, rand);
          const left = Math.round(box.x[0] * W);
          const top = Math.round(box.y[0] * H);
          const width = Math.round(box.x[1] * W) - left;
          const height = Math.round(box.y[1] * H) - top;
          const file = path.join(tmp, 'crop.jpg');
          await sharp(originals[s.photo])
            .extract({ left, top, width, height })
            .resize(Math.max(64, Math.round(width * (0.6 + rand() * 0.4))))
            .jpeg({ quality: Math.round(70 + rand() * 20) })
            .toFile(file);
          const q = await fingerprintInWorker(file, LIMITS, OPTIONS);
          if (q.kind !== 'image') throw new Error('a crop was not fingerprinted as a picture');
          queries++;
          const m = matchesOf(q, null, s.photo);
          const set = photos[s.photo]!.set;
          add(`${set}|${kind}|${level}`, m.whole.has(s.photo), m.athar.has(s.photo));
          add(`${set}|all|all`, m.whole.has(s.photo), m.athar.has(s.photo));
          if (strong(s)) {
            add(`${set}|strong|all`, m.whole.has(s.photo), m.athar.has(s.photo));
            if (!m.athar.has(s.photo)) {
              const miss = misses.get(s.photo) ?? [];
              miss.push(`${kind} ${Math.round(level * 100)} %: ${nearestTo(q, s.photo)}`);
              misses.set(s.photo, miss);
            }
          }
          noteFalse(s.photo, m.athar, `a ${kind} crop (${Math.round(level * 100)} %)`);
        }
    }

    const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(0)} %` : '–');
    lines.push(
      `${photos.length} photos (one per picture: sizes and dark/light variants of a design count once); ${queries} queries in all. ` +
        `Crops keep ${LEVELS.map((l) => `${Math.round(l * 100)} %`).join(', ')} of a side. ` +
        `${weakWindows} photos have a weak central window (quality < 50: flat or drawn pictures) and cannot be found through crops by design.`,
      '',
      '| set | photos | kind | ' + LEVELS.map((l) => `${Math.round(l * 100)} %`).join(' | ') + ' | all |',
      '|---|---|---|' + LEVELS.map(() => '---|').join('') + '---|',
    );
    for (const [si, set] of sets.entries()) {
      if (set.files.length === 0) {
        lines.push(
          `| ${set.name} | 0 (${set.missing ?? 'no pictures'}) | | ${LEVELS.map(() => '').join(' | ')} | |`,
        );
        continue;
      }
      for (const kind of KINDS) {
        const cells = LEVELS.map((l) => {
          const r = found.get(`${si}|${kind}|${l}`)!;
          return `${pct(r.athar, r.n)} (PDQ ${pct(r.pdq, r.n)})`;
        });
        const label = kind === KINDS[0] ? `${set.name}${set.heldOut ? ' (held out)' : ' (tuned on)'}` : '';
        const n = kind === KINDS[0] ? String(set.files.length) : '';
        lines.push(`| ${label} | ${n} | ${kind} | ${cells.join(' | ')} | |`);
      }
      const all = found.get(`${si}|all|all`)!;
      const firm = found.get(`${si}|strong|all`);
      const weakHere = stored.filter((x) => photos[x.photo]!.set === si && !strong(x)).length;
      lines.push(
        `| | | **all** | ${LEVELS.map(() => '').join(' | ')} | **${pct(all.athar, all.n)}** (PDQ ${pct(all.pdq, all.n)}); ${weakHere} flat windows; ${firm ? pct(firm.athar, firm.n) : '–'} of the others' crops |`,
      );
    }
    lines.push(
      '',
      'Each cell: share of crops athar finds (as a suggestion), with PDQ alone in brackets.',
      '',
      `False matches (a photo, or a crop of it, matched to a different photo — every ordered pair of the ${photos.length} photos, ${photos.length * (photos.length - 1)} pairs, whole and cropped): **${falseMatches}**${falseExamples.length ? ` — ${falseExamples.join('; ')}` : ''}.`,
    );
    if (misses.size)
      lines.push(
        '',
        'Crops missed among photos with a strong window (the nearest coarse probe, and after refinement):',
        '',
        ...[...misses].map(
          ([photo, m]) =>
            `- ${path.basename(photos[photo]!.file)} (${sets[photos[photo]!.set]!.name}): ${m.join('; ')}`,
        ),
      );
    let nearest = 256;
    for (const a of stored)
      for (const b of stored)
        if (a.photo < b.photo && strong(a) && strong(b))
          nearest = Math.min(nearest, hammingDistance(a.fp.crop!.window.hash, b.fp.crop!.window.hash));
    lines.push(
      `Nearest pair of distinct photos' strong windows: ${nearest} bits. Nearest a wrong photo came through any crop probe, after refinement: ${margin.distance <= 255 ? `${margin.distance} bits${margin.what ? ` (${margin.what})` : ''}` : `none came within the coarse search radius (${COARSE_RADIUS} bits) of any probe`}. The threshold is ${MATCH_DISTANCE}.`,
    );

    const perHash = indexBytesPerHash(200_000);
    const hashesPerPhoto = slotOf.length / stored.length;
    lines.push(
      '',
      `Index cost: ${perHash.toFixed(0)} bytes per indexed hash (MIH tables, hash words and the slot record HashIndex keeps; 200,000 hashes, measured from the heap). ` +
        `A stored photo here has ${hashesPerPhoto.toFixed(2)} indexed hashes: its whole-picture hash, its border-trimmed hash when it has borders, and the crop window — the window adds one hash, ${perHash.toFixed(0)} bytes, per picture.`,
      `Time on this thread, per photo (median): PDQ of the whole ≤ 2048 px picture ${median(wholeMs).toFixed(1)} ms; the crop window and 721 probes from its ${256}-px copy ${median(probeMs).toFixed(1)} ms (in athar both run in the worker pool, off the server's thread).`,
    );
    const missing = sets.filter((s) => s.missing).map((s) => `${s.name}: ${s.missing}`);
    if (missing.length) lines.push('', `Left out: ${missing.join('; ')}.`);
    return lines.join('\n');
  } finally {
    await closeFingerprintPool();
    rmSync(tmp, { recursive: true, force: true });
  }
}
