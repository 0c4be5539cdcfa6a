import fs from 'node:fs';
import type { DatasetInfo } from './dataset.js';
import type { Figure } from './figure.js';
import type { ImportResult } from './import.js';
import type { LatencyReport } from './search.js';
import { int, ms, secs, type Summary } from './stats.js';
import { performanceFigures, performanceNotes } from './performance-report.js';
import type { LoadResult } from './throughput.js';
import type { CpuShares } from './machine.js';
import type { Part } from './options.js';
import type { PerformanceResult } from './performance.js';
import { proposalsFigures, proposalsNotes } from './proposals-report.js';
import type { ProposalsResult } from './proposals.js';
import { socialInfoFigures, socialInfoNotes } from './social-info-report.js';
import { demandsFigures, type DemandsBenchResult } from './demands.js';
import { consultationFiguresTable, consultationNotes, type ConsultationBenchResult } from './consultation.js';
import type { SocialInfoBenchResult } from './social-info.js';
import { webFigures, webNotes, type WebBenchResult } from './web.js';
import { networkFigures, networkNotes, type NetworkBenchResult } from './network.js';
import type { SearchAllResult } from './search-all.js';
import { searchAllFigures } from './search-all-report.js';

/** The printed table of figures and goals, and bench/results.json. */

export interface Results {
  startedAt: string;
  finishedAt?: string;
  scale: { members: number; committees: number; importRows: number; fullScale: boolean; searchRequests: number; logins: number; loadSeconds: number; connections: number };
  environment: { node: string; cpus: number; memoryGB: number; database: string; server: string };
  dataset: DatasetInfo;
  searchCommittees?: { code: string; level: string; members: number }[];
  search?: { http: LatencyReport; direct: LatencyReport };
  login?: { summary: Summary; errors: number };
  import?: ImportResult;
  performance?: PerformanceResult;
  proposals?: ProposalsResult;
  socialInfo?: SocialInfoBenchResult;
  web?: WebBenchResult;
  network?: NetworkBenchResult;
  demands?: DemandsBenchResult;
  consultation?: ConsultationBenchResult;
  searchAll?: SearchAllResult;
  throughput?: {
    baseline: LoadResult; baselineRuns: LoadResult[]; token: LoadResult; cookie: LoadResult; ratioToken: number; ratioCookie: number;
    /** Reference routes (no goal): auth + framework without a query, one trivial query without auth. */
    references: LoadResult[];
    committee: string; committeeMembers: number;
  };
  /** Cores busy per part: the bench's processes and everything else on the machine. */
  cpu: Partial<Record<Part, CpuShares & { othersBefore: number }>>;
  figures: Figure[];
}

export type { Figure };

const mark = (ok: boolean): Figure['status'] => (ok ? 'PASS' : 'MISS');

