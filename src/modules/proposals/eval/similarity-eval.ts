import {
  averagePrecision, chooseThreshold, cosine, idfFor, statsOf, thresholdTable, topKAccuracy,
  type IdfOptions, type ThresholdRow, type TokenizeOptions,
} from '../../../platform/text/index.js';
import { matchTokens, proposalVector, TITLE_WEIGHT, type MatchTokens } from '../domain/matching.js';
import { prepareUnits, suggestUnits, type PastAssignment } from '../domain/unit-suggestion.js';
import { EVAL_DOCS, EXPECTED_LEAD, type EvalDoc } from './documents.js';
import { EVAL_UNITS } from './units.js';
import { DINGXI_UNITS, UNIT_CASES, type UnitCase } from './unit-cases.js';

/**
 * Measures duplicate detection and unit suggestion on the labelled set.
 * test/proposals/similarity-eval.test.ts holds the figures measured when the threshold was
 * chosen; `npm run bench` (part proposals) prints the same report.
 */
export type PairLabel = 'same' | 'related' | 'unrelated';
export interface LabelledPair {
  a: EvalDoc;
  b: EvalDoc;
  label: PairLabel;
}

/**
 * Every pair of the same matter; every cross pair of two matters of one theme (related);
 * and one unrelated partner per document, chosen by a fixed stride so the set is stable.
 */
export function labelledPairs(docs: readonly EvalDoc[] = EVAL_DOCS): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const [a, b] = [docs[i], docs[j]];
      if (a.matter === b.matter) pairs.push({ a, b, label: 'same' });
      else if (a.theme === b.theme) pairs.push({ a, b, label: 'related' });
    }
    const b = docs[(i * 7 + 37) % docs.length];
    if (b.theme !== docs[i].theme) pairs.push({ a: docs[i], b, label: 'unrelated' });
  }
  return pairs;
}

export interface SimilarityOptions {
  tokenize?: TokenizeOptions;
  titleWeight?: number;
  idf?: IdfOptions;
}

export interface SimilarityReport {
  pairs: { same: number; related: number; unrelated: number };
  /** Mean score per label: how far apart the classes sit. */
  meanScore: Record<PairLabel, number>;
  /** Positives = same matter; related and unrelated pairs are negatives. */
  table: ThresholdRow[];
  chosen: ThresholdRow;
  /** Area under the precision-recall curve (threshold-free). */
  averagePrecision: number;
  /** Share of documents whose most similar other document is of the same matter. */
  top1: number;
}

export function evaluateSimilarity(opts: SimilarityOptions = {}, docs: readonly EvalDoc[] = EVAL_DOCS): SimilarityReport {
  const tokens = new Map(docs.map((d) => [d.id, matchTokens(d.title, d.body, opts.tokenize)]));
  const idf = idfFor(statsOf(docs.map((d) => distinctOf(tokens.get(d.id)!))), opts.idf);
  const vectors = new Map(docs.map((d) => [d.id, proposalVector(tokens.get(d.id)!, idf, opts.titleWeight ?? TITLE_WEIGHT)]));
  const score = (a: EvalDoc, b: EvalDoc) => cosine(vectors.get(a.id)!, vectors.get(b.id)!);
  const pairs = labelledPairs(docs);
  const scored = pairs.map((p) => ({ ...p, score: score(p.a, p.b), positive: p.label === 'same' }));
  const mean = (l: PairLabel) => avg(scored.filter((s) => s.label === l).map((s) => s.score));
  const table = thresholdTable(scored, { from: 0.05, to: 0.7, step: 0.025 });
  const top1Hits = docs.filter((d) => {
    const best = docs.filter((o) => o.id !== d.id).reduce((x, o) => (score(d, o) > score(d, x) ? o : x), docs.find((o) => o.id !== d.id)!);
    return best.matter === d.matter;
  }).length;
  return {
    pairs: { same: count(pairs, 'same'), related: count(pairs, 'related'), unrelated: count(pairs, 'unrelated') },
    meanScore: { same: mean('same'), related: mean('related'), unrelated: mean('unrelated') },
    table,
    chosen: chooseThreshold(table),
    averagePrecision: averagePrecision(scored),
    top1: top1Hits / docs.length,
  };
}

