import { InputError } from '../input-error.ts';
import { phoneticKey, skeleton } from './keys.ts';
import { normalizeName, type NormalizedToken, type Script } from './normalize.ts';

/**
 * Tokens that know how Arabic names are built. An article (al-, el-, ال) belongs to the word it
 * precedes; Abd + a divine name (Abd al-Rahman, Abdulrahman, Abdel Rahman, عبد الرحمن) and
 * Abu + a name (Abu Hamada, أبو حمادة) are one token each; bin/ibn/bint only join name parts;
 * Mhd and Moh'd stand for Muhammad.
 */

/** One name token after particles were attached. */
export interface NameToken {
  /** Normalised text as written, particles included ("al hassan", "abd al rahman"). */
  text: string;
  script: Script;
  kind: 'name' | 'abd' | 'abu';
  /** Whether an article (al-, el-, ال) was attached. It never decides a match. */
  article: boolean;
  /** Phonetic key (see keys.ts); compounds start with # (Abd) or @ (Abu). */
  key: string;
  /** Coarse skeleton of the key, for index lookups. */
  skeleton: string;
  /**
   * Other skeletons the same name is indexed and searched under: for a name that begins with a
   * vowel and a Y/W (Aylool أيلول, Ayman), the one with that Y/W, which most spellings share
   * (`skeleton` leaves it out because some do not write it: Issa/Eisa, Iman/إيمان); for an Arabic
   * ذ or ظ, read as d and as t/th besides z (ذيب Deeb, Theeb, Zeeb). Usually empty.
   */
  altSkeletons: string[];
  /**
   * Latin only: consonant/vowel shape ("cvcvcvc" for Mohammad, "cvcvc" for Mahmoud). Two Latin
   * spellings of one name put their vowels in the same places; keys alone cannot see that.
   */
  shape: string;
  /**
   * Arabic only: the letters of the name without its article, for comparing two Arabic spellings
   * letter by letter (ح and ه are one Latin h but two Arabic letters: سمحان is not أسمهان).
   */
  letters: string;
  /**
   * How the name begins: with a vowel (Latin a e i o u, but not a Maghrebi "Ou" before a vowel,
   * which is a waw: Ouissam وسام; Arabic alef or ayn) or a consonant.
   */
  initial: 'vowel' | 'consonant';
  /**
   * The letters the learned letter model reads (transducer.ts): the text without spaces, and for
   * Arabic a final ى kept apart from ي (normalisation folds them).
   */
  modelText: string;
  /**
   * How the name ends, the vowel that tells Karim from Karima and Nour from Noura: Latin `a`, `i`
   * (i, y), `u` (o, u), `h` (a vowel + h: Fatimah, Saleh), `e` (either), `c` (a consonant);
   * Arabic `A` (alef), `I` (yaa, alef maqsura), `U` (waw), `H` (haa, taa marbuta), `Y` (-يه), `*` (ayn: either),
   * `C` (any other letter).
   */
  final: string;
}

const LATIN_ARTICLES = new Set([
  'al',
  'el',
  'il',
  'ul',
  'l',
  'ad',
  'ar',
  'as',
  'ash',
  'at',
  'az',
  'an',
  'ath',
  'adh',
  'ed',
  'er',
  'es',
  'et',
  'ez',
  'ud',
  'ur',
  'us',
  'uz',
  'ush',
  'ut',
  'un',
  'id',
  'ir',
  'is',
  'iz',
]);
const ARABIC_ARTICLE = 'ال';
/** Connectors between a person's name and a forebear's: dropped, they carry no identity. */
const CONNECTORS = new Set([
  'bin',
  'ibn',
  'ben',
  'bint',
  'bent',
  'ebn',
  'b',
  'بن',
  'ابن',
  'بنت',
  'ould',
  'wuld',
]);
const LATIN_ABD = new Set([
  'abd',
  'abdul',
  'abdel',
  'abdal',
  'abdil',
  'abdol',
  'abdoul',
  'abdu',
  'abdou',
  'abdi',
  'abdal',
  'abdur',
  'abder',
  'abdes',
  'abdoel',
]);
const ARABIC_ABD = 'عبد';
const LATIN_ABU = new Set(['abu', 'abou', 'abo', 'aboo', 'abul', 'abel', 'abi']);
const ARABIC_ABU = new Set(['ابو', 'ابي']);
const MUHAMMAD_ABBREVIATIONS = new Set(['mhd', 'mohd', 'muhd', 'mhmd', 'mohd', 'mohmd', 'md', 'mohmmd']);

