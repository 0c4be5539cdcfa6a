import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { HANDLED_EVENTS } from '../events.js';
import { applyDutyEvent, type StoredEvent } from './apply-duty-event.js';

export interface ReplayResult { events: number; created: number; voided: number; unchanged: number; ignored: number }

/**
 * Rebuilds automatic duty records from domain_events stored since `since` (an ISO date or
 * instant), in the order they were stored. Idempotent: records already made are left alone, so
 * it is safe to run at any time — after a crash between a commit and its subscriber, or by the
 * hourly job over the last two days.
 */
export async function replayEvents(db: Db, committeeId: string, since: string, opts: { batch?: number } = {}): Promise<ReplayResult> {
  const out: ReplayResult = { events: 0, created: 0, voided: 0, unchanged: 0, ignored: 0 };
  const batch = opts.batch ?? 500;
  // A bare date is midnight in China.
  const from = /^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since}T00:00:00+08:00` : since;
  let after = 0;
  for (;;) {
    const { rows } = await db.execute<StoredEvent & { id: number }>(sql`
      select id, type, committee_id as "committeeId", entity_id as "entityId", payload, created_at as "createdAt"
      from domain_events
      where committee_id = ${committeeId} and created_at >= ${from}::timestamptz and id > ${after}
        and type in (select jsonb_array_elements_text(${JSON.stringify(HANDLED_EVENTS)}::jsonb))
      order by id limit ${batch}`);
    for (const e of rows) {
      out.events++;
      out[await applyDutyEvent(db, e)]++;
    }
    if (rows.length < batch) return out;
    after = rows[rows.length - 1].id;
  }
}

/** The committees with duty events since `since` (for the job that replays every committee). */
export async function committeesWithEvents(db: Db, since: string): Promise<string[]> {
  const { rows } = await db.execute<{ committeeId: string }>(sql`
    select distinct committee_id as "committeeId" from domain_events
    where created_at >= ${since}::timestamptz and type in (select jsonb_array_elements_text(${JSON.stringify(HANDLED_EVENTS)}::jsonb))`);
  return rows.map((r) => r.committeeId);
}
