import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';
import { AppError } from '../../platform/errors.js';
import type { InfoActor } from './domain/info-workflow.js';
import { InfoErrors } from './social-info.errors.js';
import { actorsFor, canSee, factsOf, type Caller, type CallerFacts } from './social-info.policy.js';
import { findItem, type ItemRow } from './social-info.repository.js';

export interface LoadedItem {
  row: ItemRow;
  facts: CallerFacts;
  actors: Set<InfoActor>;
}

/** One item of the caller's committee (locked with `lock`); 404 when absent or not visible to the caller. */
export async function loadItem(db: Executor, caller: Caller, id: string, opts: { lock?: boolean } = {}): Promise<LoadedItem> {
  const row = await findItem(db, caller.committeeId, id, opts);
  if (!row) throw new AppError(InfoErrors['social_info.not_found']);
  const facts = factsOf(caller);
  if (!canSee(caller, facts, row)) throw new AppError(InfoErrors['social_info.not_found']);
  return { row, facts, actors: actorsFor(caller, facts, row) };
}

/** The same rule as canSee (drafts to their authors only), as SQL over `i` (social_info_items). With `mine`, only the caller's own items. */
export function visibleSql(caller: Caller, opts: { mine?: boolean } = {}): SQL {
  const f = factsOf(caller);
  const parts: SQL[] = [];
  if (f.oversight && !opts.mine) parts.push(sql`i.state <> 'draft'`);
  if (f.memberIds.size) parts.push(sql`i.member_ids && array(select jsonb_array_elements_text(${JSON.stringify([...f.memberIds])}::jsonb)::uuid)::uuid[]`);
  if (caller.actor.userId) parts.push(sql`i.created_by = ${caller.actor.userId}`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}
