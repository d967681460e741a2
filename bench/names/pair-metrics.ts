/** Ranking metrics over labelled scores: ROC AUC, recall at a false-positive rate, share of negatives at or above a score. */
export interface Scored {
  score: number;
  same: boolean;
}

/** ROC AUC with ties counted half (the Mann–Whitney statistic). */
export function rocAuc(xs: Scored[]): number {
  const sorted = [...xs].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let nPos = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if (sorted[k]!.same) {
        rankSum += rank;
        nPos++;
      }
    i = j;
  }
  const nNeg = xs.length - nPos;
  return nPos && nNeg ? (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg) : NaN;
}

/**
 * Recall of the true pairs at the loosest threshold that lets through at most `fpr` of the
 * different-name pairs: a pair is accepted when it scores above the threshold (a tie with the
 * threshold is refused, which is conservative).
 */
export function recallAtFpr(xs: Scored[], fpr: number): number {
  const neg = xs
    .filter((x) => !x.same)
    .map((x) => x.score)
    .sort((a, b) => b - a);
  const pos = xs.filter((x) => x.same).map((x) => x.score);
  const allowed = Math.floor(fpr * neg.length);
  // The threshold: just above the (allowed+1)-th highest negative.
  const t = allowed < neg.length ? neg[allowed]! : -Infinity;
  return pos.filter((s) => s > t).length / pos.length;
}

/** Share of the different-name pairs scored at or above `at`. */
export function shareAtLeast(xs: Scored[], at: number): number {
  const neg = xs.filter((x) => !x.same);
  return neg.filter((x) => x.score >= at).length / neg.length;
}
