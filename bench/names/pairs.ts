/**
 * Name pairs for training the name engine's letter model (scripts/names-model.ts) and for
 * measuring it (bench/names.bench.ts), read in place from ../shared/testdata/names. The splits
 * are fixed by a hash of the Arabic, so training never sees an evaluation pair:
 * - Levantine: a tenth held out for evaluation (the same tenth the registry benchmark's queries
 *   look for), a tenth of the rest kept for calibration, the rest for training;
 * - Google ar2en: its own eval file for evaluation; a tenth of its train file for calibration.
 * Negatives are built here too: random pairings, and "same consonants, different name" pairs —
 * an Arabic name against the Latin spelling of another Arabic name whose consonant skeleton (as
 * the engine keys it) is the same, leaving out any spelling the first name is known by.
 */
import { tokenize } from '#src/engines/names/index.ts';
import { seededRandom } from '#src/engines/prng.ts';
import { readPairs, heldOut, type NamePair } from './data.ts';

export interface LabelledPair extends NamePair {
  same: boolean;
}

function bucket(p: NamePair, salt: number): number {
  let h = 2166136261 ^ salt;
  for (const ch of p.arabic) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return (h >>> 0) % 10;
}

export interface NameSplits {
  train: NamePair[];
  calibration: NamePair[];
  levantineEval: NamePair[];
  googleEval: NamePair[];
  levantineAll: NamePair[];
  /** Every Latin spelling each Arabic name is known by, across all files. */
  known: Map<string, Set<string>>;
}

export function nameSplits(): NameSplits {
  const lev = readPairs('levantine/levantine-train.tsv');
  const gTrain = readPairs('google-ar2en/ar2en-train.tsv');
  const gEval = readPairs('google-ar2en/ar2en-eval.tsv');
  const levRest = lev.filter((p) => !heldOut(p));
  const rest = [...levRest, ...gTrain];
  const known = new Map<string, Set<string>>();
  for (const p of [...lev, ...gTrain, ...gEval]) {
    const k = known.get(p.arabic) ?? new Set<string>();
    k.add(p.latin.toLowerCase());
    known.set(p.arabic, k);
  }
  return {
    train: rest.filter((p) => bucket(p, 7) !== 0),
    calibration: rest.filter((p) => bucket(p, 7) === 0),
    levantineEval: lev.filter(heldOut),
    googleEval: gEval,
    levantineAll: lev,
    known,
  };
}

/** Each positive with `perPositive` random negatives: another pair's Latin the Arabic is not known by. */
export function withRandomNegatives(
  positives: NamePair[],
  known: Map<string, Set<string>>,
  perPositive: number,
  seed: number,
): LabelledPair[] {
  const r = seededRandom(seed);
  const out: LabelledPair[] = positives.map((p) => ({ ...p, same: true }));
  for (const p of positives) {
    for (let k = 0; k < perPositive; k++) {
      for (let tries = 0; tries < 20; tries++) {
        const other = positives[Math.floor(r() * positives.length)]!;
        if (known.get(p.arabic)?.has(other.latin.toLowerCase())) continue;
        out.push({ arabic: p.arabic, latin: other.latin, same: false });
        break;
      }
    }
  }
  return out;
}

function skeletonOf(name: string): string | null {
  try {
    const t = tokenize(name);
    return t.length === 1 ? t[0]!.skeleton : null;
  } catch {
    return null;
  }
}

/**
 * Same-consonant different-name pairs for the Arabic names of `targets`: each against up to
 * `cap` Latin spellings (from `pool`) of other Arabic names with the same skeleton. With the
 * targets' own spellings as the positives.
 */
export function sameConsonantPairs(
  targets: NamePair[],
  pool: NamePair[],
  known: Map<string, Set<string>>,
  cap = 4,
): LabelledPair[] {
  const bySkeleton = new Map<string, NamePair[]>();
  for (const p of pool) {
    const s = skeletonOf(p.latin);
    if (!s) continue;
    const list = bySkeleton.get(s) ?? [];
    list.push(p);
    bySkeleton.set(s, list);
  }
  const out: LabelledPair[] = [];
  const seenArabic = new Set<string>();
  for (const t of targets) {
    out.push({ ...t, same: true });
    if (seenArabic.has(t.arabic)) continue;
    seenArabic.add(t.arabic);
    const s = skeletonOf(t.arabic);
    if (!s) continue;
    const mine = known.get(t.arabic) ?? new Set<string>();
    let n = 0;
    const used = new Set<string>();
    for (const o of bySkeleton.get(s) ?? []) {
      const latin = o.latin.toLowerCase();
      if (o.arabic === t.arabic || mine.has(latin) || used.has(latin)) continue;
      // Another spelling of the same name, under a variant Arabic spelling, is not a different name.
      if ((known.get(o.arabic) ?? new Set()).size && [...mine].some((m) => known.get(o.arabic)!.has(m)))
        continue;
      used.add(latin);
      out.push({ arabic: t.arabic, latin: o.latin, same: false });
      if (++n >= cap) break;
    }
  }
  return out;
}
