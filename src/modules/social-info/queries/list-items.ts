import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { distinct, tokenize } from '../../../platform/text/index.js';
import type { ListQuery } from '../contracts.js';
import { INFO_STATES, type InfoState } from '../domain/info-workflow.js';
import { visibleSql } from '../item.access.js';
import type { Caller } from '../social-info.policy.js';
import { textArrayParam, tokensOverlap } from '../social-info.repository.js';
import { CHINA_TZ_SQL } from '../../../platform/db/china-time-sql.js';

export type ListRow = { id: string; title: string; state: InfoState; stateLabel: string; urgent: boolean; sourceKind: string; sourceName: string | null; submittedAt: string; hits?: number };

/**
 * Items the caller may see, newest first; with `q`, a Chinese search: the query is segmented
 * with the shared tokenizer and matched against the items' tokens (GIN overlap), best overlap
 * first; a query without content words falls back to a title substring match.
 */
interface Filter { where: SQL; order: SQL; hits: SQL }

/** The WHERE and ORDER of a list query (the list, the export and the bench use the same). */
export function itemFilter(caller: Caller, q: Omit<ListQuery, 'page' | 'pageSize'>): Filter {
  const where: SQL[] = [sql`i.committee_id = ${caller.committeeId}`, visibleSql(caller, { mine: !!q.mine })];
  if (q.state) where.push(sql`i.state in (select jsonb_array_elements_text(${JSON.stringify(q.state.split(','))}::jsonb))`);
  if (q.urgent) where.push(sql`i.urgent`);
  if (q.sourceKind) where.push(sql`i.source_kind = ${q.sourceKind}`);
  if (q.year) {
    // A range on submitted_at (China time), so the (committee, state, submitted_at) index serves it.
    where.push(sql`i.submitted_at >= make_timestamptz(${q.year}, 1, 1, 0, 0, 0, ${CHINA_TZ_SQL}) and i.submitted_at < make_timestamptz(${q.year + 1}, 1, 1, 0, 0, 0, ${CHINA_TZ_SQL})`);
  }
  let order = sql`i.submitted_at desc, i.id`;
  let hits = sql`null::int`;
  if (q.q) {
    const words = distinct(tokenize(q.q));
    if (words.length) {
      const arr = textArrayParam(words);
      where.push(tokensOverlap(words));
      // How many of the (distinct) query words the item has: a loop over 1–3 words, not a sort of its tokens.
      hits = sql`(select count(*)::int from unnest(${arr}) w where w = any(i.tokens))`;
      order = sql`hits desc, i.submitted_at desc, i.id`;
    } else {
      where.push(sql`i.title like ${'%' + q.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
    }
  }
  return { where: sql.join(where, sql` and `), order, hits };
}

const listCols = sql`i.id, i.title, i.state, i.urgent, i.source_kind as "sourceKind", i.source_name as "sourceName", i.submitted_at as "submittedAt"`;

export async function listItems(db: Executor, caller: Caller, q: ListQuery): Promise<{ items: ListRow[]; total: number }> {
  const { where: w, order, hits } = itemFilter(caller, q);
  const items = await db.execute<Omit<ListRow, 'stateLabel'>>(sql`
    select ${listCols}, ${hits} as hits
      from social_info_items i where ${w}
     order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const total = await db.execute<{ n: number }>(sql`select count(*)::int as n from social_info_items i where ${w}`);
  return { items: items.rows.map((r) => ({ ...r, stateLabel: INFO_STATES[r.state] })), total: total.rows[0].n };
}

export type ExportRow = ListRow & { memberIds: string[]; publishedAt: string | null; issueLabel: string | null; destinations: string[]; adopted: string[]; instructions: string[] };

/** Every item of the filtered list (up to `max`), with issue, forwards and results, for the .xlsx export. */
export async function exportItems(db: Executor, caller: Caller, q: Omit<ListQuery, 'page' | 'pageSize'>, max = 20000): Promise<ExportRow[]> {
  const { where: w, order, hits } = itemFilter(caller, q);
  const { rows } = await db.execute<Omit<ExportRow, 'stateLabel'>>(sql`
    select ${listCols}, ${hits} as hits, i.member_ids as "memberIds", i.published_at as "publishedAt",
           (select p.name || ' ' || s.year || '年第' || s.number || '期' from social_info_issues s join social_info_periodicals p on p.id = s.periodical_id
             where s.id = i.issue_id and s.committee_id = i.committee_id and s.number is not null) as "issueLabel",
           array(select f.destination from social_info_forwards f where f.committee_id = i.committee_id and f.item_id = i.id order by f.forwarded_on, f.destination) as destinations,
           array(select f.destination || coalesce('（' || r.publication || '）', '') from social_info_results r join social_info_forwards f on f.id = r.forward_id
                  where r.committee_id = i.committee_id and r.item_id = i.id and r.kind = 'adoption' order by r.on_date) as adopted,
           array(select r.leader || '（' || case r.level when 'provincial' then '省级' else '市级' end || '，' || r.on_date || '）' from social_info_results r
                  where r.committee_id = i.committee_id and r.item_id = i.id and r.kind = 'instruction' order by r.on_date) as instructions
      from social_info_items i where ${w}
     order by ${order} limit ${max}`);
  return rows.map((r) => ({ ...r, stateLabel: INFO_STATES[r.state] }));
}
