/**
 * A person's names as the name engine reads them: each spelling (the Arabic-script parts, the
 * Latin parts, each alias) becomes a `PersonRecord` with the parents' names, birth years and
 * birthplace, and gives the retrieval keys and trigram texts the search looks up.
 */
import { isInputError } from '#src/engines/input-error.ts';
import { retrievalKeys, tokenize, trigramText, type PersonRecord } from '#src/engines/names/index.ts';
import { invalid } from '#src/platform/errors.ts';
import type { Alias, NameParts, PersonNames } from './schemas.ts';

const OWN_PARTS = ['given', 'father', 'grandfather', 'family'] as const;
const ALL_PARTS = [...OWN_PARTS, 'motherGiven', 'motherFamily'] as const;
const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;

/** One spelling of a person for the engine, and where it came from. */
export interface Spelling {
  /** "ar", "lat" or "alias N" (1-based). */
  label: string;
  record: PersonRecord;
}

export interface Birth {
  yearFrom: number | null;
  yearTo: number | null;
}

/** Whether the name engine can read `s` (its tokenizer refuses some punctuation, mixed scripts). */
export function readable(s: string): boolean {
  try {
    tokenize(s);
    return true;
  } catch (e) {
    if (isInputError(e)) return false;
    throw e;
  }
}

const joined = (...parts: (string | undefined)[]) => parts.filter((p) => p && p.trim() !== '').join(' ');

function recordOf(parts: NameParts, birth: Birth, birthplace: string): PersonRecord {
  const r: PersonRecord = {};
  for (const k of OWN_PARTS) if (parts[k]?.trim()) r[k] = parts[k].trim();
  const mother = joined(parts.motherGiven, parts.motherFamily);
  if (mother) r.mother = mother;
  if (birth.yearFrom !== null && birth.yearTo !== null)
    r.birthYear =
      birth.yearFrom === birth.yearTo ? birth.yearFrom : { from: birth.yearFrom, to: birth.yearTo };
  // A birthplace is free text ("Aleppo, old city?"): compared only when the engine can read it.
  if (birthplace.trim() && readable(birthplace)) r.birthplace = birthplace.trim();
  if (r.mother && !readable(r.mother)) delete r.mother;
  return r;
}

/** Every spelling the engine compares a query with. */
export function spellingsOf(
  names: PersonNames,
  aliases: readonly Alias[],
  birth: Birth,
  birthplace: string,
): Spelling[] {
  const out: Spelling[] = [];
  for (const script of ['ar', 'lat'] as const) {
    const parts = names[script];
    if (parts && OWN_PARTS.some((k) => parts[k]?.trim()))
      out.push({ label: script, record: recordOf(parts, birth, birthplace) });
  }
  // An alias is a name the person is known by; the parents are the same.
  const parents = names.ar ?? names.lat ?? {};
  aliases.forEach((a, i) => {
    const r = recordOf(
      { motherGiven: parents.motherGiven, motherFamily: parents.motherFamily },
      birth,
      birthplace,
    );
    out.push({ label: `alias ${i + 1}`, record: { ...r, name: a.name } });
  });
  return out;
}

/** The retrieval keys of all spellings and one trigram text per spelling. */
export function searchTermsOf(spellings: readonly Spelling[]): { keys: string[]; texts: string[] } {
  const keys = new Set<string>();
  const texts: string[] = [];
  for (const s of spellings) {
    for (const k of retrievalKeys(s.record)) keys.add(k);
    const t = trigramText(s.record);
    if (t) texts.push(t);
  }
  return { keys: [...keys].sort(), texts };
}

/**
 * Checks names before they are stored: one spelling at least with a name of the person's own
 * (given, father's, grandfather's or family name); Arabic-script parts are in Arabic script and
 * Latin parts in Latin letters; every part is a name the engine can read. Errors name the field.
 */
export function checkNames(names: PersonNames, aliases: readonly Alias[], field = '/names'): void {
  const issue = (path: string, message: string) =>
    invalid('person.names', `${path}: ${message}`, { issues: [{ field: path, message }] });
  const spellings = (['ar', 'lat'] as const).filter(
    (s) => names[s] && OWN_PARTS.some((k) => names[s]![k]?.trim()),
  );
  if (spellings.length === 0)
    throw issue(
      field,
      'give a given, father’s, grandfather’s or family name, in Arabic script (ar) or Latin letters (lat)',
    );
  for (const script of ['ar', 'lat'] as const) {
    const parts = names[script];
    if (!parts) continue;
    for (const k of ALL_PARTS) {
      const v = parts[k];
      if (v === undefined) continue;
      const path = `${field}/${script}/${k}`;
      if (script === 'ar' && !ARABIC.test(v))
        throw issue(path, 'an Arabic-script spelling has no Arabic letters');
      if (script === 'lat' && (ARABIC.test(v) || !LATIN.test(v)))
        throw issue(path, 'a Latin spelling must be in Latin letters (put Arabic script under ar)');
      try {
        tokenize(v);
      } catch (e) {
        if (isInputError(e)) throw issue(path, e.message);
        throw e;
      }
    }
  }
  aliases.forEach((a, i) => {
    try {
      tokenize(a.name);
    } catch (e) {
      if (isInputError(e)) throw issue(`/aliases/${i}/name`, e.message);
      throw e;
    }
  });
}
