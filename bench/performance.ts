import { sql } from 'drizzle-orm';
import type { Database, Db } from '../src/platform/db/database.js';
import { getMemberStanding, runAssessment, type Caller } from '../src/modules/performance/index.js';
import { startServerChild } from './child.js';
import { BENCH_PASSWORD, ensureStaffUsers, sampleCommittees } from './fixtures.js';
import { login, request } from './http.js';
import type { BenchOptions } from './options.js';
import { ensurePerformanceData, type PerformanceDataInfo } from './performance-data.js';
import { log, now, prng, summarize, type Summary } from './stats.js';

/**
 * Duty performance (issue 3): on the data set's members and `perfRecords` duty records —
 *  - the raw baseline: ONE SQL statement over the same rows the assessment reads (the year's
 *    verified records joined with the members they credit and each committee's per-kind points
 *    from its rule set), GROUP BY member: points = points per unit × (half-days | 1) × joint
 *    share; it returns only a count and a sum, so no rows travel to the client. A second
 *    variant also caps each kind per member (group by member and kind, then by member); the
 *    national run is checked against the faster of the two;
 *  - the national assessment: runAssessment() — what `xieshang assess` runs — for every
 *    committee, `perfConcurrency` committees at a time, as fresh runs (earlier bench runs of the
 *    year are deleted first); its time against the baseline (goal ≤ 2×);
 *  - one city committee (the city committee whose size is closest to 500 members): a fresh run
 *    and re-runs of the draft (goal < 0.5 s);
 *  - a member's live standing: getMemberStanding() (the standing routes' function) for random
 *    members across the country, and GET /api/performance/members/:id/standing over HTTP as
 *    committee staff (goal p95 < 20 ms).
 */
export interface PerformanceResult {
  data: PerformanceDataInfo;
  activeMembers: number;
  baseline: { ms: number[]; meanMs: number; members: number; points: number; cappedMs: number; cappedMembers: number; cappedPoints: number; parallelWorkers: number };
  national: { ms: number; committees: number; members: number; concurrency: number; ratio: number; perCommittee: Summary; largest: { code: string; members: number; ms: number } };
  city: { code: string; level: string; members: number; freshMs: number; reruns: Summary };
  standing: { direct: Summary; http: Summary | null; httpCommittees: number; checked: number; mismatches: number };
}

const actor = { userId: null, label: 'bench:assess' };
const callerOf = (committeeId: string): Caller => ({ committeeId, actor, grants: [], admin: true });

const BASELINE_POINTS = (year: number) => sql`
  with pts as (
    select rs.committee_id, it->>'kind' as kind, (it->>'points')::float8 as points, it->>'per' = 'half_day' as half_day,
           coalesce((it->>'joint')::boolean, false) as joint, (it->>'cap')::float8 as cap,
           coalesce((rs.rules->'jointSplit'->>'firstShare')::float8, 0.5) as first_share
    from perf_rule_sets rs cross join lateral jsonb_array_elements(rs.rules->'items') it
    where rs.year = ${year}
  )
  select rm.member_id, r.kind, p.cap,
         p.points * (case when p.half_day then r.units else 1 end)
           * (case when p.joint and r.member_count > 1 then (case rm.role when 'first' then p.first_share else (1 - p.first_share) / (r.member_count - 1) end) else 1 end) as points
  from perf_record_members rm
  join perf_duty_records r on r.committee_id = rm.committee_id and r.id = rm.record_id
  join pts p on p.committee_id = r.committee_id and p.kind = r.kind
  where rm.year = ${year} and r.year = ${year} and r.status = 'verified'`;

async function baselineOnce(db: Db, year: number) {
  const t = now();
  const { rows } = await db.execute<{ members: number; points: number }>(sql`
    select count(*)::int as members, coalesce(sum(points), 0)::float8 as points
    from (select member_id, sum(points) as points from (${BASELINE_POINTS(year)}) x group by member_id) per_member`);
  return { ms: now() - t, ...rows[0] };
}