function stripArticle(t: NormalizedToken): { text: string; article: boolean } {
  if (t.script === 'arabic' && !t.hamzaAlef && t.text.startsWith(ARABIC_ARTICLE) && [...t.text].length >= 4) {
    return { text: t.text.slice(2), article: true };
  }
  // Glued Latin articles (Alhassan, Elhasan) only before a word long enough to be a name itself.
  const m = t.script === 'latin' ? /^(?:al|el)([b-df-hj-np-tv-z][a-z]{3,})$/.exec(t.text) : null;
  if (m) return { text: m[1]!, article: true };
  return { text: t.text, article: false };
}

function makeToken(
  text: string,
  script: Script,
  kind: NameToken['kind'],
  article: boolean,
  core: string,
): NameToken {
  const base = phoneticKey(core, script);
  const key = kind === 'abd' ? '#' + base : kind === 'abu' ? '@' + base : base;
  const initial = (
    script === 'arabic' ? /^[اع]/.test(core) : /^[aeiou]/.test(core) && !/^ou[aeiou]/.test(core)
  )
    ? 'vowel'
    : 'consonant';
  return {
    text,
    script,
    kind,
    article,
    modelText: text.replace(/ /g, ''),
    key,
    ...skeletons(key, initial === 'vowel'),
    shape: script === 'latin' ? latinShape(core) : '',
    letters: script === 'arabic' ? arabicLetters(core) : '',
    initial,
    final: script === 'arabic' ? arabicFinal(core) : latinFinal(core),
  };
}

/** A token's skeleton and its other skeletons (see NameToken.altSkeletons). */
function skeletons(key: string, vowelStart: boolean): { skeleton: string; altSkeletons: string[] } {
  // A name of nothing but a first vowel and a yaa/waw (Aya آية) keeps the Y/W: it is all there is.
  const main = skeleton(key, vowelStart) || skeleton(key);
  const all = new Set<string>();
  for (const k of key.includes('Q') ? [key, key.replace(/Q/g, 'D'), key.replace(/Q/g, 'T')] : [key]) {
    all.add(skeleton(k, vowelStart) || skeleton(k));
    if (vowelStart && skeleton(k, true) !== '') all.add(skeleton(k));
  }
  all.delete(main);
  all.delete('');
  return { skeleton: main, altSkeletons: [...all] };
}

// A doubled waw or yaa is one long vowel written twice (داوود, داود).
function arabicLetters(core: string): string {
  return core.replace(/([وي])\1+/g, '$1');
}

function arabicFinal(core: string): string {
  const last = core[core.length - 1] ?? '';
  // -يه also writes a foreign -ei or -é (أندريه Andrei, André): `Y`, which meets a Latin i too.
  if (last === 'ه' && core.endsWith('يه')) return 'Y';
  return last === 'ا'
    ? 'A'
    : last === 'ي'
      ? 'I'
      : last === 'و'
        ? 'U'
        : last === 'ه'
          ? 'H'
          : last === 'ع' || last === ''
            ? '*'
            : 'C';
}

function latinFinal(core: string): string {
  const last = core[core.length - 1] ?? '';
  if (last === 'a') return 'a';
  if (last === 'i' || last === 'y') return 'i';
  if (last === 'o' || last === 'u' || last === 'w') return 'u';
  if (last === 'e' || last === '') return 'e';
  if (last === 'h' && /[aeiou]h$/.test(core)) return 'h';
  return 'c';
}

function latinShape(word: string): string {
  return word
    .replace(/([aeiouy])h$/, '$1')
    .replace(/[aeiou]+|y(?![aeiou])/g, 'v')
    .replace(/[^v]+/g, 'c');
}

// What follows a glued Abd: "ulrahman", "elaziz", "urrahman", "allah" lose the article.
function abdRest(rest: string, script: Script): string | null {
  if (script === 'arabic') {
    const core = rest.startsWith(ARABIC_ARTICLE) && [...rest].length >= 4 ? rest.slice(2) : rest;
    return skeleton(phoneticKey(core, script)) === '' ? null : core;
  }
  const core = rest.replace(/^[aeiou]?l(?=[a-z]{2,})/, '');
  return skeleton(phoneticKey(core, script)) === '' ? null : core;
}

function optionalPrefixStripped(key: string): string {
  return key.replace(/^[a-z]+/, '');
}

/**
 * "X al-Din" names (Hossam al-Din, Nasreddine, Shamsuddin, حسام الدين, حسامالدين) are written as
 * one word or two in either script; they are always cut into two, X and Din, so that every
 * spelling gives the same tokens.
 */
