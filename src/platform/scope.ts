import { sql } from 'drizzle-orm';
import type { Executor } from './db/unit-of-work.js';

/**
 * Which committees a read covers (统计口径). `self`: the committee addressed. `tree`: it and every
 * committee below it (全市各级政协: the city and its counties), walked down `committees.parent_id`.
 * Tenancy holds: the tree starts at the committee the caller addresses — where the route has
 * already checked the caller's permission — and only goes down, so a county sees nothing of its
 * city while a city reads its counties' aggregates. Scopes are for read-only figures; no command
 * takes one.
 */
export type ScopeKind = 'self' | 'tree';

export interface CommitteeScope {
  kind: ScopeKind;
  /** The committee addressed. */
  rootId: string;
  /** The root first, then the committees below it (breadth first). */
  committeeIds: string[];
}

/** The committee on its own. */
export const selfScope = (committeeId: string): CommitteeScope => ({ kind: 'self', rootId: committeeId, committeeIds: [committeeId] });

export async function committeeScope(db: Executor, rootId: string, kind: ScopeKind): Promise<CommitteeScope> {
  if (kind === 'self') return selfScope(rootId);
  const { rows } = await db.execute<{ id: string }>(sql`
    with recursive t(id, depth) as (
      select id, 0 from committees where id = ${rootId}
      union all
      select c.id, t.depth + 1 from committees c join t on c.parent_id = t.id)
    select id from t order by depth, id`);
  return { kind, rootId, committeeIds: rows.map((r) => r.id) };
}

/** `column = any(ids)` for a scope, as SQL (the ids bound as one uuid[] parameter). */
export const inCommittees = (column: ReturnType<typeof sql.raw>, scope: CommitteeScope) =>
  scope.committeeIds.length === 1 ? sql`${column} = ${scope.committeeIds[0]}` : sql`${column} = any(${`{${scope.committeeIds.join(',')}}`}::uuid[])`;
