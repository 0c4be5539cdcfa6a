import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { inCommittees, selfScope, type CommitteeScope, type ScopeKind } from '../../../platform/scope.js';
import { chinaYear } from '../../../platform/time.js';
import { CHINA_TZ_SQL } from '../../../platform/db/china-time-sql.js';
import { defineFigure } from '../../../platform/figures.js';
import { figuresQuery } from '../contracts.js';
import { InfoPermissions } from '../social-info.policy.js';
import { LEVEL_LABELS } from '../contracts.js';
import { INFO_STATES, type InfoState } from '../domain/info-workflow.js';
import type { Caller } from '../social-info.policy.js';
import { officersProgress } from './office-views.js';

/**
 * Figures of one year (China time) of the caller's committee, for the dashboard and the
 * exports. Counting rules:
 * - received: items submitted in the year (by first submission time, resubmissions included once);
 * - published: items published in the year; issues: issues released in the year's numbering;
 * - forwarded / adopted / instructed per destination: distinct items with a forward, an adoption
 *   or an instruction dated in the year; instructions per level count distinct items per level;
 * - per author and sector: every author of an item counts it (joint items count for each).
 */
type Totals = {
  received: number; urgent: number; published: number; issuesReleased: number; forwarded: number; adopted: number; instructed: number;
  returned: number; archived: number; merged: number;
};
export interface Figures {
  year: number;
  /** One committee (self) or it and those below (tree, 全市各级). */
  scope: { kind: ScopeKind; committees: number };
  totals: Totals;
  byState: { state: InfoState; label: string; count: number }[];
  issues: { periodicalId: string; periodicalName: string; released: number; items: number }[];
  destinations: { destination: string; forwarded: number; adopted: number; instructed: number }[];
  instructionLevels: { level: string; label: string; items: number }[];
  authors: AuthorFigures[];
  sectors: { sector: string; submitted: number; published: number; adopted: number; instructed: number }[];
  sources: { sourceKind: string; count: number }[];
  officers: Awaited<ReturnType<typeof officersProgress>>['officers'];
  monthly: { month: number; received: number; published: number }[];
}

export type AuthorFigures = {
  memberId: string;
  name: string;
  sector: string | null;
  submitted: number;
  published: number;
  adopted: number;
  instructed: number;
};

/** [start, end) of the year in China time, as timestamptz bounds usable by indexes. */
const yearStart = (y: number) => sql`make_timestamptz(${y}, 1, 1, 0, 0, 0, ${CHINA_TZ_SQL})`;
const inYear = (col: SQL, y: number) => sql`${col} >= ${yearStart(y)} and ${col} < ${yearStart(y + 1)}`;
const dateInYear = (col: SQL, y: number) => sql`${col} >= make_date(${y}, 1, 1) and ${col} < make_date(${y + 1}, 1, 1)`;

/** Per member of the committee who authored an item touched in the year; `limit` null: all. */
export async function authorFigures(db: Executor, committees: string | CommitteeScope, year: number, limit: number | null): Promise<AuthorFigures[]> {
  const where = typeof committees === 'string' ? selfScope(committees) : committees;
  const { rows } = await db.execute<AuthorFigures>(sql`
    with touched as (
      select i.id, i.member_ids,
             ${inYear(sql`i.submitted_at`, year)} as submitted,
             (i.published_at is not null and ${inYear(sql`i.published_at`, year)}) as published,
             exists (select 1 from social_info_results r where r.committee_id = i.committee_id and r.item_id = i.id and r.kind = 'adoption'
                      and ${dateInYear(sql`r.on_date`, year)}) as adopted,
             exists (select 1 from social_info_results r where r.committee_id = i.committee_id and r.item_id = i.id and r.kind = 'instruction'
                      and ${dateInYear(sql`r.on_date`, year)}) as instructed
        from social_info_items i
       where ${inCommittees(sql.raw('i.committee_id'), where)} and cardinality(i.member_ids) > 0 and i.state <> 'draft'
         and (${inYear(sql`i.submitted_at`, year)} or ${inYear(sql`i.published_at`, year)}
              or exists (select 1 from social_info_results r where r.committee_id = i.committee_id and r.item_id = i.id and ${dateInYear(sql`r.on_date`, year)}))
    ), per as (
      select m as member_id, count(*) filter (where submitted)::int as submitted, count(*) filter (where published)::int as published,
             count(*) filter (where adopted)::int as adopted, count(*) filter (where instructed)::int as instructed
        from touched, unnest(touched.member_ids) m group by m
    )
    select per.member_id as "memberId", mb.name, s.name as sector, per.submitted, per.published, per.adopted, per.instructed
      from per join members mb on mb.id = per.member_id and ${inCommittees(sql.raw('mb.committee_id'), where)}
      left join sectors s on s.id = mb.sector_id
     where per.submitted + per.published + per.adopted + per.instructed > 0
     order by per.instructed desc, per.adopted desc, per.published desc, per.submitted desc, mb.name_pinyin
     ${limit === null ? sql`` : sql`limit ${limit}`}`);
  return rows;
}

