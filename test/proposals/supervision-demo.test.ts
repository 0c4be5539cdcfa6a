import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/org/seed/demo.js';
import { seedProposalsDemo } from '../../src/modules/proposals/seed/demo.js';
import { seedSupervisionDemo } from '../../src/modules/proposals/supervision.demo.js';
import { scratchDatabase } from '../support/db.js';

describe('key proposals demo seed', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let result: Awaited<ReturnType<typeof seedSupervisionDemo>>;

  beforeAll(async () => {
    database = await scratchDatabase();
    await seedDemo(database.db);
    await seedProposalsDemo(database.db);
    result = await seedSupervisionDemo(database.db);
  }, 900_000);
  afterAll(async () => { await database?.drop(); });

  it('shortlists about one in eight proposals in handling, approves most with a leader, channel and events', async () => {
    expect(result.shortlisted).toBeGreaterThanOrEqual(6);
    expect(result.approved).toBe(result.shortlisted - 3);
    const { rows } = await database.db.execute<{ status: string; n: number; led: number }>(sql`
      select status, count(*)::int as n, count(lead_leader_user_id)::int as led from proposal_keys group by status order by status`);
    expect(rows).toEqual([
      { status: 'approved', n: result.approved, led: result.approved },
      { status: 'declined', n: 1, led: 0 },
      { status: 'shortlisted', n: 2, led: 0 },
    ]);
    const { rows: [{ n }] } = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from proposal_supervision_events`);
    expect(n).toBe(result.events);
    const { rows: credits } = await database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from domain_events where type = 'duty.recorded' and payload->>'kind' = 'proposal_key'`);
    expect(credits[0].n).toBe(result.approved);
  });
});
