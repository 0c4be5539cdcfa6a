import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { distinct, tokenize } from '../../../platform/text/index.js';
import type { ListQuery } from '../contracts.js';
import { INFO_STATES, type InfoState } from '../domain/info-workflow.js';
import { visibleSql } from '../item.access.js';
import type { Caller } from '../social-info.policy.js';
import { toTextArray } from '../social-info.repository.js';

export type ListRow = { id: string; title: string; state: InfoState; stateLabel: string; urgent: boolean; sourceKind: string; sourceName: string | null; submittedAt: string; hits?: number };

/**
 * Items the caller may see, newest first; with `q`, a Chinese search: the query is segmented
 * with the shared tokenizer and matched against the items' tokens (GIN overlap), best overlap
 * first; a query without content words falls back to a title substring match.
 */
export async function listItems(db: Executor, caller: Caller, q: ListQuery): Promise<{ items: ListRow[]; total: number }> {
  const where: SQL[] = [sql`i.committee_id = ${caller.committeeId}`, visibleSql(caller, { mine: !!q.mine })];
  if (q.state) where.push(sql`i.state in (select jsonb_array_elements_text(${JSON.stringify(q.state.split(','))}::jsonb))`);
  if (q.urgent) where.push(sql`i.urgent`);
  let order = sql`i.submitted_at desc, i.id`;
  let hits = sql`null::int`;
  if (q.q) {
    const words = distinct(tokenize(q.q));
    if (words.length) {
      const arr = toTextArray(words);
      where.push(sql`i.tokens && ${arr}`);
      hits = sql`(select count(distinct t)::int from unnest(i.tokens) t where t = any(${arr}))`;
      order = sql`hits desc, i.submitted_at desc, i.id`;
    } else {
      where.push(sql`i.title like ${'%' + q.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
    }
  }
  const w = sql.join(where, sql` and `);
  const items = await db.execute<Omit<ListRow, 'stateLabel'>>(sql`
    select i.id, i.title, i.state, i.urgent, i.source_kind as "sourceKind", i.source_name as "sourceName", i.submitted_at as "submittedAt", ${hits} as hits
      from social_info_items i where ${w}
     order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const total = await db.execute<{ n: number }>(sql`select count(*)::int as n from social_info_items i where ${w}`);
  return { items: items.rows.map((r) => ({ ...r, stateLabel: INFO_STATES[r.state] })), total: total.rows[0].n };
}
