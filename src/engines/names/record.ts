import { InputError } from '../input-error.ts';
import { clamp, compareNames, compareTokens, type AlignedToken } from './score.ts';
import { tokenize, type NameToken } from './tokens.ts';
import { normalizeName } from './normalize.ts';

/**
 * Person records as Syrian registries identify people: given name, father's, grandfather's and
 * family name, mother's name, birth year (or a range) and birthplace. Any field may be missing.
 */
export interface PersonRecord {
  /** A full name when the parts are not known separately. */
  name?: string;
  given?: string;
  father?: string;
  grandfather?: string;
  family?: string;
  mother?: string;
  birthYear?: number | { from: number; to: number };
  birthplace?: string;
}

/** What one field contributed to a record comparison. */
export interface FieldExplanation {
  field: 'name' | 'mother' | 'birthYear' | 'birthplace';
  /** Field similarity in [0,1], or null when one record lacks it (neutral). */
  score: number | null;
  /** How the field moved the overall score: 'supports', 'neutral' or 'conflicts'. */
  effect: 'supports' | 'neutral' | 'conflicts';
  detail: string;
  aligned?: AlignedToken[];
}

/** Result of comparing two person records. */
export interface RecordComparison {
  score: number;
  explanation: FieldExplanation[];
}

const NAME_PARTS = ['given', 'father', 'grandfather', 'family'] as const;

/** The record's full name in registry order (given, father, grandfather, family) or its `name`. */
export function fullName(r: PersonRecord): string {
  const parts = NAME_PARTS.map((k) => r[k]).filter(
    (s): s is string => typeof s === 'string' && s.trim() !== '',
  );
  if (parts.length > 0) return parts.join(' ');
  if (typeof r.name === 'string' && r.name.trim() !== '') return r.name;
  throw new InputError('names.empty', 'the record has no name (given, father, grandfather, family or name)');
}

function yearRange(y: PersonRecord['birthYear']): { from: number; to: number } | null {
  if (y == null) return null;
  const r = typeof y === 'number' ? { from: y, to: y } : y;
  if (!Number.isInteger(r.from) || !Number.isInteger(r.to) || r.from > r.to || r.from < 1850 || r.to > 2200) {
    throw new InputError(
      'names.birth_year',
      `birth year ${JSON.stringify(y)} is not a year or a range {from,to}`,
    );
  }
  return r;
}

/**
 * Compares two person records → score in [0,1] with one explanation per field. The names decide
 * the base score (tokens compared across parts, so a father's name filed as a family name still
 * aligns); the mother's name, birth year and birthplace raise it a little when they agree and
 * lower it when they clearly conflict; a field only one record has is neutral. Symmetric, and a
 * record compared with itself scores 1.
 */
export function compareRecords(a: PersonRecord, b: PersonRecord): RecordComparison {
  const explanation: FieldExplanation[] = [];
  const names = compareTokens(tokenize(fullName(a)), tokenize(fullName(b)));
  let score = names.score;
  explanation.push({
    field: 'name',
    score: names.score,
    effect: names.score >= 0.7 ? 'supports' : 'conflicts',
    detail:
      `${names.aligned.filter((p) => p.similarity >= 0.6).length} token(s) aligned` +
      (names.unmatchedA.length + names.unmatchedB.length > 0
        ? `; only in one: ${[...names.unmatchedA, ...names.unmatchedB].join(', ')}`
        : '') +
      (names.reordered ? '; order differs' : ''),
    aligned: names.aligned,
  });

  // Agreeing corroborating fields close part of the gap to 1; conflicting ones scale the score down.
  let support = 0;
  let penalty = 1;
  if (nonEmpty(a.mother) && nonEmpty(b.mother)) {
    const m = compareNames(a.mother, b.mother);
    const agrees = m.score >= 0.8;
    if (agrees) support += 0.3 * m.score;
    else if (m.score < 0.5) penalty *= 0.6;
    explanation.push({
      field: 'mother',
      score: m.score,
      effect: agrees ? 'supports' : m.score < 0.5 ? 'conflicts' : 'neutral',
      detail: agrees ? "mothers' names agree" : "mothers' names differ",
      aligned: m.aligned,
    });
  } else explanation.push({ field: 'mother', score: null, effect: 'neutral', detail: 'not in both records' });

  const ya = yearRange(a.birthYear);
  const yb = yearRange(b.birthYear);
  if (ya && yb) {
    const gap = Math.max(0, ya.from - yb.to, yb.from - ya.to);
    const s = gap <= 1 ? 1 : gap >= 10 ? 0 : 1 - (gap - 1) / 9;
    if (gap <= 1) support += 0.2;
    else penalty *= 0.5 + 0.5 * s;
    explanation.push({
      field: 'birthYear',
      score: round(s),
      effect: gap <= 1 ? 'supports' : gap >= 3 ? 'conflicts' : 'neutral',
      detail: gap === 0 ? 'birth years agree' : `birth years ${gap} year(s) apart`,
    });
  } else
    explanation.push({ field: 'birthYear', score: null, effect: 'neutral', detail: 'not in both records' });

  if (nonEmpty(a.birthplace) && nonEmpty(b.birthplace)) {
    const p = samePlace(a.birthplace, b.birthplace);
    if (p >= 0.8) support += 0.1;
    else penalty *= 0.9;
    explanation.push({
      field: 'birthplace',
      score: round(p),
      effect: p >= 0.8 ? 'supports' : 'conflicts',
      detail: p >= 0.8 ? 'birthplaces agree' : 'birthplaces differ',
    });
  } else
    explanation.push({ field: 'birthplace', score: null, effect: 'neutral', detail: 'not in both records' });

  score = (score + (1 - score) * Math.min(support, 0.5) * score) * penalty;
  return { score: clamp(score), explanation };
}

function samePlace(a: string, b: string): number {
  const na = normalizeName(a).text;
  const nb = normalizeName(b).text;
  return na === nb ? 1 : compareNames(a, b).score;
}

function nonEmpty(s: string | undefined): s is string {
  return typeof s === 'string' && s.trim() !== '';
}
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Tokens of a record's full name, for callers that compare one query against many records. */
export function recordTokens(r: PersonRecord): NameToken[] {
  return tokenize(fullName(r));
}
