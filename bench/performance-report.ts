import type { PerformanceResult } from './performance.js';
import type { Figure } from './figure.js';
import { int, ms, secs } from './stats.js';

/** The performance part's lines in the figures table and its notes under it. */

const mark = (ok: boolean): Figure['status'] => (ok ? 'PASS' : 'MISS');

export function performanceFigures(p: PerformanceResult): Figure[] {
  const b = p.baseline;
  const n = p.national;
  const c = p.city;
  const s = p.standing;
  const full = p.data.records >= 20_000_000;
  const scale = `${int(p.data.records)} records${full ? '' : ' (reduced)'}`;
  const out: Figure[] = [
    { figure: `Duty data: ${scale}, generation`, value: p.data.reused ? `reused (${secs(p.data.generationSeconds * 1000)} when made)` : secs(p.data.generationSeconds * 1000), goal: '', status: '' },
    { figure: 'Raw SQL GROUP BY per member (baseline)', value: `${secs(b.meanMs)} (${b.ms.map((x) => secs(x)).join(' / ')})`, goal: '1.00×', status: '' },
    // Capping can only lower a member's points: a capped sum above the plain one means the statement is wrong.
    { figure: '  reference: + per-kind caps (member, kind)', value: `${secs(b.cappedMs)} = ${(b.cappedMs / b.meanMs).toFixed(2)}×`, goal: 'points ≤ plain', status: mark(b.cappedPoints <= b.points * (1 + 1e-9)) },
    {
      figure: `National assessment, ${int(n.committees)} committees, ${int(n.members)} members`,
      value: `${secs(n.ms)} = ${n.ratio.toFixed(2)}×`, goal: '≤ 2×', status: mark(n.ratio <= 2 && n.members === p.activeMembers),
    },
    // The goal is also checked against the faster of the run's two single statements.
    {
      figure: '  against the faster single statement of the run',
      value: `${(n.ms / Math.min(b.meanMs, b.cappedMs)).toFixed(2)}×`, goal: '≤ 2×', status: mark(n.ms / Math.min(b.meanMs, b.cappedMs) <= 2),
    },
    { figure: '  per committee p50 / p95 / max', value: `${ms(n.perCommittee.p50)} / ${ms(n.perCommittee.p95)} / ${ms(n.perCommittee.max)}`, goal: '(info)', status: '' },
    { figure: `  largest: ${n.largest.code} (${int(n.largest.members)} members)`, value: ms(n.largest.ms), goal: '(info)', status: '' },
    {
      figure: `City assessment ${c.code} (${c.members} members), fresh / re-run p50, max`,
      value: `${ms(c.freshMs)} / ${ms(c.reruns.p50)}, ${ms(Math.max(c.freshMs, c.reruns.max))}`, goal: '< 0.5 s', status: mark(Math.max(c.freshMs, c.reruns.max) < 500),
    },
    {
      figure: 'Live standing, getMemberStanding() p50 / p95 / p99', value: `${ms(s.direct.p50)} / ${ms(s.direct.p95)} / ${ms(s.direct.p99)}`,
      goal: '< 20 ms', status: mark(s.direct.p95 < 20 && s.mismatches === 0),
    },
  ];
  if (s.http) {
    out.push({ figure: '  over HTTP (staff, GET …/members/:id/standing)', value: `${ms(s.http.p50)} / ${ms(s.http.p95)} / ${ms(s.http.p99)}`, goal: '< 20 ms', status: mark(s.http.p95 < 20) });
  }
  return out;
}

export function performanceNotes(p: PerformanceResult): string[] {
  const d = p.data;
  const b = p.baseline;
  return [
    `Performance: ${int(d.records)} duty records of ${d.year} (${Object.entries(d.byStatus).map(([k, v]) => `${k} ${int(v)}`).join(', ')}; ` +
      `${int(d.jointRecords)} name several members), ${int(d.recordMembers)} record–member rows; rule presets ${Object.entries(d.ruleSets).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    `  Baseline: one statement — the year's verified records ⋈ their members ⋈ each committee's per-kind points (from its rule set), ` +
      `points × half-days × joint share, GROUP BY member; ${int(b.members)} members with points; returns a count and a sum (no rows to the client); ` +
      `up to ${b.parallelWorkers} parallel workers. Assessment: runAssessment() per committee (as \`xieshang assess\`), ${p.national.concurrency} at a time, fresh runs, ` +
      `each in one transaction with its results, audit row and event; the snapshot is the run's as_of instant (records keep when they counted).`,
    `  Live standing: ${p.standing.direct.n} random members nationwide (direct), ${p.standing.http?.n ?? 0} over HTTP in ${p.standing.httpCommittees} committees; ` +
      `${p.standing.checked} live totals compared with the assessment just computed: ${p.standing.mismatches} differ.`,
  ];
}
