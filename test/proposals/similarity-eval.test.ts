import { describe, expect, it } from 'vitest';
import { matchTokens, rankBySimilarity, DEFAULT_DUPLICATE_THRESHOLD } from '../../src/modules/proposals/domain/matching.js';
import { EVAL_DOCS } from '../../src/modules/proposals/eval/documents.js';
import { DINGXI_UNITS, UNIT_CASES } from '../../src/modules/proposals/eval/unit-cases.js';
import { evaluateSimilarity, evaluateUnitCases, evaluateUnitSuggestion, labelledPairs } from '../../src/modules/proposals/eval/similarity-eval.js';
import { atThreshold, idfFor, statsOf, tokenize } from '../../src/platform/text/index.js';

/**
 * Figures measured on the labelled set when the threshold was chosen (see the report in
 * src/modules/proposals/domain/matching.ts and unit-suggestion.ts); a change to segmentation, word lists or weights
 * must not lower them by more than the margin.
 */
const MEASURED = {
  precision: 0.833, recall: 0.795, averagePrecision: 0.908, top1: 0.898, unitTop3: 1.0, unitTop1: 0.92, unitTop1WithHistory: 0.966,
  /** On 定西's 40 real departments (eval/unit-cases.ts, 120 cases), duties only. */
  dingxiTop3: 0.875, dingxiTop1: 0.708,
};
const MARGIN = 0.05;

describe('duplicate detection on the labelled set', () => {
  const report = evaluateSimilarity();

  it('has enough labelled pairs of each kind', () => {
    expect(labelledPairs().length).toBeGreaterThanOrEqual(60);
    expect(report.pairs.same).toBeGreaterThanOrEqual(40);
    expect(report.pairs.related).toBeGreaterThanOrEqual(40);
    expect(report.pairs.unrelated).toBeGreaterThanOrEqual(40);
  });

  it(`keeps precision and recall at the chosen threshold ${DEFAULT_DUPLICATE_THRESHOLD}`, () => {
    const scored = report.table.find((r) => r.threshold === DEFAULT_DUPLICATE_THRESHOLD)!;
    expect(scored.precision).toBeGreaterThanOrEqual(MEASURED.precision - MARGIN);
    expect(scored.recall).toBeGreaterThanOrEqual(MEASURED.recall - MARGIN);
    expect(report.averagePrecision).toBeGreaterThanOrEqual(MEASURED.averagePrecision - MARGIN);
    expect(report.top1).toBeGreaterThanOrEqual(MEASURED.top1 - MARGIN);
    // The threshold is still the best F1 on the set, or close to it.
    expect(report.chosen.f1 - scored.f1).toBeLessThan(0.03);
  });

  it('separates the classes: same ≫ related ≫ unrelated', () => {
    expect(report.meanScore.same).toBeGreaterThan(2 * report.meanScore.related);
    expect(report.meanScore.related).toBeGreaterThan(2 * report.meanScore.unrelated);
  });

  it('ranks a reworded duplicate above a related proposal of the same field', () => {
    const docs = EVAL_DOCS.map((d) => ({ ...matchTokens(d.title, d.body), id: d.id }));
    const idf = idfFor(statsOf(docs.map((d) => d.tokens)));
    const query = matchTokens('关于推广脱毒种薯提高马铃薯单产的建议', '农户自留种薯退化严重，建议建设种薯繁育基地并补贴脱毒种薯。');
    const ranked = rankBySimilarity(query, docs, idf, 3);
    expect(ranked[0].item.id.startsWith('potato.seed')).toBe(true);
    expect(ranked[0].score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
  });

  it('segments with jieba and drops the genre boilerplate', () => {
    expect(tokenize('关于进一步加强乡村教师队伍建设的提案')).toEqual(['乡村', '教师队伍', '教师', '队伍']);
    expect(atThreshold([{ score: 0.5, positive: true }, { score: 0.1, positive: false }], 0.2)).toMatchObject({ precision: 1, recall: 1 });
  });
});

describe('unit suggestion on the labelled set', () => {
  it('puts the expected lead unit in the top 3', () => {
    const r = evaluateUnitSuggestion();
    expect(r.cases).toBe(EVAL_DOCS.length);
    expect(r.top3).toBeGreaterThanOrEqual(MEASURED.unitTop3 - MARGIN);
    expect(r.top1).toBeGreaterThanOrEqual(MEASURED.unitTop1 - MARGIN);
    const h = evaluateUnitSuggestion({ withHistory: true });
    expect(h.top3).toBeGreaterThanOrEqual(MEASURED.unitTop3 - MARGIN);
    expect(h.top1).toBeGreaterThanOrEqual(MEASURED.unitTop1WithHistory - MARGIN);
  });
});

describe("unit suggestion against 定西's departments (labelled text → lead unit)", () => {
  it('has at least 60 realistic cases whose lead is one of the departments, and keeps top-3 accuracy', () => {
    const r = evaluateUnitCases();
    expect(r.cases).toBeGreaterThanOrEqual(60);
    expect(r.top3).toBeGreaterThanOrEqual(MEASURED.dingxiTop3 - MARGIN);
    expect(r.top1).toBeGreaterThanOrEqual(MEASURED.dingxiTop1 - MARGIN);
    expect(r.top3Lenient).toBeGreaterThanOrEqual(r.top3);
    // A case whose lead is not a 定西 department could never be right: the set would be mislabelled.
    const names = new Set(DINGXI_UNITS.map((u) => u.name));
    expect(UNIT_CASES.filter((c) => !names.has(c.lead) || (c.alsoRight ?? []).some((u) => !names.has(u)))).toEqual([]);
  });
});
