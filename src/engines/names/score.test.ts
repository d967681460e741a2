import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isInputError } from '../input-error.ts';
import { compareNames } from './score.ts';
import { compareRecords, type PersonRecord } from './record.ts';
import { REVIEW_THRESHOLD } from './index.ts';

describe('compareNames', () => {
  it.each([
    ['محمد أحمد الحسن', 'Mohammad Ahmad Al-Hassan'],
    ['عبد الرحمن قاسم', 'Abdelrahman Kacem'],
    ['Mhd Kassem', 'Muhammad Qasim'],
    ['El Hasan Abdulrahman', 'Al-Hassan Abd al-Rahman'],
    ['Ḫālid Šukrī', 'خالد شكري'], // academic transliteration (DIN 31635)
    ['ʿUṯmān Ǧamāl Ġassān', 'عثمان جمال غسان'],
  ])('%s ≈ %s across scripts and spellings', (a, b) => {
    expect(compareNames(a, b).score).toBeGreaterThanOrEqual(0.95);
  });
  it('tells Hasan from Husayn and Mohammad from Mahmoud', () => {
    expect(compareNames('Hasan', 'Husayn').score).toBeLessThan(0.5);
    expect(compareNames('حسن', 'Hussein').score).toBeLessThan(0.5);
    expect(compareNames('Mohammad', 'Mahmoud').score).toBeLessThan(0.5);
    expect(compareNames('Hasan Khalil Darwish', 'Husayn Khalil Darwish').score).toBeLessThan(
      REVIEW_THRESHOLD,
    );
  });
  // Each rule below is pinned with the spellings that made it necessary (tokenSimilarity in score.ts).
  const how = (a: string, b: string): string => compareNames(a, b).aligned[0]?.how ?? 'none';
  it('tells a name from its feminine or longer form by the ending: Karim ≠ Karima, Nour ≠ Noura', () => {
    for (const [a, b] of [
      ['Karim', 'Karima'],
      ['Nour', 'Noura'],
      ['Amin', 'Amina'],
      ['كريمة', 'Karim'],
      ['كريم', 'Karima'],
      ['Jamil', 'جميلة'],
      ['Shawki', 'شوقه'],
    ]) {
      expect(how(a!, b!), `${a} / ${b}`).toBe('different');
    }
    expect(compareNames('Karim Ahmad Darwish', 'Karima Ahmad Darwish').score).toBeLessThan(REVIEW_THRESHOLD);
    expect(compareNames('Karim', 'Karima').aligned[0]).toMatchObject({
      how: 'different',
      why: 'different endings',
    });
    // the ending rules are symmetric, as scoring must be
    const endings = [
      'Salih',
      'Salim',
      'Sali',
      'Salia',
      'Saleh',
      'Salu',
      'Sale',
      'صالح',
      'صالحة',
      'صالي',
      'صالو',
      'صالع',
    ];
    for (const a of endings)
      for (const b of endings) expect(compareNames(a, b).score, `${a} / ${b}`).toBe(compareNames(b, a).score);
    // …while the endings spellings disagree on still meet: ة as a/ah/eh/e, ى as a or i, ع as a vowel or nothing.
    for (const [a, b] of [
      ['Fatima', 'Fatimah'],
      ['Fatme', 'فاطمة'],
      ['Hamzeh', 'حمزة'],
      ['Mustafa', 'مصطفى'],
      ['Layla', 'ليلى'],
      ['Aly', 'علي'],
      ['Rabia', 'ربيع'],
      ['Nadia', 'نادية'],
      ['Chaabane', 'شعبان'],
      ['Abdulla', 'Abdallah'],
    ]) {
      expect(compareNames(a!, b!).score, `${a} / ${b}`).toBe(1);
    }
  });
  it('compares two Arabic spellings letter by letter: ح is not ه, an extra alef is another name', () => {
    expect(how('سمحان', 'أسمهان')).toBe('near');
    expect(how('مصبح', 'مصباح')).not.toBe('spelling');
    expect(how('أيمن', 'إيمان')).not.toBe('spelling');
    expect(compareNames('أيمن سمحان', 'إيمان أسمهان').score).toBeLessThan(REVIEW_THRESHOLD);
    // hamza seats, taa marbuta, a doubled waw and the article are spelling, not letters
    for (const [a, b] of [
      ['داوود', 'داود'],
      ['الحسن', 'حسن'],
      ['فاطمة', 'فاطمه'],
      ['أسامة', 'اسامه'],
    ])
      expect(compareNames(a!, b!).score, `${a} / ${b}`).toBe(1);
  });
  it('needs a Latin vowel where Arabic writes a long alef: Mirna is neither عمران nor ميران', () => {
    expect(compareNames('Mirna', 'عمران').score).toBeLessThan(0.5);
    expect(compareNames('Mirna', 'ميران').score).toBeLessThan(0.5);
    for (const [a, b] of [
      ['Qasim', 'قاسم'],
      ['Kacem', 'قاسم'],
      ['Djamel', 'جمال'],
      ['Hesham', 'هشام'],
      ['Raed', 'رائد'],
      ['Wael', 'وائل'],
      ['Ismail', 'إسماعيل'],
    ]) {
      expect(compareNames(a!, b!).score, `${a} / ${b}`).toBe(1);
    }
  });
  it('reads ذ and ظ as Latin spellings write them: z, d, dh or th', () => {
    for (const [a, b] of [
      ['Deeb', 'ذيب'],
      ['Theeb', 'ذيب'],
      ['Diab', 'ذياب'],
      ['Munzer', 'منذر'],
      ['Munther', 'منذر'],
      ['Zafer', 'ظافر'],
      ['Dhafer', 'ظافر'],
      ['Abdel Adheem', 'عبد العظيم'],
    ]) {
      expect(compareNames(a!, b!).score, `${a} / ${b}`).toBe(1);
    }
    expect(compareNames('Deeb', 'ديب').score).toBe(1); // and د stays d
    expect(compareNames('Zafer', 'ضافر').score).toBeLessThan(0.5); // ض is not z
  });
  it('reads a written yaa in Latin ei/ee even first in a word: Eid is عيد, not الددة', () => {
    expect(compareNames('Eid', 'عيد').score).toBe(1);
    expect(compareNames('Eid', 'الددة').score).toBeLessThan(0.5);
    expect(compareNames('الددة', 'Al-Dada').score).toBe(1); // two dals are two sounds
    expect(compareNames('عبدالله', 'Abdallah').score).toBe(1); // …and may be one (الله)
  });
  it('marks a name whose beginning disagrees across scripts as near, not the same', () => {
    // أسمهان begins with a vowel, Samhan does not; Brahim is a Maghrebi إبراهيم, likely but not certain.
    expect(how('Samhan', 'أسمهان')).toBe('near');
    expect(how('Brahim', 'إبراهيم')).toBe('near');
    // A Maghrebi "Ou" is a waw; th may be ت + ح.
    for (const [a, b] of [
      ['Ouissam', 'وسام'],
      ['Ouail', 'وائل'],
      ['Fathi', 'فتحي'],
      ['Fathia', 'فتحية'],
      ['Othman', 'عثمان'],
    ]) {
      expect(compareNames(a!, b!).score, `${a} / ${b}`).toBe(1);
    }
  });
  it('explains which tokens aligned and how', () => {
    const r = compareNames('Mohamed Kassem', 'محمد قاسم');
    expect(r.aligned).toEqual([
      { a: 'mohamed', b: 'محمد', how: 'spelling', similarity: 1, weight: 0.4 },
      { a: 'kassem', b: 'قاسم', how: 'spelling', similarity: 1, weight: 1 },
    ]);
  });
  it('accepts reordered and missing tokens with a small discount', () => {
    const full = compareNames('Kacem Darwish', 'Kacem Darwish').score;
    const swapped = compareNames('Darwish Kacem', 'Kacem Darwish');
    const partial = compareNames('Kacem Darwish', 'Kacem Ahmad Darwish').score;
    expect(full).toBe(1);
    expect(swapped.reordered).toBe(true);
    expect(swapped.score).toBeGreaterThan(REVIEW_THRESHOLD);
    expect(swapped.score).toBeLessThan(1);
    expect(partial).toBeGreaterThan(REVIEW_THRESHOLD);
    expect(partial).toBeLessThan(1);
  });
  it('weighs frequent names less: sharing Mohammad says less than sharing Darwish', () => {
    expect(compareNames('Mohammad Darwish', 'Mohammad Haddad').score).toBeLessThan(
      compareNames('Ziad Darwish', 'Rami Darwish').score,
    );
  });
  it('fails with an InputError on bad input', () => {
    expect(() => compareNames('', 'Ali')).toThrow(expect.objectContaining({ code: 'names.empty' }));
    expect(() => compareNames('Иван', 'Ali')).toThrow(
      expect.objectContaining({ code: 'names.unsupported_script' }),
    );
  });
});

