import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/database.js';
import { committeeScope } from '../src/platform/scope.js';
import { issueChallenge, portalOf, solveChallenge } from '../src/modules/demands/commands/portal.js';
import { demandFigures } from '../src/modules/demands/queries/figures.js';
import { startServerChild } from './child.js';
import { request as httpRequest } from './http.js';
import type { Figure } from './figure.js';
import type { CpuMeter } from './machine.js';
import { log, ms, int, secs, summarize, type Summary } from './stats.js';
import { load, type LoadResult } from './throughput.js';

/**
 * 群众诉求 at a province's scale: BENCH_DEMANDS demands (2,000,000 at 3,000 committees) generated
 * by SQL over every committee; then
 * - the public submission (POST /api/public/<code>/demands over 50 county committees: challenge check, kind check, insert
 *   with its audit and event rows, one transaction) under autocannon against the bare Fastify
 *   route of the same server child, in the same run (bare, submit, bare). Each request carries its
 *   own challenge, issued and solved beforehand: the server's check costs one HMAC and one SHA-256
 *   whatever the difficulty, so the bench committees ask 8 bits to keep the solving short;
 * - the province's demand figures (demandFigures, scope=tree) against a plain
 *   `select state, count(*) … group by state` over the same committees.
 */
export interface DemandsBenchResult {
  demands: number; generationSeconds: number; reused: boolean;
  province: { code: string; committees: number; demands: number };
  figures: Summary; plainGroupBy: Summary; figuresRatio: number;
  bare: LoadResult[]; submit: LoadResult & { created: number }; submitRatio: number;
}

const KINDS = ['基础设施', '教育医疗', '社会保障', '产业发展', '生态环境', '矛盾纠纷', '其他'];

async function ensureDemands(database: Database, n: number): Promise<{ demands: number; generationSeconds: number; reused: boolean }> {
  const db = database.db;
  const { rows: [have] } = await db.execute<{ n: number }>(sql`select count(*)::int as n from demands where tracking_code like 'BENCH%'`);
  if (have.n >= n) return { demands: have.n, generationSeconds: 0, reused: true };
  const started = performance.now();
  await db.execute(sql`delete from demands where tracking_code like 'BENCH%'`);
  log(`demands: generating ${int(n)} demands by SQL …`);
  // One statement per million rows; committees in a fixed order, states by the row number.
  const kinds = `{${KINDS.map((k) => `"${k}"`).join(',')}}`;
  for (let from = 1; from <= n; from += 1_000_000) {
    const to = Math.min(n, from + 999_999);
    await db.execute(sql`
      with c as (select array_agg(id order by id) as ids from committees),
      g as (select i, (c.ids)[1 + i % array_length(c.ids, 1)] as committee_id, now() - make_interval(days => (i % 365), hours => (i % 24)) as created
            from generate_series(${from}::int, ${to}::int) i, c)
      insert into demands (committee_id, tracking_code, channel, kind, matter, details, place_text, tokens, state, created_at, updated_at,
        answered_at, closed_at, rating)
      select committee_id, 'BENCH' || i, (array['reception','field','phone','online'])[1 + i % 4], (${kinds}::text[])[1 + i % 7],
        '村道损坏需要硬化' || (i % 97), '', '', array['村道', '硬化'],
        (array['received','referred','member_handling','answered','converted','declined','closed','closed','answered','closed'])[1 + i % 10],
        created, created,
        case when i % 10 in (3, 6, 7, 8, 9) then created + make_interval(days => i % 21, hours => i % 7) end,
        case when i % 10 in (6, 7, 9) then created + make_interval(days => i % 21 + 1) end,
        case when i % 10 = 6 then 1 + i % 5 end
      from g`);
    log(`demands: ${int(to)} / ${int(n)}`);
  }
  await db.execute(sql`analyze demands`);
  return { demands: n, generationSeconds: Math.round((performance.now() - started) / 1000), reused: false };
}

async function timedRuns(n: number, fn: () => Promise<unknown>): Promise<Summary> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