/**
 * The year's figures of the caller's committee, or (scope tree, 全市各级) of it and every committee
 * below it: items, issues, forwards and results are summed over the scope; authors are each
 * committee's members; the officers' progress is the addressed committee's own.
 */
export async function yearFigures(db: Executor, caller: Caller, year: number, scope?: CommitteeScope): Promise<Figures> {
  const where = scope ?? selfScope(caller.committeeId);
  const inC = (col: SQL) => inCommittees(col, where);
  const totals = (await db.execute<Totals>(sql`
    select count(*) filter (where ${inYear(sql`submitted_at`, year)})::int as received,
           count(*) filter (where urgent and ${inYear(sql`submitted_at`, year)})::int as urgent,
           count(*) filter (where published_at is not null and ${inYear(sql`published_at`, year)})::int as published,
           count(*) filter (where state = 'returned' and ${inYear(sql`submitted_at`, year)})::int as returned,
           count(*) filter (where state = 'archived' and ${inYear(sql`submitted_at`, year)})::int as archived,
           count(*) filter (where state = 'merged' and ${inYear(sql`submitted_at`, year)})::int as merged,
           (select count(*)::int from social_info_issues where ${inC(sql.raw('committee_id'))} and year = ${year} and status = 'released') as "issuesReleased",
           (select count(distinct item_id)::int from social_info_forwards where ${inC(sql.raw('committee_id'))} and ${dateInYear(sql`forwarded_on`, year)}) as forwarded,
           (select count(distinct item_id)::int from social_info_results where ${inC(sql.raw('committee_id'))} and kind = 'adoption' and ${dateInYear(sql`on_date`, year)}) as adopted,
           (select count(distinct item_id)::int from social_info_results where ${inC(sql.raw('committee_id'))} and kind = 'instruction' and ${dateInYear(sql`on_date`, year)}) as instructed
      from social_info_items where ${inC(sql.raw('committee_id'))} and state <> 'draft'
       and (${inYear(sql`submitted_at`, year)} or (published_at is not null and ${inYear(sql`published_at`, year)}))`)).rows[0];

  const byStateRows = (await db.execute<{ state: InfoState; count: number }>(sql`
    select state, count(*)::int as count from social_info_items where ${inC(sql.raw('committee_id'))} and state <> 'draft' and ${inYear(sql`submitted_at`, year)} group by state`)).rows;
  const counts = new Map(byStateRows.map((r) => [r.state, r.count]));
  const byState = (Object.keys(INFO_STATES) as InfoState[]).filter((s) => s !== 'draft').map((state) => ({ state, label: INFO_STATES[state], count: counts.get(state) ?? 0 }));

  const issues = (await db.execute<{ periodicalId: string; periodicalName: string; released: number; items: number }>(sql`
    select p.id as "periodicalId", p.name as "periodicalName",
           count(distinct i.id) filter (where i.status = 'released')::int as released,
           count(it.id) filter (where i.status = 'released')::int as items
      from social_info_periodicals p
      left join social_info_issues i on i.periodical_id = p.id and i.committee_id = p.committee_id and i.year = ${year}
      left join social_info_items it on it.committee_id = p.committee_id and it.issue_id = i.id
     where ${inC(sql.raw('p.committee_id'))} group by p.id, p.name, p.sort order by p.sort, p.name`)).rows;

  const destinations = (await db.execute<{ destination: string; forwarded: number; adopted: number; instructed: number }>(sql`
    with f as (select destination, count(distinct item_id)::int as n from social_info_forwards where ${inC(sql.raw('committee_id'))} and ${dateInYear(sql`forwarded_on`, year)} group by 1),
         r as (select f.destination,
                      count(distinct r.item_id) filter (where r.kind = 'adoption')::int as adopted,
                      count(distinct r.item_id) filter (where r.kind = 'instruction')::int as instructed
                 from social_info_results r join social_info_forwards f on f.id = r.forward_id and f.committee_id = r.committee_id
                where ${inC(sql.raw('r.committee_id'))} and ${dateInYear(sql`r.on_date`, year)} group by 1)
    select coalesce(f.destination, r.destination) as destination, coalesce(f.n, 0) as forwarded, coalesce(r.adopted, 0) as adopted, coalesce(r.instructed, 0) as instructed
      from f full join r on r.destination = f.destination order by forwarded desc, destination`)).rows;

  const levels = (await db.execute<{ level: string; items: number }>(sql`
    select level, count(distinct item_id)::int as items from social_info_results
     where ${inC(sql.raw('committee_id'))} and kind = 'instruction' and ${dateInYear(sql`on_date`, year)} group by level`)).rows;
  const levelCount = new Map(levels.map((l) => [l.level, l.items]));
  const instructionLevels = (Object.keys(LEVEL_LABELS) as (keyof typeof LEVEL_LABELS)[]).map((level) => ({ level, label: LEVEL_LABELS[level], items: levelCount.get(level) ?? 0 }));

  const authors = await authorFigures(db, where, year, null);
  const bySector = new Map<string, Figures['sectors'][number]>();
  for (const a of authors) {
    const key = a.sector ?? '未分界别';
    const s = bySector.get(key) ?? { sector: key, submitted: 0, published: 0, adopted: 0, instructed: 0 };
    s.submitted += a.submitted; s.published += a.published; s.adopted += a.adopted; s.instructed += a.instructed;
    bySector.set(key, s);
  }
  const sources = (await db.execute<{ sourceKind: string; count: number }>(sql`
    select source_kind as "sourceKind", count(*)::int as count from social_info_items where ${inC(sql.raw('committee_id'))} and state <> 'draft' and ${inYear(sql`submitted_at`, year)}
     group by 1 order by 2 desc`)).rows;

  const monthlyRows = (await db.execute<{ month: number; received: number; published: number }>(sql`
    with m as (select generate_series(1, 12) as month),
         r as (select extract(month from submitted_at at time zone ${CHINA_TZ_SQL})::int as month, count(*)::int as n
                 from social_info_items where ${inC(sql.raw('committee_id'))} and state <> 'draft' and ${inYear(sql`submitted_at`, year)} group by 1),
         p as (select extract(month from published_at at time zone ${CHINA_TZ_SQL})::int as month, count(*)::int as n
                 from social_info_items where ${inC(sql.raw('committee_id'))} and published_at is not null and ${inYear(sql`published_at`, year)} group by 1)
    select m.month, coalesce(r.n, 0) as received, coalesce(p.n, 0) as published from m left join r using (month) left join p using (month) order by m.month`)).rows;

  return {
    year, scope: { kind: where.kind, committees: where.committeeIds.length }, totals, byState, issues, destinations, instructionLevels,
    authors: authors.slice(0, 50),
    sectors: [...bySector.values()].sort((a, b) => b.submitted - a.submitted || b.published - a.published),
    sources,
    officers: (await officersProgress(db, caller, year)).officers,
    monthly: monthlyRows,
  };
}