describe('compareRecords', () => {
  const base: PersonRecord = {
    given: 'Mohammad',
    father: 'Ahmad',
    grandfather: 'Ali',
    family: 'Al-Hassan',
    mother: 'Fatima',
    birthYear: 1987,
    birthplace: 'Homs',
  };
  it('scores a record against itself 1 and a cross-script copy high', () => {
    expect(compareRecords(base, base).score).toBe(1);
    const arabic: PersonRecord = {
      given: 'محمد',
      father: 'أحمد',
      grandfather: 'علي',
      family: 'الحسن',
      mother: 'فاطمة',
      birthYear: { from: 1986, to: 1988 },
      birthplace: 'حمص',
    };
    expect(compareRecords(base, arabic).score).toBeGreaterThanOrEqual(0.95);
  });
  it('treats a missing field as neutral and a clear conflict as lowering', () => {
    const noMother = { ...base, mother: undefined };
    expect(compareRecords(base, noMother).score).toBe(
      compareRecords({ ...base, mother: undefined }, noMother).score,
    );
    const r = compareRecords(base, { ...base, mother: 'Zaynab', birthYear: 1967 });
    expect(r.score).toBeLessThan(0.5);
    expect(r.explanation.find((e) => e.field === 'mother')).toMatchObject({ effect: 'conflicts' });
    expect(r.explanation.find((e) => e.field === 'birthYear')).toMatchObject({
      effect: 'conflicts',
      detail: 'birth years 20 year(s) apart',
    });
  });
  it('rejects a record without a name or with an impossible year', () => {
    expect(() => compareRecords({ mother: 'Fatima' }, base)).toThrow(
      expect.objectContaining({ code: 'names.empty' }),
    );
    expect(() => compareRecords({ ...base, birthYear: { from: 1990, to: 1980 } }, base)).toThrow(
      expect.objectContaining({ code: 'names.birth_year' }),
    );
  });
});