async function baselineCapped(db: Db, year: number) {
  const t = now();
  // It returns the sum of the capped points, not only the count: with count(*) alone PostgreSQL
  // drops the points from the plan (EXPLAIN VERBOSE: "Output: x.member_id, NULL::double precision")
  // and the statement computed no points at all — which is why it once ran in 32 s against the
  // plain statement's 55–83 s at 20M records.
  const { rows } = await db.execute<{ members: number; points: number }>(sql`
    select count(*)::int as members, coalesce(sum(points), 0)::float8 as points from (
      select member_id, sum(kind_points) as points from (
        select member_id, kind, least(sum(points), coalesce(max(cap), 'infinity'::float8)) as kind_points
        from (${BASELINE_POINTS(year)}) x group by member_id, kind) per_kind
      group by member_id) per_member`);
  return { ms: now() - t, ...rows[0] };
}

async function clearAssessments(db: Db, year: number, committeeId?: string) {
  const c = committeeId ? sql`and committee_id = ${committeeId}` : sql``;
  await db.execute(sql`delete from perf_assessment_results where assessment_id in (select id from perf_assessments where year = ${year} ${c})`);
  await db.execute(sql`delete from perf_assessments where year = ${year} ${c}`);
}

async function runFor(db: Db, committeeId: string, year: number): Promise<{ ms: number; members: number }> {
  const t = now();
  const r = await runAssessment(db, callerOf(committeeId), { year });
  return { ms: now() - t, members: r.summary.members };
}