/** The year's 社情民意 figures as a figure of the module (platform/figures.ts): the route, with scope=self|tree. */
export const socialInfoFiguresDef = defineFigure({
  name: 'social-info',
  title: { zh: '社情民意信息统计', en: 'Social-conditions information figures' },
  permission: InfoPermissions['social_info.oversee'],
  query: figuresQuery,
  url: '/api/social-info/figures',
  summary: "The year's figures of this committee or (scope=tree) it and every committee below it (全市各级): received, published, issues, forwarded/adopted per destination, instructions per level, authors, sectors, officers, months",
  example: { year: '2026' },
  // Only the committee is read from the caller (the officers' progress); access was checked on the route.
  compute: (db, scope, q) => yearFigures(db, { committeeId: scope.rootId, actor: { userId: null, label: 'figures' }, grants: [], admin: false }, q.year ?? chinaYear(), scope),
  // A leader's workbench: this year so far.
  headline: (f, lang) => {
    const zh = lang === 'zh';
    return [
      { label: zh ? '今年收到信息' : 'Received this year', value: f.totals.received },
      { label: zh ? '已刊发' : 'Published', value: f.totals.published },
      { label: zh ? '已出刊期数' : 'Issues released', value: f.totals.issuesReleased },
      { label: zh ? '报送上级' : 'Forwarded', value: f.totals.forwarded },
    ];
  },
});
