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
  /**
   * Every Latin spelling each Arabic name is known by, across all files, both sides as the engine
   * normalises them (so أسامة and اسامة, Osama and OSAMA, are one): see isKnown.
   */
  known: Map<string, Set<string>>;
}

/** A name as the letter model reads it (its tokens' modelText), to compare spellings as the engine does. */
export function normalised(name: string): string {
  try {
    return tokenize(name)
      .map((t) => t.modelText)
      .join(' ');
  } catch {
    return name.toLowerCase();
  }
}

/** Whether `latin` is a known spelling of `arabic` (normalised both sides). */
export function isKnown(known: Map<string, Set<string>>, arabic: string, latin: string): boolean {
  return known.get(normalised(arabic))?.has(normalised(latin)) ?? false;
}

export function nameSplits(): NameSplits {
  const lev = readPairs('levantine/levantine-train.tsv');
  const gTrain = readPairs('google-ar2en/ar2en-train.tsv');
  const gEval = readPairs('google-ar2en/ar2en-eval.tsv');
  const levEval = lev.filter(heldOut);
  // Nothing an evaluation pair names — its Arabic as the engine normalises it — is trained or
  // calibrated on: the files overlap (a name in both Google files, hamza variants split apart).
  const evalArabic = new Set([...levEval, ...gEval].map((p) => normalised(p.arabic)));
  const rest = [...lev.filter((p) => !heldOut(p)), ...gTrain].filter(
    (p) => !evalArabic.has(normalised(p.arabic)),
  );
  const known = new Map<string, Set<string>>();
  for (const p of [...lev, ...gTrain, ...gEval]) {
    const a = normalised(p.arabic);
    const k = known.get(a) ?? new Set<string>();
    k.add(normalised(p.latin));
    known.set(a, k);
  }
  return {
    train: rest.filter((p) => bucket(p, 7) !== 0),
    calibration: rest.filter((p) => bucket(p, 7) === 0),
    levantineEval: levEval,
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
        if (isKnown(known, p.arabic, other.latin)) continue;
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
    const mineKey = normalised(t.arabic);
    const mine = known.get(mineKey) ?? new Set<string>();
    let n = 0;
    const used = new Set<string>();
    for (const o of bySkeleton.get(s) ?? []) {
      const latin = normalised(o.latin);
      const otherKey = normalised(o.arabic);
      if (otherKey === mineKey || mine.has(latin) || used.has(latin)) continue;
      // Another spelling of the same name, under a variant Arabic spelling, is not a different name.
      const theirs = known.get(otherKey) ?? new Set<string>();
      if ([...mine].some((m) => theirs.has(m))) continue;
      used.add(latin);
      out.push({ arabic: t.arabic, latin: o.latin, same: false });
      if (++n >= cap) break;
    }
  }
  return out;
}
