import { editDistance, keysMatch, phoneticKey } from './keys.ts';
import { tokenize, type NameToken } from './tokens.ts';

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
): { similarity: number; how: Alignment; why?: string } {
  if (a.text === b.text) return { similarity: 1, how: 'exact' };
  if (a.kind !== b.kind && (a.kind === 'abu' || b.kind === 'abu')) return { similarity: 0, how: 'different' };
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
  const pairs: { i: number; j: number; similarity: number; how: Alignment; weight: number; why?: string }[] =
    [];
  for (let i = 0; i < ta.length; i++) {
    for (let j = 0; j < tb.length; j++) {
      const s = tokenSimilarity(ta[i]!, tb[j]!);
      if (s.similarity > 0)
        pairs.push({ i, j, ...s, weight: (tokenWeight(ta[i]!) + tokenWeight(tb[j]!)) / 2 });
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
  const matched = chosen.reduce((s, p) => s + p.similarity * p.weight, 0);
  const shorter = Math.min(weightA, weightB);
  const longer = Math.max(weightA, weightB);
  // What the shorter name holds counts most; the tokens only one side has cost a little.
  let score = shorter > 0 ? (matched / shorter) * (0.8 + 0.2 * (matched / longer)) : 0;
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
