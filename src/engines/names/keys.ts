/**
 * Cross-script phonetic keys. Arabic script and the Latin spellings of the same name (Levantine
 * "Mohammad", Egyptian "Mohamed", Maghrebi/French "Kacem", Gulf "Abdulla", academic "Qāsim") map
 * to one sequence over consonant classes. Short vowels are absent from Arabic script, so vowels
 * never count; what a Latin spelling cannot decide is marked optional (lower case):
 *
 * - upper case = a letter class both spellings must show: B T D Z S $(Latin s: S or Z) C(sh) J(j/g/gh) X(kh) H K
 *   (k/q/c) F L M N R, plus Y and W for a written yaa/waw or a Latin diphthong (ay, ei, y, w);
 * - lower case = may be there or not: a single Latin i/e (long or short?), o/u, a (marked `a`), a
 *   final h, a final Arabic yaa (alef maqsura is folded into it) or haa (taa marbuta);
 * - `Q` = ذ or ظ, which Latin spellings write z, d, dh or th (ذيب Deeb/Theeb, منذر Munzer/Munther,
 *   ظافر Zafer/Dhafer): it meets Latin Z, D and T;
 * - `A` = an alef inside an Arabic word: a long vowel every Latin spelling writes with some vowel
 *   (قاسم Qasim/Kassem/Kacem, جمال Jamal/Djamel), so it must meet a Latin vowel — Mirna is not
 *   عمران or ميران. Next to a written yaa/waw the Latin vowel may be shared (رائد Raed).
 *
 * That is why Hasan (H S N) and Husayn (H w S Y N) differ while Samir matches سمير (S M y R ≈ S M Y R).
 * Classes merge letters Latin spellings do not tell apart (ح/ه → H, ت/ط/ث → T, س/ص → S, ق/ك → K)
 * and keep apart those they do (ح/خ, د/ز, ش/س).
 */

const ARABIC_CLASS: Record<string, string> = {
  ب: 'B',
  ت: 'T',
  ث: 'T',
  ج: 'J',
  ح: 'H',
  خ: 'X',
  د: 'D',
  ذ: 'Q',
  ر: 'R',
  ز: 'Z',
  س: 'S',
  ش: 'C',
  ص: 'S',
  ض: 'D',
  ط: 'T',
  ظ: 'Q',
  غ: 'J',
  ف: 'F',
  ق: 'K',
  ك: 'K',
  ل: 'L',
  م: 'M',
  ن: 'N',
  ه: 'H',
  و: 'W',
  ي: 'Y',
};

// Latin digraphs first (longest match), then single letters.
const LATIN_DIGRAPHS: [string, string][] = [
  ['sch', 'C'],
  ['tch', 'C'],
  ['sh', 'C'],
  ['ch', 'C'],
  ['kh', 'X'],
  ['gh', 'J'],
  ['th', 'T'],
  ['dh', 'D'],
  ['ph', 'F'],
  ['dj', 'J'],
  ['ck', 'K'],
];
const LATIN_CLASS: Record<string, string> = {
  b: 'B',
  p: 'B',
  t: 'T',
  d: 'D',
  z: 'Z',
  s: '$',
  j: 'J',
  g: 'J',
  h: 'H',
  k: 'K',
  q: 'K',
  f: 'F',
  v: 'F',
  l: 'L',
  m: 'M',
  n: 'N',
  r: 'R',
  w: 'W',
};
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function push(out: string[], sym: string): void {
  // A doubled consonant (Hassan, shadda) is one letter; vowels between two equal consonants keep both.
  if (!isOptional(sym) && out.length > 0 && out[out.length - 1] === sym) return;
  out.push(sym);
}

function latinKey(word: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < word.length) {
    const ch = word[i]!;
    const next = word[i + 1];
    const isVowelY = ch === 'y' && !(next !== undefined && VOWELS.has(next));
    // A Maghrebi spelling writes a first waw as "ou" before a vowel: Ouissam وسام, Ouail وائل.
    if (i === 0 && word.startsWith('ou') && word.length > 2 && VOWELS.has(word[2]!)) {
      out.push('W');
      i = 2;
      continue;
    }
    if (VOWELS.has(ch) || isVowelY) {
      let j = i;
      let group = '';
      while (j < word.length) {
        const c = word[j]!;
        const n = word[j + 1];
        if (VOWELS.has(c) || (c === 'y' && !(n !== undefined && VOWELS.has(n)))) {
          group += c;
          j++;
        } else break;
      }
      // A diphthong or long i (Saeed, Ayman, Eid) is a written yaa in Arabic. First in the word,
      // "ai"/"ea" may stand for an ayn or hamza with a short vowel (Aitzaz اعتزاز), "ei"/"ee" not.
      const long = group.includes('y') || (group.length >= 2 && /[ie]/.test(group));
      if (long) push(out, i > 0 || group.includes('y') || !/[aou]/.test(group) ? 'Y' : 'y');
      else if (/[ie]/.test(group)) push(out, 'y');
      else if (/[ou]/.test(group)) push(out, 'w');
      else push(out, 'a');
      i = j;
      continue;
    }
    const di = LATIN_DIGRAPHS.find(([g]) => word.startsWith(g, i));
    if (di) {
      push(out, di[1]);
      // th and dh may also be two letters, t/d then h: Fathi فتحي, Adham أدهم (ث and ذ/ض otherwise).
      if ((di[0] === 'th' || di[0] === 'dh') && i + 2 < word.length) out.push('h');
      i += di[0].length;
      continue;
    }
    if (ch === 'c') {
      push(out, next !== undefined && 'eiy'.includes(next) ? 'S' : 'K');
      i++;
      continue;
    }
    if (ch === 'x') {
      push(out, 'K');
      push(out, 'S');
      i++;
      continue;
    }
    if (ch === 'y') {
      push(out, 'Y');
      i++;
      continue;
    }
    if (ch === 'h' && i === word.length - 1) {
      out.push('h');
      i++;
      continue;
    }
    const cls = LATIN_CLASS[ch];
    if (cls) push(out, cls);
    i++;
  }
  return out.join('');
}