export function figures(r: Results): Figure[] {
  const out: Figure[] = [];
  if (r.search) {
    const h = r.search.http;
    out.push({ figure: 'Member search p95, HTTP, all kinds', value: ms(h.overall.p95), goal: '< 50 ms', status: mark(h.overall.p95 < 50 && h.errors === 0) });
    for (const [kind, s] of Object.entries(h.byKind)) {
      out.push({ figure: `  ${kind} (p50 / p95 / p99)`, value: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`, goal: '< 50 ms', status: mark(s.p95 < 50) });
    }
    const d = r.search.direct.overall;
    out.push({ figure: 'listMembers() direct, p50 / p95 / p99', value: `${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.p99)}`, goal: '', status: '' });
  }
  if (r.login) {
    const s = r.login.summary;
    out.push({ figure: 'Login p50 / p95 / p99', value: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`, goal: '(none set)', status: r.login.errors ? 'MISS' : '' });
  }
  if (r.import) {
    const i = r.import;
    const label = `Member import, ${int(i.rows)} rows`;
    const busy = (c: CpuShares | null, who: (c: CpuShares) => number) => (c ? ` (${who(c).toFixed(1)} CPU-s)` : '');
    out.push({ figure: `${label}: parse .xlsx`, value: i.parseMs === null ? 'pending' : secs(i.parseMs) + busy(i.parseCpu, (c) => c.client * c.seconds), goal: '', status: '' });
    out.push({ figure: `${label}: import`, value: secs(i.importMs) + busy(i.importCpu, (c) => (c.client + c.postgres) * c.seconds), goal: '', status: '' });
    out.push({ figure: `${label}: total`, value: secs(i.totalMs), goal: '< 30 s', status: mark(i.totalMs < 30_000 && i.imported === i.rows) });
  }
  if (r.throughput) {
    const t = r.throughput;
    // The CPU-normalised ratio (CPU per response, baseline ÷ route) does not depend on how much of the machine others took.
    const norm = (l: LoadResult) => `${(t.baseline.cpuMsPerRequest / l.cpuMsPerRequest).toFixed(2)}× per CPU`;
    out.push({ figure: 'Bare Fastify route (baseline, mean of 2)', value: `${int(t.baseline.reqPerSec)} req/s`, goal: '1.00×', status: '' });
    out.push({ figure: 'GET /api/members, bearer API token', value: `${int(t.token.reqPerSec)} req/s = ${t.ratioToken.toFixed(2)}× (${norm(t.token)})`, goal: '≥ 0.5×', status: mark(t.ratioToken >= 0.5 && !t.token.non2xx) });
    out.push({ figure: 'GET /api/members, session cookie', value: `${int(t.cookie.reqPerSec)} req/s = ${t.ratioCookie.toFixed(2)}× (${norm(t.cookie)})`, goal: '≥ 0.5×', status: mark(t.ratioCookie >= 0.5 && !t.cookie.non2xx) });
    for (const ref of t.references) {
      out.push({ figure: `  reference: ${ref.name}`, value: `${int(ref.reqPerSec)} req/s = ${(ref.reqPerSec / t.baseline.reqPerSec).toFixed(2)}× (${norm(ref)})`, goal: '(info)', status: '' });
    }
  }
  if (r.performance) out.push(...performanceFigures(r.performance));
  if (r.proposals) out.push(...proposalsFigures(r.proposals));
  if (r.socialInfo) out.push(...socialInfoFigures(r.socialInfo));
  if (r.web) out.push(...webFigures(r.web));
  if (r.network) out.push(...networkFigures(r.network));
  if (r.demands) out.push(...demandsFigures(r.demands));
  if (r.consultation) out.push(...consultationFiguresTable(r.consultation));
  if (r.searchAll) out.push(...searchAllFigures(r.searchAll));
  return out;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ').trimEnd()).join('\n');
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function print(r: Results) {
  const s = r.scale;
  const d = r.dataset;
  const lines: string[] = [];
  lines.push('');
  lines.push(`协商 Xieshang bench — ${s.fullScale ? 'FULL scale (the issue\'s figures)' : 'REDUCED scale (not the issue\'s figures)'}`);
  lines.push(`  data set : ${int(d.members)} members in ${int(d.committees)} committees (${d.viaCommands} through the commands, ${d.viaBulk} bulk SQL); ` +
    (d.reused ? `reused, generated ${d.generatedAt} in ${d.generationSeconds} s` : `generated in this run in ${d.generationSeconds} s`));
  lines.push(`  runs     : ${s.searchRequests} searches, ${s.logins} logins, ${int(s.importRows)}-row import, ${s.loadSeconds} s × ${s.connections} connections per load run`);
  lines.push(`  machine  : ${r.environment.cpus} cores, ${r.environment.memoryGB} GB, node ${r.environment.node}; database: ${r.environment.database}`);
  lines.push(`  server   : ${r.environment.server}`);
  if (r.searchCommittees) {
    lines.push(`  searched : ${r.searchCommittees.map((c) => `${c.code} (${c.level}, ${c.members})`).join(', ')}`);
  }
  lines.push('');
  const rows = [['Figure', 'Value', 'Goal', ''], ...r.figures.map((f) => [f.figure, f.value, f.goal, f.status])];
  lines.push(table(rows));
  if (r.throughput) {
    lines.push('');
    const t = r.throughput;
    lines.push(`Load runs (autocannon; list route as the staff of ${t.committee}, ${t.committeeMembers} members, page 1 of 20):`);
    lines.push('  req/s, latency p50 / p99, bytes per response, CPU ms per response (bench processes), cores busy: server child / autocannon / postgres / other processes');
    for (const l of [t.baselineRuns[0], t.token, t.cookie, ...t.references, t.baselineRuns[1]]) {
      const c = l.cores;
      lines.push(`  ${l.name.padEnd(24)} ${int(l.reqPerSec).padStart(7)} req/s  ${l.latencyP50} / ${l.latencyP99} ms  ${int(l.bytesPerResponse)} B  ${l.cpuMsPerRequest.toFixed(3)} ms  ` +
        `cores ${c.server} / ${c.client} / ${c.postgres} / ${c.others}${l.non2xx || l.errors ? `  (${l.non2xx} non-2xx, ${l.errors} errors)` : ''}`);
    }
  }
  if (r.search) {
    lines.push('');
    lines.push(`Mean matches per search kind: ${Object.entries(r.search.http.meanTotal).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  const parts = Object.entries(r.cpu);
  if (parts.length) {
    lines.push('Cores busy per part (bench parent / server child / postgres / OTHER processes on the machine):');
    for (const [name, c] of parts) {
      lines.push(`  ${name.padEnd(11)} ${c.client} / ${c.server} / ${c.postgres} / ${c.others}  over ${c.seconds} s` +
        (c.others >= 0.25 ? '  ← other work on the machine skews this part' : ''));
    }
  }
  if (r.import) {
    const c = r.import.importCpu;
    lines.push(`Import cores busy (bench / postgres / others): parse ${r.import.parseCpu ? `${r.import.parseCpu.client} / ${r.import.parseCpu.postgres} / ${r.import.parseCpu.others}` : '—'}; ` +
      `import ${c.client} / ${c.postgres} / ${c.others}. CPU-s = CPU time of the bench process (+ PostgreSQL for the import): the work itself, whatever else runs on the machine.`);
  }
  if (r.performance) lines.push(...performanceNotes(r.performance));
  if (r.proposals) lines.push(...proposalsNotes(r.proposals));
  if (r.socialInfo) lines.push(...socialInfoNotes(r.socialInfo));
  if (r.web) lines.push(...webNotes(r.web));
  if (r.network) lines.push(...networkNotes(r.network));
  if (r.consultation) lines.push(...consultationNotes(r.consultation));
  if (r.import) lines.push(`Import: ${r.import.note}${r.import.fileBytes ? `; file ${(r.import.fileBytes / 1e6).toFixed(1)} MB` : ''}`);
  lines.push('');
  process.stdout.write(lines.join('\n') + '\n');
}

export function writeJson(file: string, r: Results) {
  fs.writeFileSync(file, JSON.stringify(r, null, 2) + '\n');
}
