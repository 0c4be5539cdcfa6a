/**
 * Precision and recall of a scored binary decision at thresholds, to choose a threshold from
 * a labelled set rather than by taste.
 */
export interface Scored {
  score: number;
  positive: boolean;
}

export interface ThresholdRow {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export function atThreshold(items: readonly Scored[], threshold: number): ThresholdRow {
  let tp = 0, fp = 0, fn = 0;
  for (const it of items) {
    const predicted = it.score >= threshold;
    if (predicted && it.positive) tp++;
    else if (predicted) fp++;
    else if (it.positive) fn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { threshold, precision, recall, f1, truePositives: tp, falsePositives: fp, falseNegatives: fn };
}

/** Rows for thresholds from `from` to `to` by `step` (rounded to avoid 0.30000000000000004). */
export function thresholdTable(items: readonly Scored[], opts: { from?: number; to?: number; step?: number } = {}): ThresholdRow[] {
  const { from = 0.05, to = 0.95, step = 0.05 } = opts;
  const rows: ThresholdRow[] = [];
  for (let t = from; t <= to + 1e-9; t += step) rows.push(atThreshold(items, Math.round(t * 1000) / 1000));
  return rows;
}

/**
 * The threshold to use: the highest F-beta (beta > 1 favours recall: a missed duplicate costs
 * the office more than one extra candidate to dismiss); ties go to the higher threshold.
 */
export function chooseThreshold(rows: readonly ThresholdRow[], beta = 1): ThresholdRow {
  const fb = (r: ThresholdRow) =>
    r.precision + r.recall === 0 ? 0 : ((1 + beta * beta) * r.precision * r.recall) / (beta * beta * r.precision + r.recall);
  return rows.reduce((best, r) => (fb(r) > fb(best) + 1e-12 || (Math.abs(fb(r) - fb(best)) <= 1e-12 && r.threshold > best.threshold) ? r : best));
}

/** Fraction of cases whose expected answer is among the first k suggestions. */
export function topKAccuracy<T>(cases: readonly { expected: T; ranked: readonly T[] }[], k: number): number {
  if (!cases.length) return 0;
  return cases.filter((c) => c.ranked.slice(0, k).includes(c.expected)).length / cases.length;
}

/** Average precision over the ranking by score (area under the precision-recall curve; threshold-free). */
export function averagePrecision(items: readonly Scored[]): number {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const positives = sorted.filter((s) => s.positive).length;
  if (!positives) return 0;
  let hits = 0, sum = 0;
  sorted.forEach((s, i) => {
    if (s.positive) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / positives;
}
