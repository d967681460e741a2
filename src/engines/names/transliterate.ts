import { InputError } from '../input-error.ts';
import { normalizeName } from './normalize.ts';

/**
 * Arabic script → ranked Latin spellings. Common names use the spellings families and lists
 * actually use; other words are spelled letter by letter from a correspondence table checked
 * against the Google ar2en training pairs (transliterate.test.ts measures how often the engine
 * matches a candidate back to its Arabic).
 */

// Letter options, most frequent first. Short vowels are not written in Arabic, so between two
// consonants we insert "a" (the most frequent short vowel in names) and offer "e" as second choice.
export const LETTER_SPELLINGS: Record<string, string[]> = {
  ا: ['a'],
  ب: ['b'],
  ت: ['t'],
  ث: ['th', 's'],
  ج: ['j', 'g'],
  ح: ['h'],
  خ: ['kh'],
  د: ['d'],
  ذ: ['z', 'dh'],
  ر: ['r'],
  ز: ['z'],
  س: ['s'],
  ش: ['sh', 'ch'],
  ص: ['s'],
  ض: ['d', 'dh'],
  ط: ['t'],
  ظ: ['z', 'dh'],
  ع: ['', 'a'],
  غ: ['gh', 'g'],
  ف: ['f'],
  ق: ['q', 'k'],
  ك: ['k'],
  ل: ['l'],
  م: ['m'],
  ن: ['n'],
  ه: ['h'],
  و: ['ou', 'o', 'w', 'u'],
  ي: ['i', 'y', 'ee'],
};
const CONSONANT_VALUES = new Set([
  'ب',
  'ت',
  'ث',
  'ج',
  'ح',
  'خ',
  'د',
  'ذ',
  'ر',
  'ز',
  'س',
  'ش',
  'ص',
  'ض',
  'ط',
  'ظ',
  'غ',
  'ف',
  'ق',
  'ك',
  'ل',
  'م',
  'ن',
  'ه',
]);

// Frequent names: the spellings seen in Levantine, Egyptian, Gulf and Maghrebi lists, most used first.
const KNOWN: Record<string, string[]> = {
  محمد: ['mohammad', 'muhammad', 'mohamed', 'mohammed', 'mhd'],
  احمد: ['ahmad', 'ahmed'],
  علي: ['ali', 'aly'],
  محمود: ['mahmoud', 'mahmud'],
  حسن: ['hasan', 'hassan'],
  حسين: ['hussein', 'husayn', 'hussain', 'hosein'],
  خالد: ['khaled', 'khalid'],
  عمر: ['omar', 'umar'],
  ابراهيم: ['ibrahim', 'ebrahim'],
  يوسف: ['youssef', 'yousef', 'yusuf'],
  مصطفي: ['mustafa', 'moustafa', 'mostafa'],
  قاسم: ['qasim', 'kassem', 'kacem', 'qassem'],
  سعيد: ['saeed', 'said', 'saied'],
  فاطمه: ['fatima', 'fatmeh', 'fatimah'],
  مريم: ['maryam', 'mariam'],
  عايشه: ['aisha', 'aysha', 'aicha'],
  عبدالله: ['abdullah', 'abdallah', 'abdalla'],
  عبدالرحمن: ['abdulrahman', 'abdelrahman', 'abd al-rahman', 'abderrahmane'],
  ابو: ['abu', 'abou'],
  بن: ['bin', 'ben'],
};

/**
 * Ranked Latin candidates (at most `limit`, lower case) for an Arabic-script name; Latin input is
 * returned as it is. Throws the InputErrors of `normalizeName`.
 */
export function transliterate(name: string, limit = 5): string[] {
  const words = normalizeName(name).tokens;
  // "عبد الرحمن" written apart is one name, spelled as one (Abdulrahman), not "bad al-rahaman".
  const joined: { text: string; latin: boolean }[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w.script !== 'latin' && w.text === 'عبد' && next && next.script !== 'latin') {
      joined.push({ text: w.text + next.text, latin: false });
      i++;
    } else {
      joined.push({ text: w.text, latin: w.script === 'latin' });
    }
  }
  // Each word gets its own candidate list; the name's candidates vary one word at a time.
  const perWord = joined.map((w) => (w.latin ? [w.text] : transliterateWord(w.text, limit)));
  const first = perWord.map((c) => c[0]!).join(' ');
  const out = [first];
  for (let i = 0; i < perWord.length && out.length < limit; i++) {
    for (const alt of perWord[i]!.slice(1)) {
      if (out.length >= limit) break;
      out.push(perWord.map((c, k) => (k === i ? alt : c[0]!)).join(' '));
    }
  }
  return [...new Set(out)];
}

function transliterateWord(token: string, limit: number): string[] {
  // Compound tokens (عبد الرحمن, ابو بكر) keep their inner space; spell them as one word.
  const word = token.replace(/\s+/g, '');
  if (KNOWN[word]) return KNOWN[word].slice(0, limit);
  if (word.startsWith('عبدال') && word.length > 5) {
    return transliterateWord(word.slice(5), limit).map((r) => `abdul${r}`);
  }
  if (word.startsWith('ال') && word.length > 3)
    return transliterateWord(word.slice(2), limit).map((r) => `al-${r}`);
  const letters = [...word];
  if (letters.length > 64) throw new InputError('names.too_long', 'a word has at most 64 letters');
  // Beam over letter options with a vowel between consonant letters; score = sum of option ranks.
  let beam: { text: string; cost: number }[] = [{ text: '', cost: 0 }];
  letters.forEach((ch, i) => {
    // A word-initial ain carries the vowel a Latin spelling writes: Abd, Omar, Eid.
    const options = i === 0 && ch === 'ع' ? ['a', 'o', 'e'] : (LETTER_SPELLINGS[ch] ?? ['']);
    const prev = letters[i - 1];
    const needsVowel =
      i > 0 &&
      prev !== undefined &&
      CONSONANT_VALUES.has(prev) &&
      CONSONANT_VALUES.has(ch) &&
      i < letters.length;
    const vowels = needsVowel ? ['a', 'e'] : [''];
    const final = i === letters.length - 1;
    const next: { text: string; cost: number }[] = [];
    for (const b of beam) {
      vowels.forEach((v, vi) => {
        options.forEach((o, oi) => {
          // Final haa is mostly taa marbuta: "a" (Fatima), then "ah", then "eh" (Levantine).
          const opts = final && ch === 'ه' ? ['a', 'ah', 'eh'] : [o];
          opts.forEach((x, xi) => next.push({ text: b.text + v + x, cost: b.cost + vi + oi + xi }));
        });
      });
    }
    next.sort((p, q) => p.cost - q.cost);
    beam = next.slice(0, Math.max(limit * 3, 8));
  });
  return [...new Set(beam.map((b) => b.text).filter((t) => t !== ''))].slice(0, limit);
}
