import type { Figure } from './figure.js';
import type { SearchAllResult } from './search-all.js';
import { int, ms } from './stats.js';

/** The search-all part's lines in the figures table, with the scale it ran at beside the figure. */
export function searchAllFigures(r: SearchAllResult): Figure[] {
  const s = r.summary;
  const national = r.proposals.proposals >= 1_000_000 && r.items.items >= 500_000 && r.members >= 600_000;
  return [
    {
      figure: `Search across modules (GET /api/search, searchAll, 5 per module) p50 / p95 / p99 — at ${int(r.proposals.proposals)} proposals, ` +
        `${int(r.items.items)} 社情民意 items, ${int(r.members)} members${national ? '' : ' (reduced, not national scale)'}`,
      value: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`, goal: 'p95 < 100 ms', status: s.p95 < 100 ? 'PASS' : 'MISS',
    },
    {
      figure: `  committees ${r.committees.map((c) => `${c.code} (${c.level})`).join(', ')}`,
      value: `mean ${r.meanHits.toFixed(1)} hits, ${(r.emptyShare * 100).toFixed(0)} % empty`, goal: '(info)', status: '',
    },
  ];
}
