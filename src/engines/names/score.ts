import { editDistance, keysMatch, phoneticKey } from './keys.ts';
import model from './model.json' with { type: 'json' };
import { tokenize, type NameToken } from './tokens.ts';
import {
  transduce,
  weakestStep,
  type AlignStep,
  type TransducerModel,
  type TransducerScore,
} from './transducer.ts';

const MODEL = model as TransducerModel;

/**
 * Comparing names and person records. A name is a bag of tokens: tokens align by phonetic key
 * regardless of order or script; common names weigh less; a shorter name (a partial query) is
 * scored on what it holds, with a small discount for what it lacks.
 */

/** How two tokens were aligned. */
export type Alignment = 'exact' | 'spelling' | 'near' | 'different';

/** One aligned pair of tokens in an explanation. */
export interface AlignedToken {
  a: string;
  b: string;
  how: Alignment;
  similarity: number;
  weight: number;
  /** Why two tokens that share consonants are not the same name, when they are not. */
  why?: string;
  /** Across scripts: how the letters correspond ("م=m +a ح=h م=m +ou د=d"; + a Latin letter no Arabic one wrote). */
  letters?: string;
}

/** Result of comparing two names. */
export interface NameComparison {
  score: number;
  aligned: AlignedToken[];
  unmatchedA: string[];
  unmatchedB: string[];
  reordered: boolean;
}

// Frequent given names are weak evidence: two records both called Mohammad say little.
const VERY_COMMON = [
  'muhammad',
  'ahmad',
  'ali',
  'mahmoud',
  'hasan',
  'hussein',
  'khalid',
  'omar',
  'ibrahim',
  'youssef',
  'mustafa',
  'fatima',
  'maryam',
];
const COMMON = [
  'abdallah',
  'khalil',
  'said',
  'salih',
  'adel',
  'walid',
  'samir',
  'jamal',
  'nour',
  'hamid',
  'aisha',
  'zaynab',
  'amina',
  'khadija',
  'yasin',
  'ismail',
  'abdulrahman',
  'abdulaziz',
  'hamza',
  'bilal',
  'tariq',
  'ziad',
  'rami',
  'nasser',
  'karim',
  'majid',
  'sami',
  'osama',
  'anas',
  'yahya',
  'issa',
  'musa',
  'hani',
  'huda',
  'layla',
  'sara',
  'rana',
  'abdulkarim',
  'jihad',
];
const COMMON_KEYS = [
  ...VERY_COMMON.map((n) => ({ ...keyOf(n), weight: 0.4 })),
  ...COMMON.map((n) => ({ ...keyOf(n), weight: 0.7 })),
];
function keyOf(latin: string): { key: string; skeleton: string } {
  const t = tokenize(latin)[0];
  return t ? { key: t.key, skeleton: t.skeleton } : { key: phoneticKey(latin, 'latin'), skeleton: '' };
}

/** Evidential weight of a token: 0.4 for the most frequent names, 0.7 for common ones, else 1. */
export function tokenWeight(t: NameToken): number {
  // The weight depends on the key alone; a search compares one query with hundreds of candidates,
  // so each key is checked against the frequent-name list once (bounded, so memory stays flat).
  const cached = weightByKey.get(t.key);
  if (cached !== undefined) return cached;
  let weight = 1;
  for (const c of COMMON_KEYS) {
    if (c.key === t.key || (c.skeleton === t.skeleton && keysMatch(c.key, t.key))) {
      weight = c.weight;
      break;
    }
  }
  if (weightByKey.size >= 100_000) weightByKey.clear();
  weightByKey.set(t.key, weight);
  return weight;
}
const weightByKey = new Map<string, number>();

