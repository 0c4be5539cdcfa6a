import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { inCommittees, type CommitteeScope } from '../../../platform/scope.js';
import { CHINA_TZ_SQL } from '../../../platform/db/china-time-sql.js';

const chinaYearStartSql = (year: number) => sql`make_timestamptz(${year}, 1, 1, 0, 0, 0, ${CHINA_TZ_SQL})`;

/**
 * 群众诉求 figures over a committee scope: counts by source (channel), kind and state, and the time
 * to answer (mean days from receipt to the answer, of the answered ones), in one scan. No median:
 * percentile_cont sorts once per grouping set, which made the province's figure 19× a plain
 * GROUP BY in the bench; the mean comes from the same hash aggregation as the counts.
 *
 *   select channel, kind, state, count(*), count(answered_at),
 *          avg(extract(epoch from answered_at - created_at)) …
 *   from demands where committee_id = any($scope) [and created_at in the China year]
 *   group by grouping sets ((channel), (kind), (state), ())
 */
export async function demandFigures(db: Executor, scope: CommitteeScope, year?: number) {
  const when = year ? sql`and d.created_at >= ${chinaYearStartSql(year)} and d.created_at < ${chinaYearStartSql(year + 1)}` : sql``;
  const { rows } = await db.execute<{ channel: string | null; kind: string | null; state: string | null; g: number; n: number; answered: number; meanDays: number | null; }>(sql`
    select channel, kind, state, grouping(channel, kind, state)::int as g, count(*)::int as n, count(answered_at)::int as answered,
      round((avg(extract(epoch from answered_at - created_at)) / 86400)::numeric, 1)::float8 as "meanDays"
    from demands d where ${inCommittees(sql.raw('d.committee_id'), scope)} ${when}
    group by grouping sets ((channel), (kind), (state), ())`);
  const pick = (g: number, key: 'channel' | 'kind' | 'state') => rows.filter((r) => r.g === g).map((r) => ({ [key]: r[key], count: r.n })).sort((a, b) => b.count - a.count);
  const total = rows.find((r) => r.g === 7);
  return {
    committees: scope.committeeIds.length,
    total: total?.n ?? 0,
    answered: total?.answered ?? 0,
    meanDaysToAnswer: total?.meanDays ?? null,
    bySource: pick(3, 'channel'),
    byKind: pick(5, 'kind'),
    byState: pick(6, 'state'),
  };
}