export async function demandsBench(database: Database, o: { demands: number; duration: number; connections: number; meter: CpuMeter; figureRuns?: number }): Promise<DemandsBenchResult> {
  const db = database.db;
  const data = await ensureDemands(database, o.demands);

  // The province with the most committees below it.
  const { rows: [prov] } = await db.execute<{ id: string; code: string }>(sql`select id, code from committees where level = 'province' order by
    (select count(*) from committees k where k.parent_id = committees.id) desc, code limit 1`);
  const scope = await committeeScope(db, prov.id, 'tree');
  const ids = `{${scope.committeeIds.join(',')}}`;
  const { rows: [cnt] } = await db.execute<{ n: number }>(sql`select count(*)::int as n from demands where committee_id = any(${ids}::uuid[])`);
  log(`demands: the figures of ${prov.code} (${scope.committeeIds.length} committees, ${int(cnt.n)} demands) vs a plain group by …`);
  const runs = o.figureRuns ?? 20;
  const plain = await timedRuns(runs, () => db.execute(sql`select state, count(*) from demands where committee_id = any(${ids}::uuid[]) group by state`));
  const figures = await timedRuns(runs, () => demandFigures(db, scope));

  // Throughput: the bare route, the public submission, the bare route again. A province's traffic
  // comes to many committees' pages; a committee's writes queue on its audit chain (one advisory
  // lock per committee), so the load is spread over 50 county committees' pages.
  const { rows: counties } = await db.execute<{ id: string; code: string }>(sql`select id, code from committees where level = 'county' order by code limit 50`);
  const ids50 = `{${counties.map((c) => c.id).join(',')}}`;
  await db.execute(sql`update committees set settings = jsonb_set(settings, '{demands}', coalesce(settings -> 'demands', '{}'::jsonb) || '{"powBits": 8}'::jsonb, true) where id = any(${ids50}::uuid[])`);
  const portals = await Promise.all(counties.map((c) => portalOf(db, c.code)));
  const expected = 1000 * (o.duration + 2) * 2;
  log(`demands: issuing and solving ${int(expected)} challenges for ${counties.length} committees …`);
  const bodies: { path: string; body: string }[] = [];
  for (let i = 0; i < expected; i++) {
    const k = i % portals.length;
    const c = await issueChallenge(db, portals[k]);
    bodies.push({
      path: `/api/public/${counties[k].code}/demands`,
      body: JSON.stringify({ challenge: c.challenge, solution: solveChallenge(c.challenge, c.bits), kind: '基础设施', matter: `村道损坏需要硬化 ${i}`, details: '雨天泥泞', personPhone: '13800001234' }),
    });
  }
  const child = await startServerChild(database.url);
  o.meter.setServer(child.pid);
  try {
    await child.setBarePayload({ trackingCode: 'ABCDEFGHJKMN' });
    // One submission first: the route answers 201 with a tracking code, or the run stops here.
    const first = bodies.pop()!;
    const sample = await httpRequest(child.appPort, 'POST', first.path, { json: JSON.parse(first.body) });
    if (sample.status !== 201) throw new Error(`bench: a public submission → ${sample.status} ${sample.body.slice(0, 300)}`);
    const common = { duration: o.duration, connections: o.connections, meter: o.meter };
    const bareUrl = `http://127.0.0.1:${child.barePort}/bare`;
    const bare1 = await load('bare Fastify /bare (1)', bareUrl, common);
    let next = 0;
    const countOnline = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from demands
      where committee_id = any(${ids50}::uuid[]) and channel = 'online' and tracking_code not like 'BENCH%'`)).rows[0].n;
    const before = await countOnline();
    const request = (): autocannon.Request[] => [{ method: 'POST', path: bodies[0].path, headers: { 'content-type': 'application/json' },
      setupRequest: (req) => { const b = bodies[next++ % bodies.length]; return { ...req, path: b.path, body: b.body }; } }];
    // Warm-up (JIT, pools): not counted.
    await autocannon({ url: `http://127.0.0.1:${child.appPort}`, connections: o.connections, duration: 2, requests: request() });
    const started = performance.now();
    const { value: r, cpu } = await o.meter.measure(() => autocannon({
      url: `http://127.0.0.1:${child.appPort}`, connections: o.connections, duration: o.duration,
      requests: request(),
    }));
    const seconds = (performance.now() - started) / 1000;
    const after = await countOnline();
    const bare2 = await load('bare Fastify /bare (2)', bareUrl, common);
    const created = after - before;
    const submit: DemandsBenchResult['submit'] = {
      name: 'POST /api/public/:code/demands', url: `/api/public/<${counties.length} county codes>/demands`, reqPerSec: Math.round(r.requests.average),
      latencyP50: r.latency.p50, latencyP99: r.latency.p99, non2xx: r.non2xx, errors: r.errors,
      bytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0, cores: cpu,
      cpuMsPerRequest: r.requests.average ? Math.round(((cpu.server + cpu.client + cpu.postgres) / r.requests.average) * 1e6) / 1000 : NaN,
      created: Math.round(created / seconds),
    };
    const bareMean = (bare1.reqPerSec + bare2.reqPerSec) / 2;
    return {
      ...data, province: { code: prov.code, committees: scope.committeeIds.length, demands: cnt.n },
      figures, plainGroupBy: plain, figuresRatio: figures.p50 / plain.p50,
      bare: [bare1, bare2], submit, submitRatio: submit.created / bareMean,
    };
  } finally {
    o.meter.setServer(undefined);
    await child.stop();
  }
}

const mark = (ok: boolean): Figure['status'] => (ok ? 'PASS' : 'MISS');

export function demandsFigures(r: DemandsBenchResult): Figure[] {
  const bare = Math.round((r.bare[0].reqPerSec + r.bare[1].reqPerSec) / 2);
  return [
    { figure: `群众诉求: ${int(r.demands)} demands stored${r.demands >= 2_000_000 ? '' : ' (reduced)'}, generation`, value: r.reused ? 'reused' : secs(r.generationSeconds * 1000), goal: '', status: '' },
    {
      figure: `Public submission: demands created per second (${r.submit.non2xx} non-2xx) vs bare Fastify`,
      value: `${int(r.submit.created)}/s vs ${int(bare)}/s = ${r.submitRatio.toFixed(2)}× (p50 ${r.submit.latencyP50} ms, p99 ${r.submit.latencyP99} ms)`,
      goal: '≥ 0.3×', status: mark(r.submitRatio >= 0.3),
    },
    {
      figure: `Province figures (${r.province.code}: ${r.province.committees} committees, ${int(r.province.demands)} demands) p50 / p95`,
      value: `${ms(r.figures.p50)} / ${ms(r.figures.p95)}; plain group by ${ms(r.plainGroupBy.p50)} / ${ms(r.plainGroupBy.p95)} = ${r.figuresRatio.toFixed(2)}×`,
      goal: '≤ 2× (p50)', status: mark(r.figuresRatio <= 2),
    },
  ];
}
