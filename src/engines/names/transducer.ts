/**
 * How an Arabic spelling and a Latin spelling of a name correspond, learned from pairs of them
 * (scripts/names-model.ts trains it; model.json is the result). Two memoryless stochastic
 * transducers in the manner of Ristad and Yianilos ("Learning string edit distance", 1998), made
 * conditional, one each way:
 * - Arabic → Latin: reading the Arabic letters, each writes zero to three Latin letters (ش → sh,
 *   و → ou, ع → nothing), and Latin letters no Arabic letter wrote — the short vowels Arabic
 *   leaves unwritten — come in between. It sees an Arabic letter the Latin does not explain
 *   (Mirna against عمران).
 * - Latin → Arabic: reading the Latin letters (or pairs: sh, ou, mm), each writes one Arabic
 *   letter or none (a short vowel writes none), and Arabic letters no Latin letter wrote (ع, a
 *   silent alef) come in between. It sees a long vowel the Arabic does not have (the "ou" of
 *   Mahmoud against محمد: "ou" writes و, and writes nothing only rarely).
 * P(target | source) sums over every alignment; the most likely alignment explains the pair.
 *
 * A pair is judged by how much better each side explains the other than a model of that script's
 * names alone does (log-likelihood ratios), turned into a probability by a logistic calibration
 * fitted on held-back pairs and on different names of the same consonants. A foreign name written
 * in Arabic (ألفونسو, Alfonso) is scored by the same letters; nothing falls to zero by rule.
 */

/** One direction of the model. */
export interface Direction {
  /** Longest source unit (Arabic: 1 letter; Latin: 2, for sh, ou, mm). */
  maxSource: number;
  /** Longest target string one unit writes. */
  maxEmit: number;
  /** log P(target string | source unit), the empty string included; `?` for a unit never seen. */
  emit: Record<string, Record<string, number>>;
  /**
   * log P(insert a target letter | context) — see contextOf: the last source letter read, whether
   * the last target letter is a vowel, and whether the next source letter is one.
   */
  insert: Record<string, Record<string, number>>;
  /** log P(go on to the next source unit, or end | context). */
  advance: Record<string, number>;
  /** The target script alone: letter bigrams, log P(next | previous), ^ and $ for the ends. */
  target: Record<string, Record<string, number>>;
  /** Letters that count as vowels in the source and in the target, for the contexts. */
  sourceVowels: string;
  targetVowels: string;
}

/** The trained model (model.json). */
export interface TransducerModel {
  version: 2;
  /** What it was trained on, for the README and for checking a rebuild. */
  trainedOn: string;
  arabicToLatin: Direction;
  latinToArabic: Direction;
  /** log-probability of anything the tables lack. */
  floor: number;
  /** Logistic calibration over `features` (and a constant last). */
  calibration: number[];
}

/** One step of an alignment: a source unit and what it wrote, or a target letter nothing wrote. */
export interface AlignStep {
  source: string;
  target: string;
  logp: number;
}

export interface DirectionScore {
  /** log P(target | source), summed over alignments. */
  logLik: number;
  /** logLik − log P(target) under the target-only model. */
  llr: number;
  /** The most likely alignment. */
  path: AlignStep[];
}

export interface TransducerScore {
  /** Calibrated probability that the two spell one name. */
  probability: number;
  arabicToLatin: DirectionScore;
  latinToArabic: DirectionScore;
}

/** The insertion context: last source letter (^ at the start), last target letter a vowel?, next source letter a vowel ($ at the end)? */
export function contextOf(
  d: Pick<Direction, 'sourceVowels' | 'targetVowels'>,
  lastSource: string,
  lastTarget: string | undefined,
  nextSource: string | undefined,
): string {
  const t = lastTarget !== undefined && d.targetVowels.includes(lastTarget) ? 'V' : 'C';
  const n = nextSource === undefined ? '$' : d.sourceVowels.includes(nextSource) ? 'V' : 'C';
  return `${lastSource}|${t}|${n}`;
}

/** A direction's tables as maps of [log-probability, probability], built once per model. */
interface Compiled {
  emit: Map<string, Map<string, [number, number]>>;
  insert: Map<string, Map<string, [number, number]>>;
  advance: Map<string, [number, number]>;
}
const compiled = new WeakMap<Direction, Compiled>();
function compile(d: Direction): Compiled {
  let c = compiled.get(d);
  if (c) return c;
  const pairs = (row: Record<string, number>) =>
    new Map(Object.entries(row).map(([k, v]) => [k, [v, Math.exp(v)] as [number, number]]));
  c = {
    emit: new Map(Object.entries(d.emit).map(([k, row]) => [k, pairs(row)])),
    insert: new Map(Object.entries(d.insert).map(([k, row]) => [k, pairs(row)])),
    advance: new Map(Object.entries(d.advance).map(([k, v]) => [k, [v, Math.exp(v)] as [number, number]])),
  };
  compiled.set(d, c);
  return c;
}

