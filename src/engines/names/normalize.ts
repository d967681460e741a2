import { InputError } from '../input-error.ts';

/**
 * Normalisation of person names as written in Arabic script or in a Latin spelling. What is
 * stored stays as written; these forms exist only to compare and index. Every step is a single
 * pass over the string, so a hostile 10,000-character input costs no more than reading it.
 */

/** The script of a normalised name (one script per token; a whole name may mix). */
export type Script = 'arabic' | 'latin';

/** Longest name we accept; longer input is refused before any work is done on it. */
export const MAX_NAME_LENGTH = 300;

// Arabic letter folding: the spellings one name takes in handwriting, typing and Persian/Urdu
// keyboards collapse to one letter, because registries differ on exactly these points.
const ARABIC_FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ؤ: 'و',
  ئ: 'ي',
  ى: 'ي',
  ة: 'ه',
  ۀ: 'ه',
  ە: 'ه',
  ھ: 'ه',
  ہ: 'ه',
  ۃ: 'ه',
  ک: 'ك',
  ڪ: 'ك',
  گ: 'ك',
  ی: 'ي',
  ې: 'ي',
  ۍ: 'ي',
  ے: 'ي',
  ێ: 'ي',
  پ: 'ب',
  چ: 'ج',
  ژ: 'ز',
  ڤ: 'ف',
  ڨ: 'ق',
  ٹ: 'ت',
  ڈ: 'د',
  ڑ: 'ر',
  ں: 'ن',
  ۆ: 'و',
  ۇ: 'و',
  ۈ: 'و',
  ۋ: 'و',
};

// A lone hamza carries no letter a Latin spelling would show; dropping it lets سماء match سما.
function isArabicDropped(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0640 ||
    c === 0x0621 ||
    (c >= 0x06d6 && c <= 0x06ed)
  );
}
// Direction marks, joiners and the BOM appear in copied lists (the Google pairs carry U+200E, U+202C).
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;
// Apostrophes and ayn/hamza marks in Latin transliterations (ʿAli, Ma'moun, Moh'd) carry no letter we key on.
const LATIN_MARKS = /[\u02BF\u02BE\u02BB\u02BC'`\u00B4\u2018\u2019\u2032\u02B9]/u;
// Letters whose diacritic is the whole point, read before diacritics are stripped: the academic
// systems (DIN 31635, ISO 233: š ش, ḫ خ, ṯ ث, ḏ ذ, ǧ ج, ġ غ) and Turkish/Kurdish spellings of
// Syrian names (Şükrü شكري, ç, ğ). Dots below (ṣ ḥ ṭ ḍ ẓ) only mark emphasis and are stripped.
const LATIN_LETTERS: Record<string, string> = {
  š: 'sh',
  ş: 'sh',
  ș: 'sh',
  ḫ: 'kh',
  ẖ: 'kh',
  ṯ: 'th',
  ḏ: 'dh',
  ǧ: 'j',
  ġ: 'gh',
  ğ: 'gh',
  ç: 'ch',
  č: 'ch',
};
const LATIN_LETTER_RE = /[šşșḫẖṯḏǧġğçč]/gu;
const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

/** One normalised token and its script. */
export interface NormalizedToken {
  text: string;
  script: Script;
  /**
   * Arabic only: the word began with a hamza or madda alef (أ إ آ). Folding hides it, but it is
   * what tells the names إلهام, ألما, آلان from the article ال.
   */
  hamzaAlef?: boolean;
  /**
   * Arabic only: the word ended in an alef maqsura (ى), folded to ي. Latin spellings write it -a
   * (مصطفى Mustafa, ليلى Layla) where a final ي is -i: the letter model reads it apart.
   */
  maqsura?: boolean;
}

// Private markers for a word-initial hamza/madda alef and for an alef maqsura, removed again when tokens are cut.
const HAMZA_ALEF = '\u0001';
const MAQSURA = '\u0002';

/** A normalised name: lower-case Latin without diacritics, folded Arabic, single spaces. */
export interface NormalizedName {
  text: string;
  tokens: NormalizedToken[];
}

function charScript(ch: string): Script | 'digit' | 'other' {
  const c = ch.codePointAt(0)!;
  if (c >= 0x61 && c <= 0x7a) return 'latin';
  if (c >= 0x30 && c <= 0x39) return 'digit';
  if (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfeff)
  )
    return 'arabic';
  return 'other';
}

