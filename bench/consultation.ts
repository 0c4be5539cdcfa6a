import { sql } from 'drizzle-orm';
import type { Database, Db } from '../src/platform/db/database.js';
import { committeeScope, type CommitteeScope } from '../src/platform/scope.js';
import { consultationFigures } from '../src/modules/consultation/index.js';
import { DEFAULT_FORMS } from '../src/modules/consultation/domain/settings.js';
import { reuseOrGenerate } from './dataset.js';
import type { Figure } from './figure.js';
import { int, log, ms, now, secs, summarize, type Summary } from './stats.js';

/**
 * 协商议政 at a province's scale: over every committee of the data set, five years (2022–2026) of
 * issued plans, `meetings` meetings in every state, 10 invitations per meeting (the 1.5M
 * attendance-sized rows: consultation_invitations — attendance itself is performance's
 * perf_attendance and is not generated here), two speeches per held meeting, one outcome document
 * per held meeting with ~`recommendations` recommendations in all, results and 批示 — all
 * written by SQL (generate_series), made once and reused (bench_dataset key 'consultation').
 *
 * Measured: the year's figures (consultationFigures, what GET /api/figures/consultation/
 * consultation runs) for one city (scope tree: the city and its counties) and for the province
 * with the most committees, against a plain GROUP BY over the same rows in the same run (meetings
 * by form; recommendations by result joined to their documents).
 */
export interface ConsultationDataInfo {
  committees: number; meetings: number; invitations: number; speeches: number; outcomes: number; recommendations: number; instructions: number;
  generationSeconds: number; generatedAt: string;
}
export interface ConsultationTimed { summary: Summary; baseline: Summary; ratio: number; committees: number }
export interface ConsultationBenchResult {
  data: ConsultationDataInfo & { reused: boolean };
  city: ConsultationTimed & { code: string };
  province: ConsultationTimed & { code: string };
  figures: { city: unknown; province: unknown };
}

const KEY = 'consultation';
const YEAR = 2026;

