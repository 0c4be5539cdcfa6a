import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/org/seed/demo.js';
import { seedSocialInfoDemo, type SocialInfoDemoResult } from '../../src/modules/social-info/seed/demo.js';
import { INFO_TRANSITIONS, infoWorkflow, type InfoAction, type InfoState } from '../../src/modules/social-info/index.js';
import { yearFigures } from '../../src/modules/social-info/queries/figures.js';
import { scratchDatabase } from '../support/db.js';

describe('social-info demo seed', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let result: SocialInfoDemoResult;
  let ms = 0;
  const year = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }));

  beforeAll(async () => {
    database = await scratchDatabase();
    await seedDemo(database.db);
    const t = Date.now();
    result = await seedSocialInfoDemo(database.db);
    ms = Date.now() - t;
    console.log(`social-info demo: ${JSON.stringify(result)} in ${ms} ms`);
  }, 900_000);
  afterAll(async () => { await database?.drop(); });

  const q = <T extends Record<string, unknown>>(s: ReturnType<typeof sql>) => database.db.execute<T>(s).then((r) => r.rows);

  it('about 120 items per city, every state, about 20 issues, adoptions and instructions at both levels', async () => {
    const rows = await q<{ code: string; state: InfoState; n: number }>(sql`
      select c.code, i.state, count(*)::int as n from social_info_items i join committees c on c.id = i.committee_id group by 1, 2`);
    for (const code of ['dingxi', 'jinchang']) {
      const mine = rows.filter((r) => r.code === code);
      expect(mine.reduce((n, r) => n + r.n, 0)).toBe(120);
      const by = Object.fromEntries(mine.map((r) => [r.state, r.n]));
      for (const s of ['submitted', 'screening', 'editing', 'sign_off', 'published', 'returned', 'archived', 'merged']) expect(by[s] ?? 0, `${code} ${s}`).toBeGreaterThan(0);
      expect(by.published).toBeGreaterThan(60);
    }
    const issues = await q<{ code: string; n: number }>(sql`
      select c.code, count(*)::int as n from social_info_issues i join committees c on c.id = i.committee_id where i.status = 'released' group by 1`);
    for (const r of issues) expect(r.n).toBeGreaterThanOrEqual(15);
    expect(issues.reduce((n, r) => n + r.n, 0)).toBe(result.issues);
    const levels = await q<{ code: string; level: string; n: number }>(sql`
      select c.code, r.level, count(*)::int as n from social_info_results r join committees c on c.id = r.committee_id where r.kind = 'instruction' group by 1, 2`);
    for (const code of ['dingxi', 'jinchang']) for (const level of ['provincial', 'city']) expect(levels.find((l) => l.code === code && l.level === level)?.n ?? 0).toBeGreaterThan(0);
  });

  it('numbers each periodical per year from 1 without gaps, in order of release', async () => {
    const rows = await q<{ periodical: string; numbers: number[]; ordered: boolean }>(sql`
      select i.periodical_id as periodical, array_agg(i.number order by i.number) as numbers,
             bool_and(i.released_at >= coalesce(prev.released_at, '-infinity')) as ordered
        from social_info_issues i
        left join social_info_issues prev on prev.periodical_id = i.periodical_id and prev.year = i.year and prev.number = i.number - 1
       where i.status = 'released' group by i.periodical_id, i.year`);
    expect(rows.length).toBe(6);
    for (const r of rows) {
      expect(r.numbers).toEqual(r.numbers.map((_, k) => k + 1));
      expect(r.ordered).toBe(true);
    }
  });

  it('every state was reached by legal moves (each move has its event), texts are 300–1,200 characters, dates spread over the year', async () => {
    const items = await q<{ id: string; state: InfoState; len: number; moves: { action: InfoAction; from: InfoState; to: InfoState }[] }>(sql`
      select i.id, i.state, char_length(regexp_replace(v.body, '\\s', '', 'g')) as len,
             (select json_agg(json_build_object('action', e.payload->>'action', 'from', e.payload->>'from', 'to', e.payload->>'to') order by e.id)
                from domain_events e where e.entity_id = i.id::text and e.payload ? 'from' and e.payload->>'action' <> 'submit') as moves
        from social_info_items i join social_info_versions v on v.item_id = i.id and v.version = 1`);
    for (const it of items) {
      expect(it.len).toBeGreaterThanOrEqual(300);
      expect(it.len).toBeLessThanOrEqual(1200);
      let s: InfoState = 'submitted';
      for (const m of it.moves ?? []) {
        expect(m.from).toBe(s);
        const plan = infoWorkflow.plan(s, m.action);
        expect(plan.ok, `${m.action} from ${s}`).toBe(true);
        if (plan.ok) s = plan.to;
        expect(m.to).toBe(s);
      }
      expect(s).toBe(it.state);
    }
    expect(Object.keys(INFO_TRANSITIONS)).toContain('merge');
    const months = await q<{ n: number }>(sql`
      select count(distinct extract(month from submitted_at at time zone 'Asia/Shanghai'))::int as n from social_info_items`);
    const month = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', month: 'numeric' }));
    expect(months[0].n).toBeGreaterThanOrEqual(Math.min(month, 10));
    const bad = await q<{ n: number }>(sql`select count(*)::int as n from social_info_items where published_at < submitted_at`);
    expect(bad[0].n).toBe(0);
  });

  it("the figures of the demo year are plausible, and the demo member's items reached their notices", async () => {
    const [{ id }] = await q<{ id: string }>(sql`select id from committees where code = 'dingxi'`);
    const f = await yearFigures(database.db, { committeeId: id, actor: { userId: null, label: 't' }, grants: [{ role: 'staff', office: 'info' }], admin: false }, year);
    expect(f.totals.received).toBe(120);
    expect(f.totals.issuesReleased).toBeGreaterThanOrEqual(15);
    expect(f.totals.adopted).toBeGreaterThan(5);
    expect(f.issues.map((i) => i.periodicalName)).toEqual(['社情民意', '政协信息', '专报']);
    expect(f.officers).toHaveLength(12);
    expect(f.monthly.reduce((n, m) => n + m.received, 0)).toBe(120);
    const notes = await q<{ kind: string }>(sql`
      select n.kind from notifications n join users u on u.id = n.user_id where u.username = 'dingxi-member'`);
    const kinds = new Set(notes.map((n) => n.kind));
    for (const k of ['social_info.published', 'social_info.forwarded', 'social_info.adopted', 'social_info.instructed', 'social_info.returned', 'social_info.archived']) expect(kinds, k).toContain(k);
  });
});
