/**
 * Name pairs, one score each (issue 12): athar's compareNames against a consonant-skeleton
 * baseline of twenty lines, on pairs training never saw — the Levantine held-out tenth and the
 * Google ar2en eval file, each with five random negatives per true pair, and same-consonant
 * different-name pairs built from the Levantine data (bench/names/pairs.ts). Printed per set:
 * ROC AUC, recall at 1 % false positives, and the share of different-name pairs scored ≥ 0.99;
 * then the true pairs scored lowest and the different-name pairs scored highest, with why.
 */
import { compareNames } from '#src/engines/names/index.ts';
import { editDistance } from '#src/engines/names/keys.ts';
import { recallAtFpr, rocAuc, shareAtLeast, type Scored } from './pair-metrics.ts';
import { nameSplits, sameConsonantPairs, withRandomNegatives, type LabelledPair } from './pairs.ts';

// ---- the baseline: both spellings to a consonant skeleton, then 1 − normalised edit distance.
const AR: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ث: 't',
  ج: 'j',
  ح: 'h',
  خ: 'k',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 's',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'h',
  و: 'w',
  ي: 'y',
  ى: '',
  ا: '',
  أ: '',
  إ: '',
  آ: '',
  ء: '',
  ئ: 'y',
  ؤ: 'w',
  ع: '',
};
function skeletonAr(s: string): string {
  return [...s]
    .map((c) => AR[c] ?? '')
    .join('')
    .replace(/(.)\1+/g, '$1');
}
function skeletonLa(s: string): string {
  return s
    .toLowerCase()
    .replace(/sh|ch/g, 's')
    .replace(/kh|q|c/g, 'k')
    .replace(/th|dh/g, 't')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/[^a-z]/g, '')
    .replace(/[aeiou]/g, '')
    .replace(/(.)\1+/g, '$1');
}
export function baselineScore(a: string, b: string): number {
  const sa = /[\u0600-\u06ff]/.test(a) ? skeletonAr(a) : skeletonLa(a);
  const sb = /[\u0600-\u06ff]/.test(b) ? skeletonAr(b) : skeletonLa(b);
  const longest = Math.max(sa.length, sb.length);
  return longest === 0 ? 1 : 1 - editDistance(sa, sb) / longest;
}
// ---- end of the baseline.

function athar(p: LabelledPair): number {
  try {
    return compareNames(p.arabic, p.latin).score;
  } catch {
    return 0;
  }
}

export function pairBench(): { table: string; failures: string; goals: string } {
  const s = nameSplits();
  const sets: [string, LabelledPair[]][] = [
    ['Levantine held-out', withRandomNegatives(s.levantineEval, s.known, 5, 1)],
    ['Google ar2en eval', withRandomNegatives(s.googleEval, s.known, 5, 2)],
    ['same consonants, different names', sameConsonantPairs(s.levantineEval, s.levantineAll, s.known)],
  ];
  const rows: string[] = [];
  const failures: string[] = [];
  const measured: Record<string, { auc: number; recall: number; high: number }> = {};
  const baseline: Record<string, { auc: number; recall: number; high: number }> = {};
  for (const [name, pairs] of sets) {
    for (const [method, f] of [
      ['athar', athar],
      ['consonant-skeleton baseline', (p: LabelledPair) => baselineScore(p.arabic, p.latin)],
    ] as const) {
      const xs: (Scored & LabelledPair)[] = pairs.map((p) => ({ ...p, score: f(p) }));
      const m = { auc: rocAuc(xs), recall: recallAtFpr(xs, 0.01), high: shareAtLeast(xs, 0.99) };
      (method === 'athar' ? measured : baseline)[name] = m;
      const pos = xs.filter((x) => x.same).length;
      rows.push(
        `| ${name} | ${method} | ${pos} | ${xs.length - pos} | ${m.auc.toFixed(4)} | ${m.recall.toFixed(3)} | ${(100 * m.high).toFixed(1)} % |`,
      );
      if (method !== 'athar') continue;
      const lowTrue = xs
        .filter((x) => x.same)
        .sort((a, b) => a.score - b.score)
        .slice(0, 5);
      const highFalse = xs
        .filter((x) => !x.same)
        .sort((a, b) => b.score - a.score)
        .slice(0, 5);
      for (const x of [...lowTrue, ...highFalse]) {
        let why = '';
        try {
          const aligned = compareNames(x.arabic, x.latin).aligned[0];
          why = aligned
            ? `${aligned.how}${aligned.why ? `: ${aligned.why}` : ''}; ${aligned.letters ?? ''}`
            : 'not aligned';
        } catch (e) {
          why = (e as Error).message;
        }
        failures.push(
          `- ${name}, ${x.same ? 'true pair scored low' : 'different names scored high'}: ${x.arabic} / ${x.latin} ${x.score.toFixed(4)} (${why})`,
        );
      }
    }
  }
  const lev = measured['Levantine held-out']!;
  const goo = measured['Google ar2en eval']!;
  const same = measured['same consonants, different names']!;
  const ok = (b: boolean) => (b ? 'met' : 'NOT met');
  const ahead = sets.every(
    ([n]) => measured[n]!.auc > baseline[n]!.auc && measured[n]!.recall > baseline[n]!.recall,
  );
  const goals = [
    `athar ahead of the baseline on every set in AUC and in recall: ${ok(ahead)}`,
    `Google ar2en eval AUC ≥ 0.99: ${goo.auc.toFixed(4)}, ${ok(goo.auc >= 0.99)}`,
    `same-consonant AUC ≥ 0.95: ${same.auc.toFixed(4)}, ${ok(same.auc >= 0.95)}; at most 2 % of different names ≥ 0.99: ${(100 * same.high).toFixed(1)} %, ${ok(same.high <= 0.02)}`,
    `Levantine AUC ≥ 0.995: ${lev.auc.toFixed(4)}, ${ok(lev.auc >= 0.995)}; recall at 1 % false positives ≥ 0.99: ${lev.recall.toFixed(3)}, ${ok(lev.recall >= 0.99)}`,
  ];
  return {
    table:
      '| set | method | true pairs | different-name pairs | ROC AUC | recall at 1 % FP | different names ≥ 0.99 |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n' +
      rows.join('\n'),
    failures: failures.join('\n'),
    goals: goals.map((g) => `- ${g}`).join('\n'),
  };
}
