// Trains the name engine's letter model from the shared name pairs and writes
// src/engines/names/model.json: `npm run names:model` (deterministic: the same data give the same
// file, byte for byte; `--check` only compares, for the test that keeps the committed file honest). See src/engines/names/transducer.ts for the model and the README's names
// section for what it means.
//
// For each direction (Arabic → Latin, Latin → Arabic):
// 1. expectation-maximisation over all alignments of each training pair (forward-backward),
//    starting from the hand table of Arabic letter spellings (transliterate.ts) as a prior, with a
//    small pseudo-count so that a correspondence seen rarely keeps some probability;
// 2. a letter bigram model of the target script's training spellings (the "name alone" model).
// Then a logistic calibration of both directions' log-likelihood ratios on the calibration split
// (never trained on), against random pairings and same-consonant different names.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tokenize } from '#src/engines/names/index.ts';
import { LETTER_SPELLINGS } from '#src/engines/names/transliterate.ts';
import {
  contextOf,
  direction,
  features,
  type Direction,
  type TransducerModel,
} from '#src/engines/names/transducer.ts';
import {
  nameSplits,
  sameConsonantPairs,
  withRandomNegatives,
  type LabelledPair,
} from '../bench/names/pairs.ts';

const ITERATIONS = 12;
const PSEUDO = 0.05;
const FLOOR = Math.log(1e-7);
const LATIN_VOWELS = 'aeiouy';
const ARABIC_VOWELS = 'اويىهعء';
const out = path.resolve(import.meta.dirname, '../src/engines/names/model.json');