function arabicKey(word: string): string {
  const out: string[] = [];
  const letters = [...word];
  letters.forEach((ch, i) => {
    // An alef inside the word is a long vowel; first or last it may be a hamza seat or a case ending.
    if (ch === 'ا' && i > 0 && i < letters.length - 1 && out.length > 0) {
      if (out[out.length - 1] !== 'A') out.push('A');
      return;
    }
    const cls = ARABIC_CLASS[ch];
    if (!cls) return; // alef, ayn and digits carry nothing a Latin spelling reliably shows
    const last = i === letters.length - 1;
    // Final haa (often taa marbuta: Fatima/Fatimah) and final yaa (alef maqsura: Mustafa, or Ali/Aly)
    if (last && out.length > 0 && (cls === 'H' || cls === 'Y')) out.push(cls.toLowerCase());
    // Shadda is not written, so two equal letters are usually two sounds (الددة al-Dada, مملوك
    // Mamluk; keysMatch lets them meet one, as in الله); a doubled waw or yaa is one long vowel (داوود).
    else if (cls === 'W' || cls === 'Y') push(out, cls);
    else out.push(cls);
  });
  return out.join('');
}

/** The phonetic key of one normalised word (see the module comment for the alphabet). */
export function phoneticKey(word: string, script: 'arabic' | 'latin'): string {
  return script === 'arabic' ? arabicKey(word) : latinKey(word);
}

/**
 * The coarse skeleton for index lookups: mandatory consonants only, Y/W only first, no final H. It
 * deliberately merges more (Hasan and Husayn share HSN) so that retrieval finds every spelling;
 * scoring with `keysMatch` then tells the names apart. `vowelStart`: the word begins with a vowel
 * (Latin a e i o u, Arabic alef or ayn), so a Y/W after it is a vowel some spellings write and
 * others do not (Eisa/Issa/عيسى, Iman/إيمان, Eggold/أيجولد) and never counts.
 */
export function skeleton(key: string, vowelStart = false): string {
  let out = '';
  for (const ch of key) {
    if (isOptional(ch) || ch === 'A') continue;
    // Y/W count only as the first consonant (Yusuf, Walid): elsewhere spellings disagree.
    if ((ch === 'Y' || ch === 'W') && (vowelStart || out.replace(/[#@]/g, '') !== '')) continue;
    const c = ch === '$' || ch === 'Z' || ch === 'Q' ? 'S' : ch; // coarse: s and z share a skeleton letter (ذ/ظ read as z)
    if (out.endsWith(c)) continue;
    out += c;
  }
  return out.length > 1 && out.endsWith('H') ? out.slice(0, -1) : out;
}

/**
 * Whether two keys can be the same name: equal after leaving out optional symbols on either
 * side, where an optional y/w may stand for a mandatory Y/W. Quadratic in key length (keys are short).
 */
export function keysMatch(a: string, b: string): boolean {
  const n = a.length;
  const m = b.length;
  // reach[i][j]: a[0..i) and b[0..j) can be aligned
  let prev = new Array<boolean>(m + 1).fill(false);
  prev[0] = true;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! && skippable(b, j - 1, a, 0);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<boolean>(m + 1).fill(false);
    const ca = a[i - 1]!;
    cur[0] = prev[0]! && skippable(a, i - 1, b, 0);
    for (let j = 1; j <= m; j++) {
      const cb = b[j - 1]!;
      cur[j] =
        (prev[j - 1]! && same(ca, cb)) ||
        (prev[j]! && skippable(a, i - 1, b, j)) ||
        (cur[j - 1]! && skippable(b, j - 1, a, i));
    }
    prev = cur;
  }
  return prev[m]!;
}

/**
 * Whether `key[k]` may go unmatched when the other key stands at position `at`: optional symbols
 * always; an Arabic long alef only where the other spelling has a vowel right there to share.
 */
function skippable(key: string, k: number, other: string, at: number): boolean {
  const ch = key[k]!;
  if (isOptional(ch)) return true;
  // A letter written twice (الله, a typed-twice محمدد) may be one sound in the other spelling.
  if (k > 0 && key[k - 1] === ch) return true;
  if (ch !== 'A') return false;
  return isVowelSymbol(other[at]) || isVowelSymbol(other[at - 1]);
}

function isVowelSymbol(ch: string | undefined): boolean {
  return ch === 'a' || ch === 'y' || ch === 'w' || ch === 'Y' || ch === 'W' || ch === 'A';
}

// Latin s ($) is س/ص or ز: English and French spellings write ز as s (Adkins آدكنز, Rosa).
function same(a: string, b: string): boolean {
  // An Arabic long alef meets any Latin vowel (Jamal, Djamel; Hisham, Hesham).
  if (a === 'A' || b === 'A') return isVowelSymbol(a === 'A' ? b : a);
  if (a === 'Q' || b === 'Q') return 'QZDT'.includes(a === 'Q' ? b.toUpperCase() : a.toUpperCase());
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x === y || (x === '$' && (y === 'S' || y === 'Z')) || (y === '$' && (x === 'S' || x === 'Z'));
}

function isOptional(ch: string): boolean {
  return ch >= 'a' && ch <= 'z';
}

/** Levenshtein distance, for near misses (typos) between skeletons. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