describe('scoring properties', () => {
  const pool = [
    'محمد',
    'Mohammad',
    'Mohamed',
    'حسن',
    'Hasan',
    'Husayn',
    'Abdulrahman',
    'عبد الرحمن',
    'Kassem',
    'قاسم',
    'Al-Hassan',
    'Darwish',
    'Fatima',
    'فاطمة',
    'Abu Hamada',
    'bin',
    'Mahmoud',
    'Zaynab',
  ];
  const name = fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 5 }).map((p) => p.join(' '));
  const record = fc.record(
    {
      given: name,
      father: name,
      family: name,
      mother: name,
      birthYear: fc.integer({ min: 1940, max: 2010 }),
      birthplace: fc.constantFrom('Homs', 'حمص', 'Aleppo', 'Daraa'),
    },
    { requiredKeys: ['given'] },
  );
  const safe = <T>(f: () => T): T | 'error' => {
    try {
      return f();
    } catch (e) {
      if (isInputError(e)) return 'error';
      throw e;
    }
  };
  it('names: symmetric, identical = 1, in [0,1]', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const ab = safe(() => compareNames(a, b).score);
        const ba = safe(() => compareNames(b, a).score);
        expect(ab).toBe(ba);
        if (ab !== 'error') expect(ab).toBeGreaterThanOrEqual(0);
        if (ab !== 'error') expect(ab).toBeLessThanOrEqual(1);
        const aa = safe(() => compareNames(a, a).score);
        if (aa !== 'error') expect(aa).toBe(1);
      }),
    );
  });
  it('records: symmetric, identical = 1', () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        expect(safe(() => compareRecords(a, b).score)).toBe(safe(() => compareRecords(b, a).score));
        const aa = safe(() => compareRecords(a, a).score);
        if (aa !== 'error') expect(aa).toBe(1);
      }),
    );
  });
  it('stays linear: a 300-character name of many tokens compares fast', () => {
    const long = Array.from({ length: 60 }, (_, i) => ['Ali', 'Hasan', 'Darwish', 'Kacem'][i % 4])
      .join(' ')
      .slice(0, 300);
    const t = performance.now();
    compareNames(long, long);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
