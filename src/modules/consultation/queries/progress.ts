import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { inCommittees, type CommitteeScope } from '../../../platform/scope.js';
import { outcomeLabel } from '../commands/outcomes.js';
import { RESULTS, type OutcomeKind, type Result } from '../domain/outcome-workflow.js';

/**
 * Progress of each plan item of a year and of the year, computed from the records — never typed
 * (Decidim's users complain that hand-kept percentages go wrong). An item's stage is the furthest
 * it got: 0 planned; 20 a meeting arranged; 40 a meeting held; 60 a meeting closed with its
 * minutes; 80 an outcome document sent; 100 every recommendation sent has a final result
 * (采纳 / 部分采纳 / 未采纳 / 已落实; 落实中 is not final). The year's percentage is the mean over
 * the items of the version in force. Meetings and documents of an adjusted plan's earlier
 * version count for the item of the same title.
 */
export const STAGES = [
  { percent: 0, zh: '未开展' }, { percent: 20, zh: '已安排会议' }, { percent: 40, zh: '已召开' }, { percent: 60, zh: '纪要已完成' },
  { percent: 80, zh: '成果已报送' }, { percent: 100, zh: '建议均有办理结果' },
] as const;

export async function planProgress(db: Executor, committeeId: string, year: number) {
  const { rows } = await db.execute<{
    id: string; title: string; form: string; meetings: number; held: number; closed: number; outcomes: number; sent: number;
    recommendations: number; recsSent: number; final: number; adopted: number; implemented: number;
  }>(sql`
    with cur as (select id from consultation_plans where committee_id = ${committeeId} and year = ${year}
                 order by (state = 'issued') desc, version desc limit 1),
    items as (select i.id, i.title, i.form, i.sort from consultation_plan_items i join cur on cur.id = i.plan_id where i.committee_id = ${committeeId}),
    same as (select x.id as item_id, y.id as any_id from items x
             join consultation_plan_items y on y.committee_id = ${committeeId} and y.title = x.title
             join consultation_plans p on p.id = y.plan_id and p.committee_id = y.committee_id and p.year = ${year}),
    m as (select s.item_id, count(*) filter (where mt.state <> 'cancelled') as meetings,
            count(*) filter (where mt.state in ('held', 'closed')) as held, count(*) filter (where mt.state = 'closed') as closed
          from same s join consultation_meetings mt on mt.committee_id = ${committeeId} and mt.plan_item_id = s.any_id group by 1),
    o as (select s.item_id, count(distinct o.id) as outcomes, count(distinct o.id) filter (where o.state <> 'draft') as sent,
            count(r.id) as recommendations, count(r.id) filter (where o.state <> 'draft') as recs_sent,
            count(r.id) filter (where o.state <> 'draft' and r.result in ('adopted', 'partly_adopted', 'not_adopted', 'implemented')) as final,
            count(r.id) filter (where r.result in ('adopted', 'partly_adopted', 'in_progress', 'implemented')) as adopted,
            count(r.id) filter (where r.result = 'implemented') as implemented
          from same s join consultation_outcomes o on o.committee_id = ${committeeId} and o.plan_item_id = s.any_id
          left join consultation_recommendations r on r.committee_id = o.committee_id and r.outcome_id = o.id group by 1)
    select i.id, i.title, i.form, coalesce(m.meetings, 0)::int as meetings, coalesce(m.held, 0)::int as held, coalesce(m.closed, 0)::int as closed,
      coalesce(count_o.outcomes, 0)::int as outcomes, coalesce(count_o.sent, 0)::int as sent,
      coalesce(count_o.recommendations, 0)::int as recommendations, coalesce(count_o.recs_sent, 0)::int as "recsSent",
      coalesce(count_o.final, 0)::int as final, coalesce(count_o.adopted, 0)::int as adopted, coalesce(count_o.implemented, 0)::int as implemented
    from items i left join m on m.item_id = i.id left join o count_o on count_o.item_id = i.id order by i.sort, i.title`);
  const items = rows.map((r) => {
    const percent = r.sent > 0 && r.recsSent > 0 && r.final === r.recsSent ? 100 : r.sent > 0 ? 80 : r.closed > 0 ? 60 : r.held > 0 ? 40 : r.meetings > 0 ? 20 : 0;
    return { ...r, percent, stage: STAGES.find((s) => s.percent === percent)!.zh };
  });
  const sum = (k: keyof (typeof items)[number]) => items.reduce((s, i) => s + (i[k] as number), 0);
  return {
    year,
    percent: items.length ? Math.round(items.reduce((s, i) => s + i.percent, 0) / items.length) : 0,
    totals: { items: items.length, meetings: sum('meetings'), held: sum('held'), outcomesSent: sum('sent'), recommendationsSent: sum('recsSent'), adopted: sum('adopted'), implemented: sum('implemented') },
    items,
  };
}

