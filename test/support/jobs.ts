import { sql } from 'drizzle-orm';
import { JobEngine, type EngineOptions, type JobDef } from '../../src/platform/jobs.js';
import { eventBus } from '../../src/platform/events.js';
import type { Db } from '../../src/platform/db/database.js';
import { testDatabase } from './db.js';

export const silentLog = { info: () => {}, error: () => {}, warn: () => {} };

/**
 * A job engine on the test database with the subscribers registered so far (what a server runs).
 * Test files run side by side on one database: an engine only takes the tasks it knows, and
 * every subscriber here writes to the same database, so engines of other files do no harm.
 */
export async function startEngine(opts: EngineOptions & { jobs?: JobDef[]; database?: { url: string; db: Db } } = {}): Promise<JobEngine> {
  const engine = new JobEngine(opts.database ?? testDatabase(), silentLog, { pollMs: 200, ...opts });
  await engine.start(opts.jobs ?? []);
  return engine;
}

/** Waits until no delivery of the committee's events is waiting or running (failed ones are not waited for). */
export async function deliveriesDone(db: Db, committeeId: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const { rows } = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from graphile_worker.jobs j
        join graphile_worker._private_jobs p on p.id = j.id
        join domain_events e on e.id = (p.payload->>'eventId')::bigint
       where j.task_identifier like 'event:%' and (j.attempts < j.max_attempts or j.locked_at is not null) and e.committee_id = ${committeeId}`);
    if (rows[0].n === 0) return;
    if (Date.now() > until) throw new Error(`${rows[0].n} deliveries of committee ${committeeId} still queued after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Hands the committee's stored events to a subscriber again, as a second delivery would (it must change nothing). */
export async function redeliver(db: Db, committeeId: string, subscriber: string): Promise<number> {
  const sub = eventBus.all().find((s) => s.name === subscriber);
  if (!sub) throw new Error(`no subscriber ${subscriber}`);
  const { rows } = await db.execute<{ id: number; type: string; entity_id: string | null; payload: unknown; created_at: string }>(sql`
    select id, type, entity_id, payload, created_at from domain_events where committee_id = ${committeeId} order by id`);
  let n = 0;
  for (const r of rows) {
    if (!sub.types.includes(r.type) && !sub.types.includes('*')) continue;
    await sub.handler({ id: Number(r.id), type: r.type, committeeId, entityId: r.entity_id, payload: r.payload, createdAt: new Date(r.created_at).toISOString() });
    n++;
  }
  return n;
}