/**
 * Normalises a person's name (or one name part). Arabic: no tashkeel or tatweel, one alef, hamza
 * carriers to their letters, taa marbuta to haa, alef maqsura to yaa, Persian/Urdu letters to
 * Arabic ones, Arabic-Indic digits to ASCII. Latin: lower case, no diacritics or ʿ ʾ ' ` marks,
 * hyphens and dots as spaces. Throws `names.empty`, `names.too_long`, `names.control_chars`,
 * `names.unsupported_script` or `names.mixed_script` (an InputError) for input that is not a name.
 */
export function normalizeName(input: string): NormalizedName {
  if (typeof input !== 'string' || input.trim() === '')
    throw new InputError('names.empty', 'the name is empty');
  if (input.length > MAX_NAME_LENGTH) {
    throw new InputError(
      'names.too_long',
      `a name has at most ${MAX_NAME_LENGTH} characters (this one has ${input.length})`,
    );
  }
  // Presentation forms (ﻣﺤﻤﺪ from PDFs) and ligatures fold under NFKC; NFD then splits Latin diacritics.
  const decomposed = input
    .normalize('NFKC')
    .toLowerCase()
    .replace(LATIN_LETTER_RE, (c) => LATIN_LETTERS[c]!)
    .normalize('NFD');
  let out = '';
  for (const raw of decomposed) {
    const code = raw.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      if (raw === '\t' || raw === '\n' || raw === '\r') {
        out += ' ';
        continue;
      }
      throw new InputError(
        'names.control_chars',
        `the name contains a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`,
      );
    }
    if (code >= 0x0300 && code <= 0x036f) continue; // Latin combining diacritics
    if (code >= 0x0653 && code <= 0x0655 && out.endsWith('ا') && (out.length === 1 || out.endsWith(' ا'))) {
      out = out.slice(0, -1) + HAMZA_ALEF + 'ا';
      continue;
    }
    if (isArabicDropped(code) || INVISIBLE.test(raw) || LATIN_MARKS.test(raw)) continue;
    if (code >= 0x0660 && code <= 0x0669) {
      out += String(code - 0x0660);
      continue;
    }
    if (code >= 0x06f0 && code <= 0x06f9) {
      out += String(code - 0x06f0);
      continue;
    }
    const folded = ARABIC_FOLD[raw];
    if (folded) {
      out += raw === 'ى' ? folded + MAQSURA : folded;
      continue;
    }
    const lower = raw.toLowerCase();
    const special = LATIN_SPECIAL[lower];
    if (special) {
      out += special;
      continue;
    }
    if (/[\s\-‐‑‒–—_.,;:/\\()[\]{}"«»،؛]/u.test(raw)) {
      out += ' ';
      continue;
    }
    const script = charScript(lower);
    if (script === 'other') {
      throw new InputError(
        'names.unsupported_script',
        `"${raw}" (U+${code.toString(16).toUpperCase().padStart(4, '0')}) is not an Arabic or Latin letter; names in other scripts are not supported`,
      );
    }
    out += lower;
  }
  const tokens: NormalizedToken[] = [];
  for (const word of out.split(' ')) {
    const maqsura = word.endsWith(MAQSURA);
    const marked = word.includes(MAQSURA) ? word.replaceAll(MAQSURA, '') : word;
    const hamzaAlef = marked.startsWith(HAMZA_ALEF);
    const text = hamzaAlef ? marked.slice(1) : marked;
    if (text === '') continue;
    let script: Script | null = null;
    for (const ch of text) {
      const s = charScript(ch);
      if (s === 'digit' || s === 'other') continue;
      if (script !== null && s !== script) {
        throw new InputError('names.mixed_script', `"${text}" mixes Arabic and Latin letters in one word`);
      }
      script = s;
    }
    // A token of digits only (a list number) is not part of a name.
    if (script !== null)
      tokens.push({ text, script, ...(hamzaAlef ? { hamzaAlef } : {}), ...(maqsura ? { maqsura } : {}) });
  }
  if (tokens.length === 0) throw new InputError('names.empty', 'the name has no letters');
  return { text: tokens.map((t) => t.text).join(' '), tokens };
}