/** BENCH_PERF_GENERATE_ONLY=1: make (or check) the data and stop — to prepare a cluster folder for a later run. */
export async function performanceBench(database: Database, o: BenchOptions): Promise<PerformanceResult | undefined> {
  const db = database.db;
  const data = await ensurePerformanceData(database, o.perfRecords);
  log(`performance: ${data.records.toLocaleString('en-US')} duty records, ${data.recordMembers.toLocaleString('en-US')} record members (${data.reused ? 'reused' : `generated in ${data.generationSeconds} s`})`);
  if (process.env.BENCH_PERF_GENERATE_ONLY === '1') return undefined;
  const year = data.year;
  const { rows: committees } = await db.execute<{ id: string; code: string; level: string; members: number }>(sql`
    select c.id, c.code, c.level, count(m.id)::int as members from committees c
    join members m on m.committee_id = c.id and m.status = 'active'
    join perf_rule_sets rs on rs.committee_id = c.id and rs.year = ${year}
    group by c.id order by c.code`);
  const activeMembers = committees.reduce((s, c) => s + c.members, 0);

  // Baseline: measured before and after the national assessment (the mean is the reference).
  const { rows: plan } = await db.execute<{ workers: number }>(sql`select current_setting('max_parallel_workers_per_gather')::int as workers`);
  log('performance: raw GROUP BY baseline …');
  const b1 = await baselineOnce(db, year);
  log(`performance: baseline ${(b1.ms / 1000).toFixed(1)} s (${b1.members} members); national assessment of ${committees.length} committees, ${o.perfConcurrency} at a time …`);

  await clearAssessments(db, year);
  const perCommittee: number[] = [];
  let largest = { code: '', members: -1, ms: 0 };
  let assessed = 0;
  let next = 0;
  let doneCount = 0;
  const t0 = now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= committees.length) return;
      const c = committees[i];
      const r = await runFor(db, c.id, year);
      perCommittee.push(r.ms);
      assessed += r.members;
      if (c.members > largest.members) largest = { code: c.code, members: c.members, ms: r.ms };
      if (++doneCount % Math.max(1, Math.round(committees.length / 10)) === 0) {
        log(`  performance: ${doneCount}/${committees.length} committees assessed (${((now() - t0) / 1000).toFixed(0)} s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: o.perfConcurrency }, worker));
  const nationalMs = now() - t0;
  const b2 = await baselineOnce(db, year);
  const baselineMean = (b1.ms + b2.ms) / 2;
  const capped = await baselineCapped(db, year);
  log(`performance: national ${(nationalMs / 1000).toFixed(1)} s = ${(nationalMs / baselineMean).toFixed(2)}× the baseline (${(b2.ms / 1000).toFixed(1)} s again)`);

  // One city committee: the city-level committee closest to 500 members.
  const city = [...committees].filter((c) => c.level === 'city').sort((a, b) => Math.abs(a.members - 500) - Math.abs(b.members - 500))[0]
    ?? [...committees].sort((a, b) => Math.abs(a.members - 500) - Math.abs(b.members - 500))[0];
  await clearAssessments(db, year, city.id);
  const fresh = await runFor(db, city.id, year);
  const reruns: number[] = [];
  for (let i = 0; i < 5; i++) reruns.push((await runFor(db, city.id, year)).ms);
  log(`performance: city ${city.code} (${city.members} members): fresh ${fresh.ms.toFixed(0)} ms, re-runs ${reruns.map((x) => x.toFixed(0)).join(' / ')} ms`);

  // Live standing: random active members across the country, straight through getMemberStanding().
  const rand = prng(o.seed + 3);
  const { rows: sample } = await db.execute<{ committeeId: string; memberId: string }>(sql`
    select committee_id as "committeeId", id as "memberId" from members tablesample bernoulli (${Math.min(100, (o.perfStandings * 300) / Math.max(1, activeMembers))})
    repeatable (${o.seed}) where status = 'active' limit ${o.perfStandings}`);
  for (const s of sample.slice(0, 30)) await getMemberStanding(db, s.committeeId, s.memberId, year);
  const direct: number[] = [];
  let checked = 0;
  let mismatches = 0;
  const published = new Map<string, number>();
  {
    const { rows } = await db.execute<{ memberId: string; points: number }>(sql`
      select r.member_id as "memberId", r.points from perf_assessment_results r join perf_assessments a on a.id = r.assessment_id and a.committee_id = r.committee_id
      where a.year = ${year} and r.member_id in (select jsonb_array_elements_text(${JSON.stringify(sample.map((s) => s.memberId))}::jsonb)::uuid)`);
    for (const r of rows) published.set(r.memberId, r.points);
  }
  for (const s of sample) {
    const t = now();
    const st = await getMemberStanding(db, s.committeeId, s.memberId, year);
    direct.push(now() - t);
    // The live standing and the assessment just computed read the same records: their totals must agree.
    const p = published.get(s.memberId);
    if (p !== undefined) {
      checked++;
      if (Math.abs(p - st.total) > 1e-6) mismatches++;
    }
  }
  log(`performance: standing direct p95 ${summarize(direct).p95.toFixed(1)} ms; ${checked} checked against the assessment, ${mismatches} differ`);

  // Over HTTP, as the staff of the bench's sampled committees.
  let http: Summary | null = null;
  const picked = await sampleCommittees(db, o.seed);
  const users = await ensureStaffUsers(db, picked);
  const child = await startServerChild(database.url);
  try {
    const cookies = new Map<string, string>();
    for (const u of users) cookies.set(u.committee.id, (await login(child.appPort, u.username, BENCH_PASSWORD)).cookie);
    const ids = users.map((u) => u.committee.id);
    const { rows: members } = await db.execute<{ committeeId: string; memberId: string }>(sql`
      select committee_id as "committeeId", id as "memberId" from members
      where status = 'active' and committee_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`);
    const cases = Array.from({ length: o.perfStandings }, () => rand.pick(members));
    const send = (c: { committeeId: string; memberId: string }) => request(child.appPort, 'GET', `/api/performance/members/${c.memberId}/standing?year=${year}`, {
      headers: { cookie: cookies.get(c.committeeId)!, 'x-committee-id': c.committeeId },
    });
    for (const c of cases.slice(0, 30)) await send(c);
    const samples: number[] = [];
    for (const c of cases) {
      const t = now();
      const res = await send(c);
      const ms = now() - t;
      if (res.status !== 200) throw new Error(`bench: standing over HTTP → ${res.status} ${res.body.slice(0, 200)}`);
      samples.push(ms);
    }
    http = summarize(samples);
    log(`performance: standing over HTTP p95 ${http.p95.toFixed(1)} ms`);
  } finally {
    await child.stop();
  }

  const pc = summarize(perCommittee);
  return {
    data,
    activeMembers,
    baseline: { ms: [b1.ms, b2.ms], meanMs: baselineMean, members: b1.members, points: b1.points, cappedMs: capped.ms, cappedMembers: capped.members, cappedPoints: capped.points, parallelWorkers: plan[0].workers },
    national: { ms: nationalMs, committees: committees.length, members: assessed, concurrency: o.perfConcurrency, ratio: nationalMs / baselineMean, perCommittee: pc, largest },
    city: { code: city.code, level: city.level, members: city.members, freshMs: fresh.ms, reruns: summarize(reruns) },
    standing: { direct: summarize(direct), http, httpCommittees: users.length, checked, mismatches },
  };
}
