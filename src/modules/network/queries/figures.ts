import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { inCommittees, type CommitteeScope } from '../../../platform/scope.js';
import { ROOM_TYPE } from '../domain/settings.js';

/**
 * The network's figures over a committee scope (self, or the committee and those below it).
 * Places count while active. A village is covered when an active 协商议事室 (type `room`) has the
 * village as its region. Receptions count while held (not void), by their China date.
 */

/** Places by type and by county (a place above county level is counted under its own region). */
export async function placeFigures(db: Db, scope: CommitteeScope) {
  // Places are counted per region first, then rolled up to the county and named: the joins see
  // one row per (region, type), not one per place.
  const { rows } = await db.execute<{ region: string; type: string; n: number }>(sql`
    with p as (select committee_id, region_id, type, count(*)::int as n from network_places
               where ${inCommittees(sql.raw('committee_id'), scope)} and status = 'active' group by 1, 2, 3),
    g as (select p.committee_id, coalesce(r.county_id, r.id) as rid, p.type, sum(p.n)::int as n
          from p join network_regions r on r.committee_id = p.committee_id and r.id = p.region_id
          where ${inCommittees(sql.raw('r.committee_id'), scope)}
          group by 1, 2, 3)
    select c.name as region, g.type, sum(g.n)::int as n
    from g join network_regions c on c.committee_id = g.committee_id and c.id = g.rid
    group by 1, 2 order by 1, 2`);
  const byType: Record<string, number> = {};
  for (const r of rows) byType[r.type] = (byType[r.type] ?? 0) + r.n;
  return { total: rows.reduce((s, r) => s + r.n, 0), byType, byRegion: rows };
}

/** 覆盖率: villages with a 协商议事室 / all villages, per county and in all. */
export async function coverageFigures(db: Db, scope: CommitteeScope) {
  // The covered villages first (one pass over the rooms), then villages grouped by county id and
  // named after grouping: no per-village subquery, so a city's tree costs about its villages' index range.
  const { rows } = await db.execute<{ county: string; villages: number; covered: number }>(sql`
    with cov as (select distinct committee_id, region_id from network_places
                 where ${inCommittees(sql.raw('committee_id'), scope)} and type = ${ROOM_TYPE} and status = 'active'),
    g as (select v.committee_id, v.county_id, count(*)::int as villages, count(cov.region_id)::int as covered
          from network_regions v left join cov on cov.committee_id = v.committee_id and cov.region_id = v.id
          where ${inCommittees(sql.raw('v.committee_id'), scope)} and v.level = 'village'
          group by v.committee_id, v.county_id)
    select coalesce(c.name, '—') as county, sum(g.villages)::int as villages, sum(g.covered)::int as covered
    from g left join network_regions c on c.committee_id = g.committee_id and c.id = g.county_id
    group by 1 order by 1`);
  const villages = rows.reduce((s, r) => s + r.villages, 0);
  const covered = rows.reduce((s, r) => s + r.covered, 0);
  const rate = (c: number, v: number) => (v ? Math.round((c / v) * 1000) / 10 : 0);
  return { villages, covered, ratePercent: rate(covered, villages), byCounty: rows.map((r) => ({ ...r, ratePercent: rate(r.covered, r.villages) })) };
}

/** 下沉委员: distinct members placed, and placements by place type. */
export async function placedFigures(db: Db, scope: CommitteeScope) {
  const { rows } = await db.execute<{ type: string; placements: number; members: number }>(sql`
    select p.type, count(*)::int as placements, count(distinct m.member_id)::int as members
    from network_place_members m join network_places p on p.id = m.place_id and p.committee_id = m.committee_id
    where ${inCommittees(sql.raw('m.committee_id'), scope)} and p.status = 'active'
    group by rollup (p.type) order by p.type nulls first`);
  const all = rows.find((r) => r.type === null);
  return { members: all?.members ?? 0, placements: all?.placements ?? 0, byType: rows.filter((r) => r.type !== null) };
}

/** Receptions held in a year: count, visitors logged, distinct members who received, by month; and care visits. */
export async function receptionFigures(db: Db, scope: CommitteeScope, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { rows } = await db.execute<{ month: number; receptions: number; visits: number }>(sql`
    select extract(month from r.held_on)::int as month, count(*)::int as receptions,
      coalesce(sum((select count(*) from network_visits v where v.committee_id = r.committee_id and v.reception_id = r.id)), 0)::int as visits
    from network_receptions r
    where ${inCommittees(sql.raw('r.committee_id'), scope)} and r.status = 'held' and r.held_on between ${from} and ${to}
    group by 1 order by 1`);
  const { rows: [m] } = await db.execute<{ members: number; careVisits: number; solved: number }>(sql`
    select (select count(distinct u) from network_receptions r, unnest(r.member_ids) u
        where ${inCommittees(sql.raw('r.committee_id'), scope)} and r.status = 'held' and r.held_on between ${from} and ${to})::int as members,
      (select count(*) from network_care_visits c where ${inCommittees(sql.raw('c.committee_id'), scope)} and c.visited_on between ${from} and ${to})::int as "careVisits",
      (select coalesce(sum(difficulties_solved), 0) from network_care_visits c where ${inCommittees(sql.raw('c.committee_id'), scope)} and c.visited_on between ${from} and ${to})::int as solved`);
  return {
    year, receptions: rows.reduce((s, r) => s + r.receptions, 0), visits: rows.reduce((s, r) => s + r.visits, 0),
    members: m!.members, careVisits: m!.careVisits, difficultiesSolved: m!.solved, byMonth: rows,
  };
}
