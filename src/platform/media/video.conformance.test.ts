/**
 * vPDQ conformance against ../shared/testdata/vpdq (see its SOURCE.md): our one-per-second frame
 * hashes against the reference's every-frame hashes at the nearest timestamp, the 1-fps reference
 * of chair-20, and which copies match which. The summary lines printed here are the numbers in
 * the README ("### Video").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { fromHex, hammingDistance } from '#src/engines/fingerprint/pdq.ts';
import { compareVideos, compareVideosDense, type MatchFrame } from '#src/engines/fingerprint/video-match.ts';
import { describeWithData, sharedData } from '#test/support/testdata.ts';
import { hashVideo } from './video-hasher.ts';

const DATA = sharedData('vpdq');
const present = existsSync(path.join(DATA, 'SOURCE.md'));
const NAMES = present
  ? readdirSync(DATA)
      .filter((f) => f.endsWith('.mp4'))
      .map((f) => f.slice(0, -4))
      .sort()
  : [];
const ORIG = 'chair-orig-22-sd-bar';
const CHAIR_COPIES = ['chair-19-sd-bar', 'chair-20-sd-bar', 'chair-22-sd-grey-bar'];
const FAMILY = (n: string) => (n.startsWith('chair') ? 'chair' : n.startsWith('pattern') ? 'pattern' : n);

/** The reference's every-frame hashes (frameNumber,quality,pdqHex,timestampSeconds). */
function reference(name: string): MatchFrame[] {
  return readFileSync(path.join(DATA, `${name}.txt`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => {
      const [i, q, hex, t] = l.split(',');
      return { i: Number(i), quality: Number(q), hash: fromHex(hex!), t: Number(t) };
    });
}

const sparse = new Map<string, MatchFrame[]>();
const dense = new Map<string, MatchFrame[]>();
const pct = (x: number) => Math.round(x * 100);

describeWithData('vPDQ conformance (../shared/testdata/vpdq)', path.join(DATA, 'SOURCE.md'), () => {
  beforeAll(async () => {
    // One video at a time: the machine is shared, and ffmpeg already uses every core.
    for (const name of NAMES) {
      sparse.set(name, (await hashVideo(path.join(DATA, `${name}.mp4`), { timeoutS: 120 })).frames);
      dense.set(name, (await hashVideo(path.join(DATA, `${name}.mp4`), { timeoutS: 120, fps: 0 })).frames);
    }
  }, 240_000);

  it('has ≥ 80 % of each video’s strong 1-fps frames within 31 of the reference frame at the nearest time', () => {
    const all: number[] = [];
    const lines: string[] = [];
    for (const name of NAMES) {
      const ref = reference(name);
      const ds: number[] = [];
      for (const f of sparse.get(name)!) {
        if (f.quality < 50) continue;
        const nearest = ref.reduce((a, b) => (Math.abs(b.t - f.t) < Math.abs(a.t - f.t) ? b : a));
        ds.push(hammingDistance(f.hash, nearest.hash));
      }
      all.push(...ds);
      const within = ds.filter((d) => d <= 31).length / ds.length;
      lines.push(`  ${name}: ${ds.length} frames, ${pct(within)} % ≤ 31, max ${Math.max(...ds)}`);
      expect(within, name).toBeGreaterThanOrEqual(0.8);
    }
    const share = (lo: number, hi: number) => `${all.filter((d) => d >= lo && d <= hi).length}`;
    console.log(
      `vPDQ frames vs reference: ${all.length} strong frames; distance 0: ${share(0, 0)}, 1–4: ${share(1, 4)}, 5–8: ${share(5, 8)}, 9–16: ${share(9, 16)}, 17–31: ${share(17, 31)}, > 31: ${share(32, 256)}; max ${Math.max(...all)}\n${lines.join('\n')}`,
    );
  });

  it('matches python-threatexchange’s 1-fps hashes of chair-20 both ways at 100 %', () => {
    const expected: MatchFrame[] = readFileSync(path.join(DATA, '1fps/chair-20-sd-bar.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((l, i) => {
        const [t, q, hex] = l.split(',');
        return { i, t: Number(t), quality: Number(q), hash: fromHex(hex!) };
      });
    const ours = sparse.get('chair-20-sd-bar')!;
    expect(ours.map((f) => f.t)).toEqual(expected.map((f) => f.t));
    const r = compareVideos(ours, expected, { useTrimmed: false });
    expect([r.queryMatch, r.targetMatch]).toEqual([1, 1]);
  });

  it('finds chair-19, chair-20 and chair-22-grey in chair-orig, and locates them', () => {
    const lines: string[] = [];
    for (const name of CHAIR_COPIES) {
      const r = compareVideosDense(dense.get(name)!, dense.get(ORIG)!);
      // Against the reference's every-frame hashes, as a partner's vPDQ database would hold them.
      const vsRef = compareVideos(sparse.get(name)!, reference(ORIG), { useTrimmed: false });
      const oneFps = compareVideos(sparse.get(name)!, sparse.get(ORIG)!);
      lines.push(
        `  ${name} in ${ORIG}: ${pct(r.queryMatch)} % / ${pct(r.targetMatch)} % (every frame), ${pct(vsRef.queryMatch)} % against the reference hashes, ${pct(oneFps.queryMatch)} % 1 fps against 1 fps; ranges ${JSON.stringify(r.ranges)}`,
      );
      expect(r.queryMatch, name).toBeGreaterThanOrEqual(0.8);
      expect(vsRef.queryMatch, name).toBeGreaterThanOrEqual(0.8);
      expect(r.ranges.length, name).toBe(1);
    }
    // chair-19 starts 3.7 s (frame 111) into the original, chair-20 2 s in (SOURCE.md's hashes).
    const r19 = compareVideosDense(dense.get('chair-19-sd-bar')!, dense.get(ORIG)!).ranges[0]!;
    expect(r19.targetStart - r19.queryStart).toBeCloseTo(3.7, 0);
    const r20 = compareVideosDense(dense.get('chair-20-sd-bar')!, dense.get(ORIG)!).ranges[0]!;
    expect(r20.targetStart - r20.queryStart).toBeCloseTo(2, 0);
    console.log(`vPDQ copies:\n${lines.join('\n')}`);
  });

  it('reports what border-trimmed frame hashes reach on the copies plain vPDQ misses', () => {
    const pairs = [
      ['chair-22-with-large-logo-bar', ORIG],
      ['pattern-sd-with-small-logo-bar', 'pattern-hd-no-bar'],
    ] as const;
    const lines = pairs.map(([q, t]) => {
      const plain = compareVideosDense(dense.get(q)!, dense.get(t)!, { useTrimmed: false });
      const trimmed = compareVideosDense(dense.get(q)!, dense.get(t)!);
      return `  ${q} in ${t}: plain ${pct(plain.queryMatch)} % / ${pct(plain.targetMatch)} %, with trimmed hashes ${pct(trimmed.queryMatch)} % / ${pct(trimmed.targetMatch)} %`;
    });
    console.log(`vPDQ hard copies:\n${lines.join('\n')}`);
    const pattern = compareVideosDense(
      dense.get('pattern-sd-with-small-logo-bar')!,
      dense.get('pattern-hd-no-bar')!,
    );
    expect(pattern.queryMatch).toBeGreaterThanOrEqual(0.8);
  });

  it('never matches unrelated clips, and never matches weak frames', () => {
    for (const a of NAMES) {
      for (const b of NAMES) {
        if (FAMILY(a) === FAMILY(b)) continue;
        const r = compareVideosDense(dense.get(a)!, dense.get(b)!);
        expect([a, b, r.queryMatch, r.targetMatch, r.ranges.length]).toEqual([a, b, 0, 0, 0]);
      }
    }
    // doorknob: 31 frames at quality 0 are identical flat hashes; alone they match nothing.
    const weak = dense.get('doorknob-hd-no-bar')!.filter((f) => f.quality < 50);
    expect(weak.length).toBeGreaterThan(0);
    expect(compareVideos(weak, weak).queryMatch).toBe(0);
  });
});
