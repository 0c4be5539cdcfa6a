import type { Figure } from './figure.js';
import type { InfoTimed, SocialInfoBenchResult } from './social-info.js';
import { int, ms, secs } from './stats.js';

/** The social-info part's lines in the figures table and its notes under it. */
const mark = (ok: boolean): Figure['status'] => (ok ? 'PASS' : 'MISS');

function latency(name: string, t: InfoTimed, goalMs: number): Figure[] {
  const s = t.summary;
  return [
    { figure: `${name} p50 / p95 / p99`, value: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`, goal: `p95 < ${goalMs} ms`, status: mark(s.p95 < goalMs) },
    { figure: '  baseline: select … limit 20 on the same table, p95', value: `${ms(t.baseline.p95)}; route ÷ baseline = ${t.ratio.toFixed(1)}×`, goal: '(info)', status: '' },
  ];
}

export function socialInfoFigures(r: SocialInfoBenchResult): Figure[] {
  const d = r.data;
  return [
    {
      figure: `社情民意: ${int(d.items)} items stored${d.items >= 500_000 ? '' : ' (reduced)'}, generation`,
      value: d.reused ? `reused (${secs(d.generationSeconds * 1000)} when made)` : secs(d.generationSeconds * 1000), goal: '', status: '',
    },
    ...latency('Item list (default / state / year; listItems)', r.list, 50),
    ...latency("  a city office's default list", r.cityDefaultList, 50),
    ...latency('Item search (q, 1–3 words; listItems)', r.search, 100),
  ];
}

export function socialInfoNotes(r: SocialInfoBenchResult): string[] {
  return [
    '',
    `社情民意: committees measured ${r.committees.map((c) => `${c.code} (${c.level}, ${c.items})`).join(', ')}; corpus ${r.data.sentences} sentences, ` +
      `${r.data.vocabulary} distinct words; mean matches: list ${r.list.meanMatches.toFixed(0)}, search ${r.search.meanMatches.toFixed(0)} ` +
      `(${(r.search.emptyShare * 100).toFixed(0)} % of searches found nothing).`,
  ];
}
