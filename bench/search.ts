import type { Db } from '../src/platform/db/database.js';
import { memberListQuery } from '../src/modules/org/contracts.js';
import { listMembers } from '../src/modules/org/members/member.repository.js';
import { SEARCH_KINDS, type SearchCase } from './fixtures.js';
import { queryString, request } from './http.js';
import { now, summarize, type Summary } from './stats.js';

/** Member search: GET /api/members over HTTP (auth + tenancy + query + JSON), and listMembers() alone. */

export interface LatencyReport {
  overall: Summary;
  byKind: Record<string, Summary>;
  errors: number;
  /** Mean rows matched (the list's total) per kind, to show how broad the searches were. */
  meanTotal: Record<string, number>;
}

function report(samples: { kind: string; ms: number; total: number }[], errors: number): LatencyReport {
  const byKind: Record<string, Summary> = {};
  const meanTotal: Record<string, number> = {};
  for (const kind of SEARCH_KINDS) {
    const of = samples.filter((s) => s.kind === kind);
    byKind[kind] = summarize(of.map((s) => s.ms));
    meanTotal[kind] = Math.round(of.reduce((a, s) => a + s.total, 0) / (of.length || 1));
  }
  return { overall: summarize(samples.map((s) => s.ms)), byKind, errors, meanTotal };
}

const WARMUP = 30;

/** Sequential requests, each as the staff user of its committee (session cookie). */
export async function searchOverHttp(port: number, cases: SearchCase[], cookies: Map<string, string>): Promise<LatencyReport> {
  const send = (c: SearchCase) =>
    request(port, 'GET', `/api/members?${queryString(c.query)}`, {
      headers: { cookie: cookies.get(c.user.username)!, 'x-committee-id': c.user.committee.id },
    });
  for (const c of cases.slice(0, WARMUP)) await send(c);
  const samples: { kind: string; ms: number; total: number }[] = [];
  let errors = 0;
  for (const c of cases) {
    const t = now();
    const res = await send(c);
    const ms = now() - t;
    if (res.status !== 200) {
      errors++;
      if (errors <= 3) process.stderr.write(`search ${c.kind} ${JSON.stringify(c.query)} → ${res.status} ${res.body.slice(0, 200)}\n`);
      continue;
    }
    samples.push({ kind: c.kind, ms, total: (JSON.parse(res.body) as { total: number }).total });
  }
  return report(samples, errors);
}

/** The same requests straight to listMembers() on a pool (no HTTP, no auth). */
export async function searchDirect(db: Db, cases: SearchCase[]): Promise<LatencyReport> {
  const run = (c: SearchCase) => listMembers(db, c.user.committee.id, memberListQuery.parse(c.query));
  for (const c of cases.slice(0, WARMUP)) await run(c);
  const samples: { kind: string; ms: number; total: number }[] = [];
  for (const c of cases) {
    const t = now();
    const res = await run(c);
    samples.push({ kind: c.kind, ms: now() - t, total: res.total });
  }
  return report(samples, 0);
}

/** Sequential logins (argon2id verify + session + audit row), rotating over the staff users. */
export async function loginLatency(port: number, usernames: string[], password: string, n: number): Promise<{ summary: Summary; errors: number }> {
  const once = (u: string) => request(port, 'POST', '/api/auth/login', { json: { username: u, password } });
  for (let i = 0; i < Math.min(10, n); i++) await once(usernames[i % usernames.length]);
  const samples: number[] = [];
  let errors = 0;
  for (let i = 0; i < n; i++) {
    const t = now();
    const res = await once(usernames[i % usernames.length]);
    const ms = now() - t;
    if (res.status !== 200) {
      errors++;
      if (errors <= 3) process.stderr.write(`login → ${res.status} ${res.body.slice(0, 200)}\n`);
      continue;
    }
    samples.push(ms);
  }
  return { summary: summarize(samples), errors };
}