function splitDin(w: NormalizedToken): NormalizedToken[] {
  if (w.script === 'arabic') {
    const m = /^(.{2,}?)(الدين)$/u.exec(w.text);
    if (m && !m[1]!.startsWith('عبد'))
      return [
        { ...w, text: m[1]! },
        { text: m[2]!, script: 'arabic' },
      ];
    return [w];
  }
  const m = /^([a-z]{3,}?)[aeiou](?:dd|ld)(in|ine|een|eene)$/.exec(w.text);
  return m
    ? [
        { ...w, text: m[1]! },
        { text: 'din', script: 'latin' },
      ]
    : [w];
}

/**
 * Splits a name into tokens with particles attached; a name of particles alone (ابن, Abu) keeps
 * them as its tokens. Throws the errors of `normalizeName`.
 */
export function tokenize(name: string): NameToken[] {
  const words = normalizeName(name).tokens.flatMap(splitDin);
  const out: NameToken[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (CONNECTORS.has(w.text)) continue;
    if (w.script === 'latin' && MUHAMMAD_ABBREVIATIONS.has(w.text)) {
      out.push({ ...makeToken('muhammad', 'latin', 'name', false, 'muhammad'), text: w.text });
      continue;
    }
    const isAbd = w.script === 'latin' ? LATIN_ABD.has(w.text) : w.text === ARABIC_ABD;
    const isAbu = w.script === 'latin' ? LATIN_ABU.has(w.text) : ARABIC_ABU.has(w.text);
    const isArticle = w.script === 'latin' ? LATIN_ARTICLES.has(w.text) : w.text === ARABIC_ARTICLE;
    if (isAbd || isAbu || isArticle) {
      // A particle takes the next real word (skipping a separated article: "Abd al Rahman").
      let j = i + 1;
      let article = isArticle;
      while (
        j < words.length &&
        (w.script === 'latin' ? LATIN_ARTICLES.has(words[j]!.text) : words[j]!.text === ARABIC_ARTICLE)
      ) {
        article = true;
        j++;
      }
      const next = words[j];
      if (next && !CONNECTORS.has(next.text)) {
        const core = stripArticle(next);
        const text = words
          .slice(i, j + 1)
          .map((x) => x.text)
          .join(' ');
        const kind = isAbd ? 'abd' : isAbu ? 'abu' : 'name';
        const tok = makeToken(text, next.script, kind, article || core.article, core.text);
        const abdKey = '#' + optionalPrefixStripped(tok.key.slice(1));
        out.push(isAbd ? { ...tok, key: abdKey, ...skeletons(abdKey, false) } : tok);
        i = j;
        continue;
      }
      if (isArticle) continue; // a trailing article alone is noise
    }
    // Glued compounds: Abdulrahman, عبدالرحمن, Abuhamada, ابوحمادة.
    if (w.script === 'latin' ? w.text.startsWith('abd') : w.text.startsWith(ARABIC_ABD)) {
      const rest = abdRest(w.text.slice(3), w.script);
      if (rest !== null) {
        const tok = makeToken(w.text, w.script, 'abd', false, rest);
        const key = '#' + optionalPrefixStripped(tok.key.slice(1));
        out.push({ ...tok, key, ...skeletons(key, false) });
        continue;
      }
    }
    const abuGlued =
      w.script === 'latin' ? /^(?:abu|abou)([a-z]{3,})$/.exec(w.text) : /^(?:ابو)(.{3,})$/u.exec(w.text);
    if (abuGlued) {
      const core = stripArticle({ text: abuGlued[1]!, script: w.script });
      out.push(makeToken(w.text, w.script, 'abu', core.article, core.text));
      continue;
    }
    const core = stripArticle(w);
    const plain = makeToken(w.text, w.script, 'name', core.article, core.text);
    const tok = w.maqsura ? { ...plain, modelText: plain.modelText.replace(/ي$/u, 'ى') } : plain;
    if (tok.skeleton === '' && tok.key.replace(/[a-z]/g, '') === '') {
      // Vowels only ("Aa", "عا"): keep it, it still compares by text.
      out.push({ ...tok, key: tok.key || w.text, skeleton: w.text, altSkeletons: [] });
      continue;
    }
    out.push(tok);
  }
  // Nothing but particles (ابن, "Ibn", "Abu"): they are all there is to compare, so each is
  // compared as a word of its own, by its letters.
  if (out.length === 0) for (const w of words) out.push(makeToken(w.text, w.script, 'name', false, w.text));
  if (out.length === 0) throw new InputError('names.only_particles', `"${name.slice(0, 80)}" holds no name`);
  return out;
}
