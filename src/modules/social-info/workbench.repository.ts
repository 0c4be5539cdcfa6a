import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import { WORKBENCH_ITEMS } from '../../platform/workbench.js';
import { visibleSql } from './item.access.js';
import { itemFilter } from './queries/list-items.js';
import type { Caller } from './social-info.policy.js';

/** SQL only: items that wait for someone (the workbench), and the search across modules over the list's own filter. */

export type WaitingItem = { id: string; title: string; state: string; urgent: boolean; at: string; total: number };

const inStates = (states: string[]) => sql`i.state in (select jsonb_array_elements_text(${JSON.stringify(states)}::jsonb))`;

async function items(db: Executor, where: SQL, order: SQL): Promise<WaitingItem[]> {
  const { rows } = await db.execute<WaitingItem>(sql`
    select i.id, i.title, i.state, i.urgent, i.updated_at as at, count(*) over ()::int as total
      from social_info_items i where ${where} order by ${order}, i.id limit ${WORKBENCH_ITEMS}`);
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

/** Items of the committee in the states, urgent first, oldest submission first (the editors' and signers' queues). */
export const queue = (db: Executor, committeeId: string, states: string[]) =>
  items(db, sql`i.committee_id = ${committeeId} and ${inStates(states)}`, sql`i.urgent desc, i.submitted_at`);

/** The caller's own items in the states. */
export const ownInStates = (db: Executor, caller: Caller, states: string[]) =>
  items(db, sql`i.committee_id = ${caller.committeeId} and ${visibleSql(caller, { mine: true })} and ${inStates(states)}`, sql`i.updated_at desc`);

/** Items the caller may see (own ones with `mine`) changed after `since`, newest first. */
export const changedSince = (db: Executor, caller: Caller, since: string, mine: boolean) =>
  items(db, sql`i.committee_id = ${caller.committeeId} and ${visibleSql(caller, { mine })} and i.updated_at > ${since}`, sql`i.updated_at desc`);

export type SearchRow = { id: string; title: string; body: string; state: string; sourceName: string | null };

/** The list's filter for `q` (the same visibility and token search as GET /api/social-info/items), best match first. */
export async function searchItems(db: Executor, caller: Caller, q: string, limit: number): Promise<{ rows: SearchRow[]; total: number }> {
  const { where, order, hits } = itemFilter(caller, { q });
  const { rows } = await db.execute<SearchRow & { total: number }>(sql`
    select i.id, i.title, left(i.body, 3000) as body, i.state, i.source_name as "sourceName", ${hits} as hits, count(*) over ()::int as total
      from social_info_items i where ${where} order by ${order} limit ${limit}`);
  return { rows, total: rows[0]?.total ?? 0 };
}
