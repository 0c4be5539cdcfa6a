import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/org/seed/demo.js';
import { seedNetworkDemo } from '../../src/modules/network/seed/demo.js';
import { networkOverview } from '../../src/modules/network/index.js';
import { scratchDatabase } from '../support/db.js';

describe('network demo seed', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeAll(async () => {
    database = await scratchDatabase();
    await seedDemo(database.db);
  }, 900_000);
  afterAll(async () => { await database?.drop(); });
  const q = <T extends Record<string, unknown>>(s: ReturnType<typeof sql>) => database.db.execute<T>(s).then((r) => r.rows);

  it("定西's seven counties have a station in every town, 渭源's villages rooms in two of three, a rota and receptions; 金昌 smaller; a rerun adds nothing", async () => {
    const r = await seedNetworkDemo(database.db);
    expect(r.counties).toBe(9);
    const places = await q<{ city: string; type: string; n: number }>(sql`
      select city.code as city, p.type, count(*)::int as n from network_places p join committees c on c.id = p.committee_id join committees city on city.id = c.parent_id
      group by 1, 2 order by 1, 2`);
    expect(places).toEqual([
      { city: 'dingxi', type: 'liaison', n: 4 }, { city: 'dingxi', type: 'room', n: 36 }, { city: 'dingxi', type: 'station', n: 121 }, { city: 'dingxi', type: 'studio', n: 14 },
      { city: 'jinchang', type: 'station', n: 9 }, { city: 'jinchang', type: 'studio', n: 4 },
    ]);
    const weiyuan = (await q<{ id: string }>(sql`select id from committees where code = 'weiyuan'`))[0].id;
    const page = await networkOverview(database.db, weiyuan);
    expect(page.totals).toMatchObject({ villages: 48, covered: 36 });
    expect(page.towns.find((t) => t.name === '田家河乡')).toMatchObject({ villages: 5, covered: 4, places: { station: 1, room: 4 }, members: 7 });
    expect(r.receptions).toBeGreaterThan(100);
    // Through the commands: audit rows and one duty event per reception.
    const [{ n: audits }] = await q<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'network_reception.record'`);
    const [{ n: duties }] = await q<{ n: number }>(sql`select count(*)::int as n from domain_events where type = 'duty.recorded' and payload->>'sourceRef' like 'network:reception:%'`);
    expect([audits, duties]).toEqual([r.receptions, r.receptions]);
    expect(await seedNetworkDemo(database.db)).toEqual({ counties: 0, regions: 0, places: 0, receptions: 0 });
  }, 600_000); // some 4,000 commands; 41 s on a quiet run, over a minute when the machine is shared
});