/** Similarity of two tokens in [0,1] and how they aligned. */
export function tokenSimilarity(
  a: NameToken,
  b: NameToken,
): { similarity: number; how: Alignment; why?: string; letters?: string } {
  if (a.text === b.text) return { similarity: 1, how: 'exact' };
  if (a.kind !== b.kind && (a.kind === 'abu' || b.kind === 'abu')) return { similarity: 0, how: 'different' };
  if (a.script !== b.script)
    return acrossScripts(a.script === 'arabic' ? a : b, a.script === 'arabic' ? b : a);
  const bothArabic = a.script === 'arabic' && b.script === 'arabic';
  // Two Arabic spellings are compared letter by letter: what differs is a different letter.
  if (bothArabic && a.kind === b.kind && a.letters === b.letters) return { similarity: 1, how: 'spelling' };
  if (keysMatch(a.key, b.key)) {
    // Same sounds to a Latin ear, different Arabic letters (سمحان / أسمهان, مصبح / مصباح): a typo or another name.
    if (bothArabic) return { similarity: 0.6, how: 'near', why: 'different Arabic letters' };
    // Karim and Karima, Nour and Noura, كريمة and Karim: the ending makes another name.
    if (!endingsAgree(a, b)) return { similarity: 0.3, how: 'different', why: 'different endings' };
    // Mohammad and Mahmoud share every consonant; their vowels sit in different places.
    if (a.kind === 'name' && b.kind === 'name' && a.shape !== '' && b.shape !== '' && a.shape !== b.shape) {
      return { similarity: 0.4, how: 'different', why: 'vowels in different places' };
    }
    // إبراهيم and Brahim (a Maghrebi spelling), أسمهان and Samhan: likely, not certain.
    // Only for plain names: an article (al-, el-, es-) or a compound hides how the name itself begins.
    if (
      a.script !== b.script &&
      a.kind === 'name' &&
      b.kind === 'name' &&
      !a.article &&
      !b.article &&
      a.initial !== b.initial
    ) {
      return { similarity: 0.7, how: 'near', why: 'one spelling begins with a vowel, the other not' };
    }
    return { similarity: 1, how: 'spelling' };
  }
  // Same consonants but a yaa/waw one spelling insists on and the other cannot have: Hasan/Husayn.
  if (a.skeleton === b.skeleton)
    return { similarity: 0.3, how: 'different', why: 'a long vowel only one has' };
  const longest = Math.max(a.skeleton.length, b.skeleton.length);
  const d = editDistance(a.skeleton, b.skeleton);
  if (longest >= 4 && d === 1 && a.skeleton.length === b.skeleton.length)
    return { similarity: 0.6, how: 'near', why: 'one consonant differs' };
  return { similarity: 0, how: 'different' };
}

/**
 * An Arabic and a Latin spelling, by the learned letter model (transducer.ts): the probability
 * that the Latin spells the Arabic. From 0.95 a "spelling", from 0.5 "near" (Mahmoud against
 * محمد, 0.90); below, "different": with the same consonants a conflict the score counts against
 * the pair, otherwise the tokens are simply not aligned (unless 0.2 or more).
 */
type Across = { similarity: number; how: Alignment; why?: string; letters?: string };

/** Memoised on everything the verdict reads of the two tokens (a search meets the same pairs often). */
function acrossScripts(ar: NameToken, la: NameToken): Across {
  const key = `${tokenFacts(ar)}\u0001${tokenFacts(la)}`;
  const cached = acrossCache.get(key);
  if (cached) return cached;
  const out = judgeAcross(ar, la);
  if (acrossCache.size >= 200_000) acrossCache.clear();
  acrossCache.set(key, out);
  return out;
}
const acrossCache = new Map<string, Across>();
function tokenFacts(t: NameToken): string {
  return `${t.modelText}\u0000${t.key}\u0000${t.skeleton}\u0000${t.kind}${t.article ? 1 : 0}${t.initial}${t.final}`;
}

function judgeAcross(ar: NameToken, la: NameToken): Across {
  // Consonant skeletons far apart (more than half the letters) are different names without
  // running the model: a search compares a query with hundreds of candidates.
  const longest = Math.max(ar.skeleton.length, la.skeleton.length);
  if (
    !keysMatch(ar.key, la.key) &&
    editDistance(ar.skeleton, la.skeleton) > Math.max(2, Math.ceil(longest / 2))
  )
    return { similarity: 0, how: 'different' };
  const r = modelled(ar.modelText, la.modelText);
  // The hand rules that still help (measured in bench/names.bench.ts) only ever lower the
  // model's probability: an ending that makes another name (Karim, كريمة), a long vowel only one
  // side has where the keys disagree (حسن, Hussein), a beginning that disagrees (Brahim, إبراهيم).
  const conflict = ruleConflict(ar, la);
  let p = r.probability;
  if (conflict) {
    p = Math.min(p, conflict.cap);
    if (conflict.cap < 0.5)
      return {
        similarity: clamp(Math.max(p, 0.05)),
        how: 'different',
        letters: r.letters,
        why: conflict.why,
      };
  }
  const sameConsonants = ar.skeleton === la.skeleton || keysMatch(ar.key, la.key);
  // "spelling" from 0.95: about 84 % of true pairs and 1.6 % of same-consonant different names
  // reach it (bench/names/pair-bench.ts); below, "near", for a caseworker to look at.
  return p >= 0.95
    ? { similarity: clamp(p), how: 'spelling', letters: r.letters }
    : p >= 0.5
      ? { similarity: clamp(p), how: 'near', letters: r.letters, why: conflict?.why ?? r.why }
      : sameConsonants || p >= 0.2
        ? { similarity: clamp(Math.max(p, 0.05)), how: 'different', letters: r.letters, why: r.why }
        : { similarity: 0, how: 'different' };
}

