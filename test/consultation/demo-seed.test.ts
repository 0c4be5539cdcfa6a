import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/org/seed/demo.js';
import { seedConsultationDemo } from '../../src/modules/consultation/seed/demo.js';
import { scratchDatabase } from '../support/db.js';

describe('consultation demo seed', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeAll(async () => {
    database = await scratchDatabase();
    await seedDemo(database.db);
  }, 900_000);
  afterAll(async () => { await database?.drop(); });
  const q = <T extends Record<string, unknown>>(s: ReturnType<typeof sql>) => database.db.execute<T>(s).then((r) => r.rows);

  it("定西's plan is issued with the five topics and an adjustment under review; 金昌's small one is issued; meetings in every state; a rerun adds nothing", async () => {
    expect(await seedConsultationDemo(database.db)).toEqual({ plans: 3, items: 10, topics: 9, meetings: 14, outcomes: 6 });
    const plans = await q<{ code: string; version: number; state: string; items: number }>(sql`
      select c.code, p.version, p.state, (select count(*)::int from consultation_plan_items i where i.plan_id = p.id) as items
        from consultation_plans p join committees c on c.id = p.committee_id order by 1, 2`);
    expect(plans).toEqual([
      { code: 'dingxi', version: 1, state: 'issued', items: 7 },
      { code: 'dingxi', version: 2, state: 'chair_review', items: 8 },
      { code: 'jinchang', version: 1, state: 'issued', items: 2 },
    ]);
    const titles = await q<{ title: string }>(sql`select i.title from consultation_plan_items i join consultation_plans p on p.id = i.plan_id
      join committees c on c.id = p.committee_id where c.code = 'dingxi' and p.version = 1 and i.topic_id is not null order by i.title`);
    expect(titles.map((t) => t.title).sort()).toEqual(['促进民营经济高质量发展', '和美乡村建设', '打好新型工业化攻坚战', '推动中医药产业高质量发展', '金融服务保障强工业行动'].sort());
    // Made through the commands: every plan step has its audit row.
    const audit = await q<{ action: string; n: number }>(sql`select action, count(*)::int as n from audit_log where action like 'consultation_%' group by 1 order by 1`);
    expect(Object.fromEntries(audit.map((a) => [a.action, a.n]))).toMatchObject({
      'consultation_plan.create': 3, 'consultation_plan.submit_review': 3, 'consultation_plan.decide': 2, 'consultation_plan.issue': 2,
      'consultation_plan.adjust': 1, 'consultation_topic.submit': 9, 'consultation_topic.accept': 7, 'consultation_topic.decline': 2,
    });
    const meetings = await q<{ code: string; state: string; n: number }>(sql`select c.code, m.state, count(*)::int as n from consultation_meetings m
      join committees c on c.id = m.committee_id group by 1, 2 order by 1, 2`);
    expect(meetings).toEqual([
      { code: 'dingxi', state: 'cancelled', n: 1 }, { code: 'dingxi', state: 'closed', n: 5 }, { code: 'dingxi', state: 'held', n: 2 },
      { code: 'dingxi', state: 'notified', n: 2 }, { code: 'dingxi', state: 'preparing', n: 2 },
      { code: 'jinchang', state: 'closed', n: 1 }, { code: 'jinchang', state: 'notified', n: 1 },
    ]);
    const outcomes = await q<{ state: string; n: number }>(sql`select state, count(*)::int as n from consultation_outcomes group by 1 order by 1`);
    expect(outcomes).toEqual([{ state: 'concluded', n: 2 }, { state: 'draft', n: 1 }, { state: 'referred', n: 2 }, { state: 'sent', n: 1 }]);
    const [recs] = await q<{ total: number; results: number; instructions: number; speeches: number }>(sql`select
      (select count(*)::int from consultation_recommendations) as total, (select count(*)::int from consultation_recommendations where result is not null) as results,
      (select count(*)::int from consultation_instructions) as instructions, (select count(*)::int from consultation_speeches) as speeches`);
    expect(recs.results).toBeGreaterThan(0);
    expect(recs).toMatchObject({ instructions: 5, speeches: 33 });
    expect(await seedConsultationDemo(database.db)).toEqual({ plans: 0, items: 0, topics: 0, meetings: 0, outcomes: 0 });
  });
});
