import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/org/seed/demo.js';
import { seedDemandsDemo } from '../../src/modules/demands/seed/demo.js';
import { scratchDatabase } from '../support/db.js';

describe('demands demo seed', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeAll(async () => {
    database = await scratchDatabase();
    await seedDemo(database.db);
  }, 900_000);
  afterAll(async () => { await database?.drop(); });
  const q = <T extends Record<string, unknown>>(s: ReturnType<typeof sql>) => database.db.execute<T>(s).then((r) => r.rows);

  it('定西 has a year of demands in every state, 金昌 fewer, made through the commands; a rerun adds nothing', async () => {
    const summary = await seedDemandsDemo(database.db);
    expect(summary).toContain('dingxi 240');
    expect(summary).toContain('jinchang 60');
    const byState = await q<{ code: string; state: string; n: number }>(sql`select c.code, d.state, count(*)::int as n from demands d
      join committees c on c.id = d.committee_id group by 1, 2 order by 1, 2`);
    const dingxi = byState.filter((r) => r.code === 'dingxi').map((r) => r.state);
    expect(dingxi.sort()).toEqual(['answered', 'closed', 'converted', 'declined', 'member_handling', 'received', 'referred']);
    // Spread over the year, each answered after it was received.
    const [span] = await q<{ days: number; bad: number }>(sql`select extract(day from max(created_at) - min(created_at))::int as days,
      count(*) filter (where answered_at < created_at)::int as bad from demands`);
    expect(span.days).toBeGreaterThan(300);
    expect(span.bad).toBe(0);
    // Every demand's first audit row is its submission; every state change has its row.
    const [counts] = await q<{ demands: number; submits: number; moves: number; changes: number }>(sql`select
      (select count(*)::int from demands) as demands,
      (select count(*)::int from audit_log where action = 'demand.submit') as submits,
      (select count(*)::int from audit_log where entity = 'demand' and action not in ('demand.submit', 'demand.personal_data_read', 'demand.personal_data_erased')) as moves,
      (select count(*)::int from demands where state <> 'received') as changes`);
    expect(counts.submits).toBe(counts.demands);
    expect(counts.moves).toBeGreaterThanOrEqual(counts.changes);
    expect(await seedDemandsDemo(database.db)).toContain('已存在 / present');
  });
});