/**
 * The letter model's verdict on two spellings, memoised: it depends on their letters alone (the
 * rules above, which read more of the tokens, are applied afresh each time).
 */
function modelled(arabic: string, latin: string): { probability: number; letters: string; why: string } {
  const key = `${arabic}\u0000${latin}`;
  const cached = modelCache.get(key);
  if (cached) return cached;
  const r = transduce(MODEL, arabic, latin);
  const out = { probability: r.probability, letters: describePath(r.arabicToLatin.path), why: weakest(r) };
  if (modelCache.size >= 200_000) modelCache.clear();
  modelCache.set(key, out);
  return out;
}
const modelCache = new Map<string, { probability: number; letters: string; why: string }>();

/** A conflict the hand rules see between an Arabic and a Latin token, with the most it lets the pair score. */
function ruleConflict(ar: NameToken, la: NameToken): { cap: number; why: string } | null {
  if (keysMatch(ar.key, la.key)) {
    if (!endingsAgree(ar, la)) return { cap: 0.3, why: 'different endings' };
    // Only for plain names: an article (al-, el-, es-) or a compound hides how the name itself begins.
    if (ar.kind === 'name' && la.kind === 'name' && !ar.article && !la.article && ar.initial !== la.initial)
      return { cap: 0.85, why: 'one spelling begins with a vowel, the other not' };
    return null;
  }
  if (ar.skeleton === la.skeleton) return { cap: 0.3, why: 'a long vowel only one has' };
  return null;
}

function describePath(path: AlignStep[]): string {
  return path
    .map((s) => (s.source ? `${s.source}=${s.target || '∅'}` : `+${s.target}`))
    .join(' ')
    .replace(/(\+[a-z]+) \+/g, '$1');
}

/** The least likely step of either alignment, in words: why the pair is not certain. */
function weakest(r: TransducerScore): string {
  const a = weakestStep(r.arabicToLatin.path);
  const l = weakestStep(r.latinToArabic.path);
  if (l && (!a || l.logp < a.logp)) {
    if (!l.source) return `the Arabic ${l.target} has no Latin letter for it`;
    if (!l.target) return `the Latin "${l.source}" has no Arabic letter to write it`;
    return `the Latin "${l.source}" rarely writes ${l.target}`;
  }
  if (!a) return 'nothing to compare';
  if (!a.source) return `the Latin "${a.target}" has no Arabic letter to write it`;
  if (!a.target) return `the Arabic ${a.source} is not written in the Latin`;
  return `the Arabic ${a.source} is rarely written "${a.target}"`;
}

// Which Latin endings each ending can meet (see NameToken.final); `e` and `*` meet all. The Latin
// table is symmetric (scoring must be): a vowel + h may be ة or a consonant ح/ه, never an i or u.
const LATIN_ENDINGS: Record<string, string> = {
  a: 'ahe',
  i: 'ie',
  u: 'ue',
  h: 'ahce',
  c: 'che',
  e: 'aiuhce',
};
const ARABIC_ENDINGS: Record<string, string> = {
  A: 'ahe',
  I: 'iae',
  U: 'ue',
  H: 'ahe',
  Y: 'ahie',
  C: 'che',
  '*': 'aihuce',
};

