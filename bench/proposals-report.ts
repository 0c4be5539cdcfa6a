import type { ProposalsResult, Timed } from './proposals.js';
import type { Figure } from './figure.js';
import { int, ms, secs } from './stats.js';

/** The proposals part's lines in the figures table and its notes under it. */

const mark = (ok: boolean): Figure['status'] => (ok ? 'PASS' : 'MISS');
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function latency(name: string, t: Timed, goalMs: number): Figure[] {
  const s = t.summary;
  return [
    { figure: `${name} p50 / p95 / p99`, value: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`, goal: `p95 < ${goalMs} ms`, status: mark(s.p95 < goalMs) },
    { figure: '  baseline: indexed select … limit 20, p95', value: `${ms(t.baseline.p95)}; route ÷ baseline = ${t.ratio.toFixed(1)}×`, goal: '(info)', status: '' },
  ];
}

export function proposalsFigures(p: ProposalsResult): Figure[] {
  const d = p.data;
  const full = d.proposals >= 1_000_000;
  const u = p.units;
  const dup = p.duplicates;
  return [
    {
      figure: `Proposals: ${int(d.proposals)} stored${full ? '' : ' (reduced)'}, generation`,
      value: d.reused ? `reused (${secs(d.generationSeconds * 1000)} when made)` : secs(d.generationSeconds * 1000), goal: '', status: '',
    },
    ...latency('Similar-proposal check (similarToText)', p.similar, 50),
    ...latency('Proposal list with filters', p.list, 50),
    ...latency('Full-text search (q, 1–3 words)', p.search, 100),
    {
      figure: `Duplicate detection at ${dup.threshold}: precision / recall`, value: `${dup.precision.toFixed(3)} / ${dup.recall.toFixed(3)} (F1 ${dup.f1.toFixed(3)})`,
      goal: '(measured)', status: '',
    },
    {
      figure: `Unit suggestion top-3 (${u.cases} cases, 定西 units)`, value: `${pct(u.top3)} (top-1 ${pct(u.top1)}; lenient top-3 ${pct(u.top3Lenient)})`,
      goal: '(measured)', status: '',
    },
  ];
}

export function proposalsNotes(p: ProposalsResult): string[] {
  const dup = p.duplicates;
  const lines = [
    '',
    `Proposals: committees measured ${p.committees.map((c) => `${c.code} (${c.level}, ${c.proposals})`).join(', ')}; ` +
      `mean matches: similar ${p.similar.meanMatches.toFixed(1)}, list ${p.list.meanMatches.toFixed(0)}, search ${p.search.meanMatches.toFixed(0)} ` +
      `(${(p.search.emptyShare * 100).toFixed(0)} % of searches found nothing).`,
    `Duplicate detection on the labelled set (${dup.pairs.same} same-matter pairs, ${dup.pairs.related} related, ${dup.pairs.unrelated} unrelated; ` +
      `average precision ${dup.averagePrecision.toFixed(3)}; best F1 at ${dup.bestF1.threshold}):`,
    '  threshold  precision  recall  F1',
    ...dup.table.map((r) => `  ${r.threshold.toFixed(3).padEnd(9)}  ${r.precision.toFixed(3).padEnd(9)}  ${r.recall.toFixed(3).padEnd(6)}  ${r.f1.toFixed(3)}${r.threshold === dup.threshold ? '  ← chosen' : ''}`),
  ];
  if (p.units.misses.length) {
    lines.push(`Unit suggestion misses (lead not in top 3): ${p.units.misses.map((m) => `${m.id} → ${m.lead} (got ${m.top3.join('/')})`).join('; ')}`);
  }
  return lines;
}
