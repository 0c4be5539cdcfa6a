import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/unit-of-work.js';

/** SQL only: the caller's last visit to the workbench. */

export async function lastVisit(db: Executor, committeeId: string, userId: string): Promise<string | null> {
  const { rows } = await db.execute<{ seenAt: string }>(sql`select seen_at as "seenAt" from workbench_visits
    where committee_id = ${committeeId} and user_id = ${userId}`);
  return rows[0] ? new Date(rows[0].seenAt).toISOString() : null;
}

export async function recordVisit(db: Executor, committeeId: string, userId: string): Promise<string> {
  const { rows } = await db.execute<{ seenAt: string }>(sql`insert into workbench_visits (committee_id, user_id, seen_at)
    values (${committeeId}, ${userId}, now())
    on conflict (committee_id, user_id) do update set seen_at = excluded.seen_at returning seen_at as "seenAt"`);
  return new Date(rows[0].seenAt).toISOString();
}