/** The forms the engine compares: one token each side, spaces removed; null when not one token. */
function forms(p: { arabic: string; latin: string }): { arabic: string; latin: string } | null {
  try {
    const a = tokenize(p.arabic);
    const l = tokenize(p.latin);
    if (a.length !== 1 || l.length !== 1 || a[0]!.script !== 'arabic' || l[0]!.script !== 'latin')
      return null;
    return { arabic: a[0]!.modelText, latin: l[0]!.modelText };
  } catch {
    return null;
  }
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;
const byKey = ([p]: [string, unknown], [q]: [string, unknown]) => (p < q ? -1 : p > q ? 1 : 0);

function logNormalise(counts: Record<string, number>): Record<string, number> {
  const total = Object.values(counts).reduce((s, v) => s + v, 0);
  const o: Record<string, number> = {};
  for (const [k, v] of Object.entries(counts).sort(byKey))
    if (v / total >= 1e-4) o[k] = round(Math.log(v / total));
  return o;
}

/** Groups of letters frequent enough in `words` to be a unit, and that `ok` allows. */
function frequentGroups(
  words: string[][],
  maxLen: number,
  min: (len: number) => number,
  ok: (g: string) => boolean,
) {
  const grams = new Map<string, number>();
  for (const w of words)
    for (let k = 2; k <= maxLen; k++)
      for (let j = 0; j + k <= w.length; j++) {
        const g = w.slice(j, j + k).join('');
        grams.set(g, (grams.get(g) ?? 0) + 1);
      }
  return [...grams]
    .filter(([g, c]) => c >= min([...g].length) && ok(g))
    .map(([g]) => g)
    .sort();
}

interface Spec {
  name: string;
  pairs: { source: string[]; target: string[] }[];
  sourceUnits: string[];
  targets: string[];
  maxSource: number;
  maxEmit: number;
  sourceVowels: string;
  targetVowels: string;
  /** Prior pseudo-count for source unit → target string. */
  prior: (unit: string, target: string) => number;
}

function train(spec: Spec): Direction {
  const targetLetters = [...new Set(spec.pairs.flatMap((p) => p.target))].sort();
  const sourceLetters = [...new Set(spec.pairs.flatMap((p) => p.source))].sort();
  const vowelsOf = { sourceVowels: spec.sourceVowels, targetVowels: spec.targetVowels };
  const contexts = ['^', '?', ...sourceLetters].flatMap((s) =>
    [spec.targetVowels[0]!, '#'].flatMap((t) => [
      contextOf(vowelsOf, s, t, spec.sourceVowels[0]),
      contextOf(vowelsOf, s, t, '#'),
      contextOf(vowelsOf, s, t, undefined),
    ]),
  );
  const prior: Record<string, Record<string, number>> = {};
  for (const u of spec.sourceUnits) {
    prior[u] = {};
    for (const t of spec.targets) prior[u][t] = spec.prior(u, t);
  }
  let d: Direction = {
    maxSource: spec.maxSource,
    maxEmit: spec.maxEmit,
    emit: {},
    insert: {},
    advance: {},
    target: {},
    ...vowelsOf,
  };
  for (const u of spec.sourceUnits) d.emit[u] = logNormalise(prior[u]!);
  for (const c of contexts) {
    const row: Record<string, number> = {};
    for (const l of targetLetters) row[l] = spec.targetVowels.includes(l) ? 1 : 0.05;
    const lp = logNormalise({ ...row, '>': 6 });
    d.advance[c] = lp['>']!;
    delete lp['>'];
    d.insert[c] = lp;
  }
  d = withUnknown(
    d,
    spec.sourceUnits.filter((u) => [...u].length === 1),
    sourceLetters,
  );

  for (let it = 0; it < ITERATIONS; it++) {
    const emitC: Record<string, Record<string, number>> = {};
    for (const u of spec.sourceUnits) emitC[u] = { ...prior[u]! };
    const insC: Record<string, Record<string, number>> = {};
    const advC: Record<string, number> = {};
    for (const c of contexts) {
      insC[c] = {};
      for (const l of targetLetters) insC[c][l] = PSEUDO;
      advC[c] = PSEUDO;
    }
    let total = 0;
    for (const { source: x, target: y } of spec.pairs) {
      const n = x.length;
      const m = y.length;
      const W = m + 1;
      const ctxOf = (i: number, j: number) => contextOf(d, i === 0 ? '^' : x[i - 1]!, y[j - 1], x[i]);
      const pIns = (i: number, j: number) => Math.exp(d.insert[ctxOf(i, j)]![y[j]!] ?? FLOOR);
      // Every (unit, emission) step from (i, j): [source length, target length, probability, unit, target].
      const steps = (i: number, j: number): [number, number, number, string, string][] => {
        const outS: [number, number, number, string, string][] = [];
        const adv = d.advance[ctxOf(i, j)]!;
        for (let u = 1; u <= spec.maxSource && i + u <= n; u++) {
          const unit = x.slice(i, i + u).join('');
          const table = d.emit[unit];
          if (!table) continue;
          for (let k = 0; k <= spec.maxEmit && j + k <= m; k++) {
            const t = y.slice(j, j + k).join('');
            const e = table[t];
            if (e !== undefined) outS.push([u, k, Math.exp(adv + e), unit, t]);
          }
        }
        return outS;
      };
      const fwd = new Float64Array((n + 1) * W);
      fwd[0] = 1;
      for (let i = 0; i <= n; i++)
        for (let j = 0; j <= m; j++) {
          const f = fwd[i * W + j]!;
          if (f === 0) continue;
          if (j < m) fwd[i * W + j + 1]! += f * pIns(i, j);
          for (const [u, k, p] of steps(i, j)) fwd[(i + u) * W + j + k]! += f * p;
        }
      const end = Math.exp(d.advance[ctxOf(n, m)]!);
      const bwd = new Float64Array((n + 1) * W);
      bwd[n * W + m] = end;
      for (let i = n; i >= 0; i--)
        for (let j = m; j >= 0; j--) {
          if (i === n && j === m) continue;
          let b = j < m ? pIns(i, j) * bwd[i * W + j + 1]! : 0;
          for (const [u, k, p] of steps(i, j)) b += p * bwd[(i + u) * W + j + k]!;
          bwd[i * W + j] = b;
        }
      const z = fwd[n * W + m]! * end;
      if (!(z > 0)) continue;
      total += Math.log(z);
      for (let i = 0; i <= n; i++)
        for (let j = 0; j <= m; j++) {
          const f = fwd[i * W + j]!;
          if (f === 0) continue;
          const ctx = ctxOf(i, j);
          if (j < m)
            insC[ctx]![y[j]!] = (insC[ctx]![y[j]!] ?? 0) + (f * pIns(i, j) * bwd[i * W + j + 1]!) / z;
          for (const [u, k, p, unit, t] of steps(i, j)) {
            const c = (f * p * bwd[(i + u) * W + j + k]!) / z;
            emitC[unit]![t] = (emitC[unit]![t] ?? 0) + c;
            advC[ctx] = advC[ctx]! + c;
          }
        }
      advC[ctxOf(n, m)] = advC[ctxOf(n, m)]! + 1;
    }
    const next: Direction = { ...d, emit: {}, insert: {}, advance: {} };
    for (const u of spec.sourceUnits) next.emit[u] = logNormalise(emitC[u]!);
    for (const c of contexts) {
      if (c.startsWith('?|')) continue;
      const lp = logNormalise({ ...insC[c]!, '>': advC[c]! });
      next.advance[c] = lp['>']!;
      delete lp['>'];
      next.insert[c] = lp;
    }
    d = withUnknown(
      next,
      spec.sourceUnits.filter((u) => [...u].length === 1),
      sourceLetters,
    );
    process.stderr.write(
      `${spec.name}, EM iteration ${it + 1}: mean log-likelihood ${(total / spec.pairs.length).toFixed(4)}\n`,
    );
  }

  const big: Record<string, Record<string, number>> = {};
  for (const { target } of spec.pairs) {
    let prev = '^';
    for (const ch of [...target, '$']) {
      big[prev] ??= {};
      big[prev]![ch] = (big[prev]![ch] ?? 0) + 1;
      prev = ch;
    }
  }
  for (const prev of ['^', ...targetLetters]) {
    const row: Record<string, number> = {};
    for (const ch of [...targetLetters, '$']) row[ch] = (big[prev]?.[ch] ?? 0) + 0.5;
    d.target[prev] = logNormalise(row);
  }
  d.target['?'] = d.target['^']!;
  return d;
}

/** The rows for a source letter never seen (`?`): the average of all single letters' rows. */
function withUnknown(d: Direction, singles: string[], sourceLetters: string[]): Direction {
  const avg = (rows: Record<string, number>[]) => {
    const sum: Record<string, number> = {};
    for (const r of rows)
      for (const [k, v] of Object.entries(r)) sum[k] = (sum[k] ?? 0) + Math.exp(v) / rows.length;
    return logNormalise(sum);
  };
  d.emit['?'] = avg(singles.map((u) => d.emit[u]!));
  // Insertions and the advance share one distribution per context: average them jointly.
  for (const key of Object.keys(d.insert).filter((c) => c.startsWith('^|'))) {
    const tail = key.slice(1);
    const rows = sourceLetters.map((s) => s + tail).filter((c) => d.insert[c]);
    const joint = avg(rows.map((c) => ({ ...d.insert[c]!, '>': d.advance[c]! })));
    d.advance['?' + tail] = joint['>']!;
    delete joint['>'];
    d.insert['?' + tail] = joint;
  }
  return d;
}

// What the hand rules knew beyond transliterate.ts's table, as priors: ذ and ظ read as d or th
// (ذيب Deeb, Theeb), ث as t or s, ج as dj or g (Djamel), a Maghrebi e for ا (Djamel, Kacem).
const EXTRA_SPELLINGS: Record<string, string[]> = {
  ذ: ['d', 'th'],
  ظ: ['d', 'th'],
  ث: ['t'],
  ج: ['dj'],
  ا: ['e'],
};

const splits = nameSplits();
const trainForms = splits.train.map(forms).filter((f) => f !== null);
const arabicWords = trainForms.map((f) => [...f.arabic]);
const latinWords = trainForms.map((f) => [...f.latin]);
const latinLetters = [...new Set(latinWords.flat())].sort();
const arabicLetters = [...new Set(arabicWords.flat())].sort();

// A Latin group is all consonants (sh, kh, mm) or all vowels with the glides and h that write long
// vowels and endings (ou, ee, ay, ah): a unit must not swallow a short vowel beside a consonant
// ("ham" for ح), because those vowels are what tells Muhammad from Mahmoud.
const latinGroupOk = (g: string) =>
  [...g].every((c) => !'aeiou'.includes(c)) || [...g].every((c) => 'aeiouywh'.includes(c));
const latinGroups = frequentGroups(latinWords, 3, (len) => (len === 2 ? 30 : 60), latinGroupOk);
const latinGroups2 = latinGroups.filter((g) => g.length === 2);

/** The prior pseudo-count for Arabic letter `a` written `latin`: the hand tables, a doubled letter (shadda). */
function handPrior(a: string, latin: string): number {
  const hand = [...(LETTER_SPELLINGS[a] ?? []), ...(EXTRA_SPELLINGS[a] ?? [])];
  if (hand.includes(latin)) return 5;
  if (latin.length === 2 && latin[0] === latin[1] && hand.includes(latin[0]!)) return 1;
  return PSEUDO;
}

const arabicToLatin = train({
  name: 'Arabic → Latin',
  pairs: trainForms.map((f) => ({ source: [...f.arabic], target: [...f.latin] })),
  sourceUnits: arabicLetters,
  targets: ['', ...latinLetters, ...latinGroups],
  maxSource: 1,
  maxEmit: 3,
  sourceVowels: ARABIC_VOWELS,
  targetVowels: LATIN_VOWELS,
  prior: (a, t) => handPrior(a, t),
});

const latinToArabic = train({
  name: 'Latin → Arabic',
  pairs: trainForms.map((f) => ({ source: [...f.latin], target: [...f.arabic] })),
  sourceUnits: [...latinLetters, ...latinGroups2],
  targets: ['', ...arabicLetters],
  maxSource: 2,
  maxEmit: 1,
  sourceVowels: LATIN_VOWELS,
  targetVowels: ARABIC_VOWELS,
  prior: (l, a) => (a === '' ? ('aeiou'.includes(l) ? 5 : PSEUDO) : handPrior(a, l)), // a short vowel writes nothing
});

const model: TransducerModel = {
  version: 2,
  trainedOn: '',
  arabicToLatin,
  latinToArabic,
  floor: FLOOR,
  calibration: [],
};

// Calibration on pairs training never saw: logistic regression by damped Newton steps.
const calib: LabelledPair[] = [
  ...withRandomNegatives(splits.calibration, splits.known, 2, 17),
  ...sameConsonantPairs(
    splits.calibration.filter((p) => splits.levantineAll.includes(p)),
    splits.levantineAll.filter((p) => !splits.levantineEval.includes(p)),
    splits.known,
  ).filter((p) => !p.same),
];
const rows: { f: number[]; y: number; w: number }[] = [];
const nPos = calib.filter((p) => p.same).length;
const nNeg = calib.length - nPos;
for (const p of calib) {
  const f = forms(p);
  if (!f) continue;
  const a2l = direction(arabicToLatin, FLOOR, f.arabic, f.latin);
  const l2a = direction(latinToArabic, FLOOR, f.latin, f.arabic);
  rows.push({
    f: [...features(a2l, l2a, f.arabic, f.latin), 1],
    y: p.same ? 1 : 0,
    w: p.same ? 1 : nPos / nNeg,
  });
}
const D = rows[0]!.f.length;
let w = new Array<number>(D).fill(0);
for (let it = 0; it < 300; it++) {
  // A little ridge (1e-3) keeps Newton's steps finite when the classes separate.
  const g = w.map((v) => -1e-3 * v);
  const H = Array.from({ length: D }, (_, a) => Array.from({ length: D }, (_, b) => (a === b ? 1e-3 : 0)));
  for (const r of rows) {
    const z = r.f.reduce((s, v, k) => s + v * w[k]!, 0);
    const p = 1 / (1 + Math.exp(-z));
    for (let a = 0; a < D; a++) {
      g[a]! += r.w * (r.y - p) * r.f[a]!;
      for (let b = 0; b < D; b++) H[a]![b]! += r.w * p * (1 - p) * r.f[a]! * r.f[b]!;
    }
  }
  let step = solve(H, g);
  const norm = Math.hypot(...step);
  if (norm > 1) step = step.map((v) => v / norm);
  w = w.map((v, k) => v + step[k]!);
  if (norm < 1e-9) break;
}
model.calibration = w.map(round);
model.trainedOn = `${trainForms.length} pairs (the Levantine train split and Google ar2en train, less a tenth kept for calibration); calibrated on ${rows.length} pairs`;

/** Solves A·x = b by Gauss–Jordan elimination with partial pivoting (A is small and positive definite). */
function solve(A: number[][], b: number[]): number[] {
  const k = b.length;
  const M = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let q = c; q <= k; q++) M[r]![q]! -= f * M[c]![q]!;
    }
  }
  return M.map((r, i) => r[k]! / r[i]!);
}

const text = JSON.stringify(model) + '\n';
if (process.argv.includes('--check')) {
  // CI: the committed model is what this script makes from the shared data.
  const same = existsSync(out) && readFileSync(out, 'utf8') === text;
  process.stderr.write(
    same
      ? 'model.json is up to date\n'
      : 'model.json differs from a fresh training: run npm run names:model\n',
  );
  process.exit(same ? 0 : 1);
}
writeFileSync(out, text);
process.stderr.write(
  `wrote ${path.relative(process.cwd(), out)}: ${arabicLetters.length} Arabic letters, ${latinLetters.length} Latin letters, ${latinGroups.length} Latin groups; calibration ${model.calibration.join(', ')}\n`,
);