/**
 * 跟踪问效: at year end, every recommendation sent that year with what became of it, the units it
 * went to and whether they answered; `open` when it has no result yet or is still 落实中.
 */
export async function followUpList(db: Executor, committeeId: string, year: number) {
  const { rows } = await db.execute<{
    recommendationId: string; seq: number; body: string; result: Result | null; evidence: string | null; resultOn: string | null;
    outcomeId: string; kind: OutcomeKind; year: number; number: number; title: string; sentOn: string; units: { name: string; deadline: string; answered: boolean }[];
  }>(sql`
    select r.id as "recommendationId", r.seq, r.body, r.result, r.evidence, r.result_on::text as "resultOn",
      o.id as "outcomeId", o.kind, o.year, o.number, o.title, o.sent_on::text as "sentOn",
      coalesce((select jsonb_agg(jsonb_build_object('name', u.name, 'deadline', f.deadline, 'answered', f.feedback_at is not null) order by u.name)
        from consultation_referrals f join handling_units u on u.committee_id = f.committee_id and u.id = f.unit_id
        where f.committee_id = o.committee_id and f.outcome_id = o.id), '[]'::jsonb) as units
    from consultation_recommendations r join consultation_outcomes o on o.committee_id = r.committee_id and o.id = r.outcome_id
    where r.committee_id = ${committeeId} and o.year = ${year} and o.state <> 'draft'
    order by o.kind, o.number, r.seq`);
  return rows.map((r) => ({
    ...r, label: outcomeLabel(r), resultLabel: r.result ? RESULTS[r.result] : '未反馈', open: r.result === null || r.result === 'in_progress',
  }));
}

/**
 * The year's consultation figures over a committee scope: meetings by form (not cancelled) and
 * how many were held, speeches, outcome documents by kind, recommendations sent / adopted /
 * implemented, instructions received. Participation (people-times and distinct people) lives in
 * the performance module: its activities whose source_ref starts with 'consultation:meeting:'.
 */
export async function consultationFigures(db: Executor, scope: CommitteeScope, year: number) {
  const c = (col: string) => inCommittees(sql.raw(col), scope);
  const [byForm, speeches, outcomes, recs, instructions] = await Promise.all([
    db.execute<{ form: string; meetings: number; held: number }>(sql`select form, count(*)::int as meetings,
        (count(*) filter (where state in ('held', 'closed')))::int as held
      from consultation_meetings where ${c('committee_id')} and year = ${year} and state <> 'cancelled' group by 1 order by 2 desc, 1`),
    db.execute<{ n: number; oral: number; speakers: number }>(sql`select count(*)::int as n, (count(*) filter (where s.oral_order is not null))::int as oral,
        count(distinct s.member_id)::int as speakers
      from consultation_speeches s join consultation_meetings m on m.committee_id = s.committee_id and m.id = s.meeting_id
      where ${c('s.committee_id')} and m.year = ${year} and m.state in ('held', 'closed')`),
    db.execute<{ kind: OutcomeKind; n: number; sent: number }>(sql`select kind, count(*)::int as n, (count(*) filter (where state <> 'draft'))::int as sent
      from consultation_outcomes where ${c('committee_id')} and year = ${year} group by 1 order by 1`),
    db.execute<{ total: number; sent: number; adopted: number; implemented: number }>(sql`select count(*)::int as total,
        (count(*) filter (where o.state <> 'draft'))::int as sent,
        (count(*) filter (where r.result in ('adopted', 'partly_adopted', 'in_progress', 'implemented')))::int as adopted,
        (count(*) filter (where r.result = 'implemented'))::int as implemented
      from consultation_recommendations r join consultation_outcomes o on o.committee_id = r.committee_id and o.id = r.outcome_id
      where ${c('r.committee_id')} and o.year = ${year}`),
    db.execute<{ n: number; documents: number }>(sql`select count(*)::int as n, count(distinct i.outcome_id)::int as documents
      from consultation_instructions i join consultation_outcomes o on o.committee_id = i.committee_id and o.id = i.outcome_id
      where ${c('i.committee_id')} and o.year = ${year}`),
  ]);
  return {
    year, scope: scope.kind, committees: scope.committeeIds.length,
    meetings: { total: byForm.rows.reduce((s, r) => s + r.meetings, 0), held: byForm.rows.reduce((s, r) => s + r.held, 0), byForm: byForm.rows },
    speeches: speeches.rows[0],
    outcomes: outcomes.rows,
    recommendations: recs.rows[0],
    instructions: instructions.rows[0],
  };
}