function endingsAgree(a: NameToken, b: NameToken): boolean {
  if (a.script === 'latin' && b.script === 'latin') return LATIN_ENDINGS[a.final]!.includes(b.final);
  if (a.script === 'arabic' && b.script === 'arabic') return true;
  const [ar, la] = a.script === 'arabic' ? [a, b] : [b, a];
  return ARABIC_ENDINGS[ar.final]!.includes(la.final);
}

/**
 * Compares two tokenised names. Symmetric: alignment picks the best pairs first with ties broken
 * by text, so swapping the arguments aligns the same pairs. Identical names score 1.
 */
export function compareTokens(ta: NameToken[], tb: NameToken[]): NameComparison {
  const pairs: {
    i: number;
    j: number;
    similarity: number;
    how: Alignment;
    weight: number;
    why?: string;
    letters?: string;
  }[] = [];
  for (let i = 0; i < ta.length; i++) {
    for (let j = 0; j < tb.length; j++) {
      const s = tokenSimilarity(ta[i]!, tb[j]!);
      // A pair weighs what its lighter token weighs, so that what is matched never exceeds what
      // either name holds (an average let Maryam, a frequent name, against the rarer Maram
      // score above their similarity).
      if (s.similarity > 0)
        pairs.push({ i, j, ...s, weight: Math.min(tokenWeight(ta[i]!), tokenWeight(tb[j]!)) });
    }
  }
  // Order-free tie-break: by similarity, then by positional distance, then by the texts.
  pairs.sort(
    (p, q) =>
      q.similarity - p.similarity ||
      Math.abs(p.i - p.j) - Math.abs(q.i - q.j) ||
      cmp(pairText(ta, tb, p), pairText(ta, tb, q)),
  );
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const chosen: typeof pairs = [];
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    chosen.push(p);
  }
  const weightA = ta.reduce((s, t) => s + tokenWeight(t), 0);
  const weightB = tb.reduce((s, t) => s + tokenWeight(t), 0);
  // How much of each name is matched, each weighing its own tokens (Maryam is frequent, Maram
  // is not: the same pair covers all of both names).
  const coverA =
    weightA > 0 ? chosen.reduce((s, p) => s + p.similarity * tokenWeight(ta[p.i]!), 0) / weightA : 0;
  const coverB =
    weightB > 0 ? chosen.reduce((s, p) => s + p.similarity * tokenWeight(tb[p.j]!), 0) / weightB : 0;
  const [shorter, longer] =
    weightA < weightB
      ? [coverA, coverB]
      : weightB < weightA
        ? [coverB, coverA]
        : [Math.max(coverA, coverB), Math.min(coverA, coverB)];
  // What the shorter name holds counts most; the tokens only one side has cost a little.
  let score = shorter * (0.8 + 0.2 * longer);
  chosen.sort((p, q) => p.i - q.i);
  let reordered = false;
  for (let k = 1; k < chosen.length; k++) if (chosen[k]!.j < chosen[k - 1]!.j) reordered = true;
  if (reordered) score *= 0.97;
  // Two different names in the same slot (Hasan against Husayn) are evidence against, not just
  // missing evidence for: a common name's low weight must not hide the conflict.
  for (const p of chosen) if (p.how === 'different') score *= 0.85;
  return {
    score: clamp(score),
    aligned: chosen.map((p) => ({
      a: ta[p.i]!.text,
      b: tb[p.j]!.text,
      how: p.how,
      similarity: p.similarity,
      weight: round(p.weight),
      ...(p.why ? { why: p.why } : {}),
      ...(p.letters ? { letters: p.letters } : {}),
    })),
    unmatchedA: ta.filter((_, i) => !usedA.has(i)).map((t) => t.text),
    unmatchedB: tb.filter((_, j) => !usedB.has(j)).map((t) => t.text),
    reordered,
  };
}

function pairText(ta: NameToken[], tb: NameToken[], p: { i: number; j: number }): string {
  const x = ta[p.i]!.text;
  const y = tb[p.j]!.text;
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}
function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
/** Clamps to [0,1] and rounds away float noise so identical inputs give exactly 1. */
export function clamp(x: number): number {
  return Math.min(1, Math.max(0, Math.round(x * 1e6) / 1e6));
}
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Compares two names as written (any script). Throws the InputErrors of `tokenize` for bad input. */
export function compareNames(a: string, b: string): NameComparison {
  return compareTokens(tokenize(a), tokenize(b));
}