export interface UnitSuggestionReport {
  cases: number;
  top1: number;
  top3: number;
  /** Counting an `alsoRight` unit in the top 3 as right. */
  top3Lenient: number;
}

/**
 * Top-k accuracy of unit suggestion. With `withHistory`, every other document of the set acts
 * as a past proposal assigned to its expected lead unit (leave-one-out), as after a year of use.
 */
export function evaluateUnitSuggestion(opts: { withHistory?: boolean; historyWeight?: number } = {}): UnitSuggestionReport {
  const units = EVAL_UNITS.map((u) => ({ id: u.name, name: u.name, duties: u.duties }));
  const prepared = prepareUnits(units);
  const tokens = new Map(EVAL_DOCS.map((d) => [d.id, matchTokens(d.title, d.body)]));
  const idf = idfFor(statsOf(EVAL_DOCS.map((d) => distinctOf(tokens.get(d.id)!))));
  const vec = new Map(EVAL_DOCS.map((d) => [d.id, proposalVector(tokens.get(d.id)!, idf)]));
  const cases = EVAL_DOCS.map((d) => {
    let history: PastAssignment[] = [];
    if (opts.withHistory) {
      history = EVAL_DOCS.filter((o) => o.id !== d.id)
        .map((o) => ({ leadUnitId: EXPECTED_LEAD[o.matter].lead, similarity: cosine(vec.get(d.id)!, vec.get(o.id)!) }))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, 5);
    }
    const ranked = suggestUnits(tokens.get(d.id)!, prepared, history, { limit: 3, historyWeight: opts.historyWeight }).map((s) => s.unitId);
    return { expected: EXPECTED_LEAD[d.matter], ranked };
  });
  return {
    cases: cases.length,
    top1: topKAccuracy(cases.map((c) => ({ expected: c.expected.lead, ranked: c.ranked })), 1),
    top3: topKAccuracy(cases.map((c) => ({ expected: c.expected.lead, ranked: c.ranked })), 3),
    top3Lenient: cases.filter((c) => [c.expected.lead, ...(c.expected.alsoRight ?? [])].some((u) => c.ranked.includes(u))).length / cases.length,
  };
}

const distinctOf = (t: MatchTokens) => [...new Set(t.tokens)];
const avg = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
const count = (ps: LabelledPair[], l: PairLabel) => ps.filter((p) => p.label === l).length;

export interface UnitCasesReport extends UnitSuggestionReport {
  /** Cases whose lead was not in the top 3: id, expected, suggested. */
  misses: { id: string; lead: string; top3: string[] }[];
}

/**
 * Top-k accuracy of unit suggestion (duties only, as on a committee's first day) on the
 * labelled (text → lead unit) set against 定西's 40 departments (eval/unit-cases.ts).
 */
export function evaluateUnitCases(cases: readonly UnitCase[] = UNIT_CASES): UnitCasesReport {
  const prepared = prepareUnits(DINGXI_UNITS);
  const ranked = cases.map((c) => ({ c, top: suggestUnits(matchTokens('', c.text), prepared, [], { limit: 3 }).map((s) => s.unitId) }));
  const at = (k: number) => topKAccuracy(ranked.map((r) => ({ expected: r.c.lead, ranked: r.top })), k);
  return {
    cases: cases.length,
    top1: at(1),
    top3: at(3),
    top3Lenient: ranked.filter((r) => [r.c.lead, ...(r.c.alsoRight ?? [])].some((u) => r.top.includes(u))).length / cases.length,
    misses: ranked.filter((r) => !r.top.includes(r.c.lead)).map((r) => ({ id: r.c.id, lead: r.c.lead, top3: r.top })),
  };
}
