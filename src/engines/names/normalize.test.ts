import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isInputError } from '../input-error.ts';
import { normalizeName } from './normalize.ts';

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isInputError(e) ? e.code : `not an InputError: ${String(e)}`;
  }
  return undefined;
}

describe('normalizeName — Arabic script', () => {
  it('strips tashkeel and tatweel', () => {
    expect(normalizeName('مُحَمَّد').text).toBe('محمد');
    expect(normalizeName('محـــمد').text).toBe('محمد');
  });
  it('unifies alef forms and hamza carriers, taa marbuta and alef maqsura', () => {
    expect(normalizeName('أحمد').text).toBe('احمد');
    expect(normalizeName('إبراهيم').text).toBe('ابراهيم');
    expect(normalizeName('فؤاد').text).toBe('فواد');
    expect(normalizeName('وائل').text).toBe('وايل');
    expect(normalizeName('فاطمة').text).toBe('فاطمه');
    expect(normalizeName('مصطفى').text).toBe('مصطفي');
  });
  it('remembers a word-initial hamza alef, which is no article', () => {
    expect(normalizeName('إلهام').tokens[0]).toEqual({ text: 'الهام', script: 'arabic', hamzaAlef: true });
    expect(normalizeName('الحسن').tokens[0]).toEqual({ text: 'الحسن', script: 'arabic' });
  });
  it('folds Persian/Urdu letters, Arabic-Indic digits and presentation forms', () => {
    expect(normalizeName('کریم').text).toBe('كريم');
    expect(normalizeName('ﻣﺤﻤﺪ').text).toBe('محمد');
    expect(normalizeName('محمد ٢').text).toBe('محمد');
  });
  it('drops zero-width characters and direction marks', () => {
    expect(normalizeName('\u200Eمحمد\u202C').text).toBe('محمد');
    expect(normalizeName('عبد\u200Cالله').text).toBe('عبدالله');
  });
});

describe('normalizeName — Latin script', () => {
  it('lower-cases and strips diacritics and ayn/hamza marks', () => {
    expect(normalizeName('Qāsim').text).toBe('qasim');
    expect(normalizeName('ʿAlī').text).toBe('ali');
    expect(normalizeName("Moh'd").text).toBe('mohd');
    expect(normalizeName('Ma`moun').text).toBe('mamoun');
  });
  it('reads the letters of the academic systems and of Turkish/Kurdish spellings, not just their base letter', () => {
    expect(normalizeName('Šukrī').text).toBe('shukri');
    expect(normalizeName('Ḫālid').text).toBe('khalid');
    expect(normalizeName('ʿUṯmān').text).toBe('uthman');
    expect(normalizeName('Ǧamāl').text).toBe('jamal');
    expect(normalizeName('Ġassān').text).toBe('ghassan');
    expect(normalizeName('Şerif Çelik').text).toBe('sherif chelik');
    expect(normalizeName('Ṣāliḥ Ḍiyāʾ').text).toBe('salih diya'); // dots below only mark emphasis
  });
  it('turns hyphens, dots and runs of spaces into single spaces', () => {
    expect(normalizeName('  Al-Hassan   ABD.AL-Rahman ').text).toBe('al hassan abd al rahman');
  });
});

describe('normalizeName — bad input', () => {
  it.each([
    ['', 'names.empty'],
    ['   ', 'names.empty'],
    ['123', 'names.empty'],
    ['Moha\u0007mmad', 'names.control_chars'],
    ['משה', 'names.unsupported_script'],
    ['Иван', 'names.unsupported_script'],
    ['李明', 'names.unsupported_script'],
    ['Mohamمد', 'names.mixed_script'],
    ['a'.repeat(10_000), 'names.too_long'],
  ])('%j → %s', (input, expected) => {
    expect(code(() => normalizeName(input))).toBe(expected);
  });
  it('mixes scripts across words without complaint (a name half transliterated)', () => {
    expect(normalizeName('محمد Kassem').tokens.map((t) => t.script)).toEqual(['arabic', 'latin']);
  });
});

describe('normalizeName — properties', () => {
  const letters = fc.constantFrom(
    ..."abcdefghijklmnopqrstuvwxyzāīūḥṣḍṭẓ-' ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةىؤئ".split(''),
  );
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.array(letters, { minLength: 1, maxLength: 40 }), (chars) => {
        let once: string;
        try {
          once = normalizeName(chars.join('')).text;
        } catch (e) {
          return isInputError(e);
        }
        return normalizeName(once).text === once;
      }),
    );
  });
  it('never throws anything but an InputError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        try {
          normalizeName(s);
          return true;
        } catch (e) {
          return isInputError(e);
        }
      }),
    );
  });
});
