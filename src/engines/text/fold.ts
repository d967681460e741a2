/**
 * Folds free text for search: the same words written with or without diacritics, tashkeel,
 * tatweel, alef/hamza variants or in another case fold to one form. The stored text is never
 * changed; this form is derived beside it.
 */

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // tashkeel, Quranic marks, tatweel
const ZERO_WIDTH = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g;
const LATIN_MARKS = /\p{M}/gu;

const ARABIC_LETTERS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  ة: 'ه',
  ی: 'ي',
  ک: 'ك',
  ے: 'ي',
  ہ: 'ه',
  ۀ: 'ه',
  ڤ: 'ف',
  گ: 'ك',
  چ: 'ج',
  پ: 'ب',
};
const ARABIC_RE = new RegExp(`[${Object.keys(ARABIC_LETTERS).join('')}]`, 'g');

export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_RE, (c) => ARABIC_LETTERS[c] ?? c)
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .normalize('NFD')
    .replace(LATIN_MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
