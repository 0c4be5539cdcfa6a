import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { inCommittees, type CommitteeScope } from '../../../platform/scope.js';
import { CHINA_TZ_SQL as TZ } from '../../../platform/db/china-time-sql.js';
import { FILED_STATES } from '../exports/labels.js';

/**
 * SQL only, for the proposal figures (提案统计). Every statement reads the proposals of one
 * scope — a plenary session, or the submissions of a calendar year (China time), in one committee
 * or a committee and those below it (platform/scope.ts) — past the draft. Days are China days: `(t at time zone 'Asia/Shanghai')::date`.
 */
export type FigureScope = { committees: CommitteeScope; sessionId?: string; year?: number };

const filedStates = sql`(select jsonb_array_elements_text(${JSON.stringify(FILED_STATES)}::jsonb))`;

/** `p` rows of the scope. */
function inScope(s: FigureScope): SQL {
  const parts: SQL[] = [inCommittees(sql.raw('p.committee_id'), s.committees), sql`p.submitted_at is not null`];
  if (s.sessionId) parts.push(sql`p.session_id = ${s.sessionId}`);
  if (s.year !== undefined) parts.push(sql`extract(year from p.submitted_at at time zone ${TZ}) = ${s.year}`);
  return sql.join(parts, sql` and `);
}

/** Counts by state and decision code (not-filed reasons). */
export async function countsByState(db: Executor, s: FigureScope) {
  const { rows } = await db.execute<{ state: string; code: string | null; n: number }>(sql`
    select p.state, p.decision_code as code, count(*)::int as n from proposals p where ${inScope(s)} group by 1, 2`);
  return rows;
}

export type AnswerRow = {
  unitId: string;
  unitName: string;
  /** onTime | late | overdue | pending */
  status: 'on_time' | 'late' | 'overdue' | 'pending';
  repliedMonth: string | null;
};

/**
 * One row per answering assignment (主办, or each unit in 分办) of a filed proposal of the scope,
 * judged on the proposal's current handling round against the assignment's current deadline (an
 * extension or a re-handling round after 不满意 sets a new one): the released reply was submitted
 * by the deadline (on_time) or after it (late); or, none released yet, the deadline has passed
 * (overdue) or not (pending).
 */
export async function answeringAssignments(db: Executor, s: FigureScope, today: string): Promise<AnswerRow[]> {
  const { rows } = await db.execute<AnswerRow>(sql`
    select a.unit_id as "unitId", u.name as "unitName",
           case when r.day is not null and r.day <= a.deadline then 'on_time'
                when r.day is not null then 'late'
                when a.deadline < ${today}::date then 'overdue'
                else 'pending' end as status,
           to_char(r.released_at at time zone ${TZ}, 'YYYY-MM') as "repliedMonth"
      from proposals p
      join proposal_assignments a on a.committee_id = p.committee_id and a.proposal_id = p.id
       and a.role in ('lead', 'split') and a.status in ('active', 'objected')
      join handling_units u on u.id = a.unit_id
      left join lateral (select (coalesce(x.submitted_at, x.released_at) at time zone ${TZ})::date as day, x.released_at
                           from proposal_replies x
                          where x.committee_id = p.committee_id and x.proposal_id = p.id and x.unit_id = a.unit_id and x.status = 'released'
                            and x.round = p.round) r on true
     where ${inScope(s)} and p.state in ${filedStates}`);
  return rows;
}

/** Live assignments by unit and role (workload). */
export async function workload(db: Executor, s: FigureScope) {
  const { rows } = await db.execute<{ unitId: string; unitName: string; role: 'lead' | 'co' | 'split'; n: number }>(sql`
    select a.unit_id as "unitId", u.name as "unitName", a.role, count(*)::int as n
      from proposals p
      join proposal_assignments a on a.committee_id = p.committee_id and a.proposal_id = p.id and a.status in ('active', 'objected')
      join handling_units u on u.id = a.unit_id
     where ${inScope(s)} and p.state in ${filedStates}
     group by 1, 2, 3`);
  return rows;
}

/** Proposals of the scope with a class (set when the reply is released), by class. */
export async function classCounts(db: Executor, s: FigureScope) {
  const { rows } = await db.execute<{ code: string; n: number }>(sql`
    select p.reply_class as code, count(*)::int as n from proposals p where ${inScope(s)} and p.reply_class is not null
       and p.state in ${filedStates} group by 1 order by 1`);
  return rows;
}

/**
 * Each rater's latest rating of each proposal of the scope, with the units that answered it
 * (so one rating counts for every unit of a 分办 proposal).
 */
export async function latestRatings(db: Executor, s: FigureScope) {
  const { rows } = await db.execute<{ rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied'; unitIds: string[] }>(sql`
    select f.rating,
           coalesce((select array_agg(a.unit_id) from proposal_assignments a where a.committee_id = f.committee_id and a.proposal_id = f.proposal_id
                        and a.role in ('lead', 'split') and a.status in ('active', 'objected')), '{}') as "unitIds"
      from (select distinct on (f.proposal_id, f.member_id) f.committee_id, f.proposal_id, f.rating
              from proposal_feedback f join proposals p on p.id = f.proposal_id and p.committee_id = f.committee_id
             where ${inScope(s)}
             order by f.proposal_id, f.member_id, f.round desc) f`);
  return rows;
}

/** Received and filed by the first proposer's sector (界别). */
export async function bySector(db: Executor, s: FigureScope) {
  const { rows } = await db.execute<{ name: string | null; received: number; filed: number }>(sql`
    select sc.name, count(*)::int as received, count(*) filter (where p.state in ${filedStates})::int as filed
      from proposals p
      left join proposal_signers fs on fs.committee_id = p.committee_id and fs.proposal_id = p.id and fs.position = 1
      left join members m on m.id = fs.member_id
      left join sectors sc on sc.id = m.sector_id
     where ${inScope(s)} group by 1 order by 2 desc, 1`);
  return rows;
}

/** Received, filed and answered (a reply released) by topic category. */
export async function byCategory(db: Executor, s: FigureScope) {
  const { rows } = await db.execute<{ name: string; received: number; filed: number; replied: number }>(sql`
    select p.category as name, count(*)::int as received, count(*) filter (where p.state in ${filedStates})::int as filed,
           count(*) filter (where p.state in ${filedStates} and p.released_at is not null)::int as replied
      from proposals p where ${inScope(s)} group by 1 order by 2 desc, 1`);
  return rows;
}

/** Submissions and filings by China month. */
export async function monthly(db: Executor, s: FigureScope) {
  const { rows } = await db.execute<{ month: string; received: number; filed: number }>(sql`
    with m as (
      select to_char(p.submitted_at at time zone ${TZ}, 'YYYY-MM') as month, 1 as received, 0 as filed from proposals p where ${inScope(s)}
      union all
      select to_char(p.filed_at at time zone ${TZ}, 'YYYY-MM'), 0, 1 from proposals p
       where ${inScope(s)} and p.filed_at is not null and p.state in ${filedStates})
    select month, sum(received)::int as received, sum(filed)::int as filed from m group by 1 order by 1`);
  return rows;
}