async function generate(db: Db, meetings: number): Promise<Omit<ConsultationDataInfo, 'reused'>> {
  const t0 = now();
  const step = (what: string) => log(`consultation: ${what} (${((now() - t0) / 1000).toFixed(1)} s)`);
  await db.execute(sql`truncate consultation_recommendations, consultation_instructions, consultation_referrals, consultation_outcomes,
    consultation_outcome_counters, consultation_speeches, consultation_invitations, consultation_meetings, consultation_experts,
    consultation_plan_history, consultation_topics, consultation_plan_items, consultation_plans cascade`);
  const { rows: [{ n: committees }] } = await db.execute<{ n: number }>(sql`select count(*)::int as n from committees`);
  const perPlan = Math.max(1, Math.round(meetings / (committees * 5)));
  const forms = JSON.stringify(DEFAULT_FORMS.slice(0, 8));
  await db.execute(sql`insert into consultation_plans (committee_id, year, version, state, issued_on)
    select c.id, y, 1, 'issued', make_date(y, 1, 25) from committees c, generate_series(2022, 2026) y`);
  await db.execute(sql`insert into consultation_plan_items (committee_id, plan_id, title, form, lead, month, sort)
    select p.committee_id, p.id, '协商议题' || i, (${forms}::jsonb ->> (i % 8)), '经济委员会', 1 + (i % 12), i
    from consultation_plans p, generate_series(1, ${perPlan}) i`);
  step('plans and items');
  // One meeting per item; of the past years' meetings 85 % closed, 5 % held, 10 % cancelled; this year's spread over every state.
  await db.execute(sql`insert into consultation_meetings (committee_id, plan_item_id, year, title, form, place, starts_at, state,
      notice_due, materials_due, minutes_due, notified_at, held_at, closed_at, minutes_text, minutes_at)
    select i.committee_id, i.id, p.year, i.title, i.form, '会议室', s.at,
      st.state, (s.at - interval '21 days')::date, (s.at - interval '14 days')::date, (s.at + interval '9 days')::date,
      case when st.state <> 'preparing' then s.at - interval '21 days' end, case when st.state in ('held', 'closed') then s.at end,
      case when st.state = 'closed' then s.at + interval '5 days' end, case when st.state = 'closed' then '纪要' end,
      case when st.state = 'closed' then s.at + interval '5 days' end
    from consultation_plan_items i join consultation_plans p on p.id = i.plan_id
    cross join lateral (select make_timestamptz(p.year, i.month, 15, 9, 0, 0, 'Asia/Shanghai') as at, abs(hashtext(i.id::text)) % 100 as h) s
    cross join lateral (select case when p.year < ${YEAR} then (case when s.h < 85 then 'closed' when s.h < 90 then 'held' else 'cancelled' end)
      else (case when s.h < 40 then 'closed' when s.h < 60 then 'held' when s.h < 75 then 'notified' when s.h < 92 then 'preparing' else 'cancelled' end) end as state) st`);
  step('meetings');
  await db.execute(sql.raw(`drop table if exists bench_cs_member;
    create unlogged table bench_cs_member as select committee_id, id, (row_number() over (partition by committee_id order by id))::int - 1 as rn,
      (count(*) over (partition by committee_id))::int as n from members;
    create index on bench_cs_member (committee_id, rn);
    drop table if exists bench_cs_meeting;
    create unlogged table bench_cs_meeting as select committee_id, id, state, (row_number() over (partition by committee_id order by id))::int as k from consultation_meetings;`));
  await db.execute(sql`insert into consultation_invitations (committee_id, meeting_id, member_id, reply)
    select m.committee_id, m.id, b.id, case when j = 9 then 'leave' when m.state = 'preparing' then 'pending' else 'attend' end
    from bench_cs_meeting m cross join generate_series(0, 9) j
    join lateral (select n from bench_cs_member x where x.committee_id = m.committee_id and x.rn = 0) c on true
    join bench_cs_member b on b.committee_id = m.committee_id and b.rn = (m.k * 10 + j) % c.n
    on conflict do nothing`);
  step('invitations');
  await db.execute(sql`insert into consultation_speeches (committee_id, meeting_id, member_id, title, body, oral_order)
    select i.committee_id, i.meeting_id, i.member_id, '发言', '书面发言内容', case when r = 1 then 1 end
    from (select i.*, row_number() over (partition by i.meeting_id order by i.member_id) r from consultation_invitations i
          join bench_cs_meeting m on m.id = i.meeting_id and m.state in ('held', 'closed')) i where r <= 2`);
  step('speeches');
  await db.execute(sql`insert into consultation_outcomes (committee_id, plan_item_id, meeting_id, kind, year, number, title, state, sent_to, sent_on)
    select m.committee_id, m.plan_item_id, m.id, k.kind, m.year, row_number() over (partition by m.committee_id, k.kind, m.year order by m.id), '协商成果',
      case when h < 10 then 'draft' when h < 30 then 'sent' when h < 50 then 'referred' when h < 70 then 'answered' else 'concluded' end,
      case when h < 10 then '{}'::text[] else '{party_committee,government}'::text[] end, case when h >= 10 then (m.starts_at + interval '20 days')::date end
    from consultation_meetings m cross join lateral (select abs(hashtext(m.id::text || 'o')) % 100 as h,
      (array['report', 'proposal', 'reference'])[1 + abs(hashtext(m.id::text)) % 3] as kind) k
    where m.state in ('held', 'closed')`);
  await db.execute(sql`insert into consultation_outcome_counters (committee_id, kind, year, last_number)
    select committee_id, kind, year, max(number) from consultation_outcomes group by 1, 2, 3`);
  step('outcome documents');
  const { rows: [{ n: outcomes }] } = await db.execute<{ n: number }>(sql`select count(*)::int as n from consultation_outcomes`);
  const perDoc = Math.max(1, Math.round(400_000 * (meetings / 150_000) / Math.max(1, outcomes)));
  await db.execute(sql`insert into consultation_recommendations (committee_id, outcome_id, seq, body, result, evidence, result_on)
    select o.committee_id, o.id, s, '建议', r.result, case when r.result is not null then '函复' end, case when r.result is not null then o.sent_on + 30 end
    from consultation_outcomes o cross join generate_series(1, ${perDoc}) s
    cross join lateral (select case when o.state = 'draft' then null else (array[null, 'adopted', 'partly_adopted', 'not_adopted', 'in_progress', 'implemented', 'implemented'])[1 + abs(hashtext(o.id::text || s)) % 7] end as result) r`);
  await db.execute(sql`insert into consultation_instructions (committee_id, outcome_id, leader, on_date, body)
    select committee_id, id, '市委书记', sent_on + 5, '请研究落实' from consultation_outcomes where state <> 'draft' and abs(hashtext(id::text || 'i')) % 10 < 3`);
  step('recommendations and instructions');
  await db.execute(sql.raw('drop table bench_cs_member; drop table bench_cs_meeting; analyze consultation_meetings; analyze consultation_outcomes; analyze consultation_recommendations; analyze consultation_speeches; analyze consultation_instructions; analyze consultation_invitations;'));
  const count = async (t: string) => (await db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${t}`))).rows[0].n;
  return {
    committees, meetings: await count('consultation_meetings'), invitations: await count('consultation_invitations'), speeches: await count('consultation_speeches'),
    outcomes, recommendations: await count('consultation_recommendations'), instructions: await count('consultation_instructions'),
    generationSeconds: Math.round((now() - t0) / 100) / 10, generatedAt: new Date().toISOString(),
  };
}

/** The plain query over the same rows: meetings by form, recommendations by result (no filters, no speeches or instructions). */
async function plain(db: Db, scope: CommitteeScope) {
  const ids = `{${scope.committeeIds.join(',')}}`;
  await db.execute(sql`select form, count(*) from consultation_meetings where committee_id = any(${ids}::uuid[]) and year = ${YEAR} group by 1`);
  await db.execute(sql`select r.result, count(*) from consultation_recommendations r join consultation_outcomes o on o.committee_id = r.committee_id and o.id = r.outcome_id
    where o.committee_id = any(${ids}::uuid[]) and o.year = ${YEAR} group by 1`);
}

async function timedRuns(n: number, fn: () => Promise<unknown>): Promise<Summary> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = now();
    await fn();
    samples.push(now() - t);
  }
  return summarize(samples);
}

export async function consultationBench(database: Database, o: { meetings: number; runs: number }): Promise<ConsultationBenchResult> {
  const db = database.db;
  const data = await reuseOrGenerate<Omit<ConsultationDataInfo, 'reused'>>(database, { key: KEY, label: 'consultation', size: (i) => i.meetings, unit: 'meetings' },
    o.meetings, (g) => generate(g, o.meetings));
  log(`consultation: ${data.meetings} meetings, ${data.invitations} invitations, ${data.recommendations} recommendations (${data.reused ? 'reused' : `generated in ${data.generationSeconds} s`})`);
  const pick = async (level: string) => (await db.execute<{ id: string; code: string }>(sql`select c.id, c.code from committees c
    where c.level = ${level} order by (select count(*) from committees d where d.code like c.code || '-%') desc, c.code limit 1`)).rows[0];
  const out = {} as ConsultationBenchResult;
  out.data = data;
  const figures: Record<string, unknown> = {};
  for (const level of ['city', 'province'] as const) {
    const c = await pick(level);
    const scope = await committeeScope(db, c.id, 'tree');
    log(`consultation: ${level} ${c.code} (${scope.committeeIds.length} committees), ${o.runs} runs each …`);
    const baseline = await timedRuns(o.runs, () => plain(db, scope));
    const summary = await timedRuns(o.runs, () => consultationFigures(db, scope, YEAR));
    figures[level] = await consultationFigures(db, scope, YEAR);
    out[level] = { summary, baseline, ratio: summary.p50 / baseline.p50, committees: scope.committeeIds.length, code: c.code };
  }
  out.figures = { city: figures.city, province: figures.province };
  return out;
}

export function consultationFiguresTable(r: ConsultationBenchResult): Figure[] {
  const d = r.data;
  const full = d.meetings >= 150_000;
  const line = (name: string, t: ConsultationTimed, goal: string, ok: boolean): Figure[] => [
    { figure: `${name} (${t.committees} committees) p50 / p95`, value: `${ms(t.summary.p50)} / ${ms(t.summary.p95)}`, goal, status: ok ? 'PASS' : 'MISS' },
    { figure: '  plain GROUP BY over the same rows, p50; figures ÷ plain', value: `${ms(t.baseline.p50)}; ${t.ratio.toFixed(2)}×`, goal: '(info)', status: '' },
  ];
  return [
    {
      figure: `协商: ${int(d.meetings)} meetings, ${int(d.invitations)} invitations, ${int(d.speeches)} speeches, ${int(d.recommendations)} recommendations${full ? '' : ' (reduced)'}`,
      value: d.reused ? `reused (${secs(d.generationSeconds * 1000)} when made)` : secs(d.generationSeconds * 1000), goal: '', status: '',
    },
    ...line(`The year's figures, city ${r.city.code}`, r.city, 'p50 < 100 ms', r.city.summary.p50 < 100),
    ...line(`The year's figures, province ${r.province.code}`, r.province, '≤ 2× plain', r.province.ratio <= 2),
  ];
}

export function consultationNotes(r: ConsultationBenchResult): string[] {
  return ['', `协商 figures (${YEAR}): city ${JSON.stringify(r.figures.city)}`, `province ${JSON.stringify(r.figures.province)}`];
}