/** P(target | source) in one direction, with the best alignment. */
export function direction(d: Direction, floor: number, source: string, target: string): DirectionScore {
  const t = compile(d);
  const x = [...source];
  const y = [...target];
  const n = x.length;
  const m = y.length;
  const W = m + 1;
  const E = d.maxEmit + 1;
  // The target's substrings, and each cell's two possible contexts, computed once.
  const subs: string[] = new Array<string>(W * E).fill('');
  for (let j = 0; j <= m; j++)
    for (let k = 1; k < E && j + k <= m; k++) subs[j * E + k] = subs[j * E + k - 1] + y[j + k - 1]!;
  const rows: [Map<string, [number, number]>, [number, number]][] = [];
  for (let i = 0; i <= n; i++)
    for (const v of ['a', 'b']) {
      const lastTarget = v === 'a' ? d.targetVowels[0] : undefined;
      let c = contextOf(d, i === 0 ? '^' : x[i - 1]!, lastTarget, x[i]);
      if (!t.insert.has(c)) c = contextOf(d, '?', lastTarget, x[i]);
      rows.push([t.insert.get(c)!, t.advance.get(c)!]);
    }
  const rowAt = (i: number, j: number) =>
    rows[2 * i + (j > 0 && d.targetVowels.includes(y[j - 1]!) ? 0 : 1)]!;
  const unknown = t.emit.get('?');
  const floorP = Math.exp(floor);
  // Forward sums in probability space (names are short: no underflow), Viterbi in log space.
  const fwd = new Float64Array((n + 1) * W);
  const best = new Float64Array((n + 1) * W).fill(-Infinity);
  const back = new Int32Array((n + 1) * W).fill(-1);
  fwd[0] = 1;
  best[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const cell = i * W + j;
      const f = fwd[cell]!;
      const b = best[cell]!;
      if (f === 0 && b === -Infinity) continue;
      const [ins, adv] = rowAt(i, j);
      if (j < m) {
        const e = ins.get(y[j]!);
        const lp = e ? e[0] : floor;
        const to = cell + 1;
        fwd[to]! += f * (e ? e[1] : floorP);
        if (b + lp > best[to]!) {
          best[to] = b + lp;
          back[to] = cell;
        }
      }
      let unit = '';
      for (let u = 1; u <= d.maxSource && i + u <= n; u++) {
        unit += x[i + u - 1]!;
        const table = t.emit.get(unit) ?? (u === 1 ? unknown : undefined);
        if (!table) continue;
        for (let k = 0; k < E && j + k <= m; k++) {
          const e = table.get(subs[j * E + k]!);
          if (e === undefined) continue;
          const lp = adv[0] + e[0];
          const to = (i + u) * W + j + k;
          fwd[to]! += f * adv[1] * e[1];
          if (b + lp > best[to]!) {
            best[to] = b + lp;
            back[to] = cell;
          }
        }
      }
    }
  }
  const end = rowAt(n, m)[1][0];
  const total = fwd[n * W + m]!;
  const logLik = (total > 0 ? Math.log(total) : -1e6) + end;
  const llr = logLik - targetLogProb(d, floor, y);
  const path: AlignStep[] = [];
  let cell = n * W + m;
  while (cell > 0 && back[cell]! >= 0) {
    const prev = back[cell]!;
    const [i1, j1] = [Math.floor(cell / W), cell % W];
    const [i0, j0] = [Math.floor(prev / W), prev % W];
    path.push({
      source: x.slice(i0, i1).join(''),
      target: y.slice(j0, j1).join(''),
      logp: best[cell]! - best[prev]!,
    });
    cell = prev;
  }
  path.reverse();
  return { logLik, llr, path };
}

/** log P(target) under the target-only bigram model. */
export function targetLogProb(d: Direction, floor: number, y: string[]): number {
  let prev = '^';
  let lp = 0;
  for (const ch of y) {
    lp += d.target[prev]?.[ch] ?? floor;
    prev = d.target[ch] ? ch : '?';
  }
  return lp + (d.target[prev]?.['$'] ?? floor);
}

/** The least likely step of an alignment, runs of inserted letters counted as one step. */
export function weakestStep(path: AlignStep[]): AlignStep | undefined {
  const steps: AlignStep[] = [];
  for (const s of path) {
    const last = steps[steps.length - 1];
    if (!s.source && last && !last.source)
      steps[steps.length - 1] = { source: '', target: last.target + s.target, logp: last.logp + s.logp };
    else steps.push(s);
  }
  let w: AlignStep | undefined;
  for (const s of steps) if (w === undefined || s.logp < w.logp) w = s;
  return w;
}

/**
 * The calibration's inputs for one direction: the log-likelihood ratio and the weakest step's
 * log-probability. (A per-letter ratio was tried too: collinear with the total, it took a negative
 * weight, so that more evidence could lower a score; without it the fit is as good and monotone.)
 */
function directionFeatures(s: DirectionScore, targetLength: number): number[] {
  // Bounded, so that a pair no alignment explains at all does not dominate the fit.
  const llr = Math.max(-60, Math.min(60, s.llr));
  return [llr / (targetLength + 1), Math.max(-20, weakestStep(s.path)?.logp ?? 0)];
}

/** Both directions' features, in the order of `calibration`. */
export function features(
  arabicToLatin: DirectionScore,
  latinToArabic: DirectionScore,
  arabic: string,
  latin: string,
): number[] {
  return [
    ...directionFeatures(arabicToLatin, [...latin].length),
    ...directionFeatures(latinToArabic, [...arabic].length),
  ];
}

/** Scores Arabic letters against Latin letters (both normalised, spaces removed). */
export function transduce(model: TransducerModel, arabic: string, latin: string): TransducerScore {
  const a2l = direction(model.arabicToLatin, model.floor, arabic, latin);
  const l2a = direction(model.latinToArabic, model.floor, latin, arabic);
  const f = features(a2l, l2a, arabic, latin);
  const c = model.calibration;
  let z = c[c.length - 1]!;
  for (let k = 0; k < f.length; k++) z += c[k]! * f[k]!;
  return { probability: 1 / (1 + Math.exp(-z)), arabicToLatin: a2l, latinToArabic: l2a };
}
