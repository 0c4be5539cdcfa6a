import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/org/seed/demo.js';
import { committeeStandings, getActivity, getMemberStanding, listDutyRecords } from '../../src/modules/performance/index.js';
import { DEMO_PERFORMANCE_YEAR, seedPerformanceDemo } from '../../src/modules/performance/seed/demo.js';
import { scratchDatabase } from '../support/db.js';
import { callerFor } from './support.js';

describe('seedPerformanceDemo', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
  afterAll(async () => database?.drop());

  it('loads a year of activities and records for 定西 and 金昌, scored by their own rules: a real distribution (not more than half 优秀), an open activity for the demo member', async () => {
    database = await scratchDatabase();
    const { db } = database;
    await seedDemo(db);
    const started = Date.now();
    const ticks: number[] = [];
    const msg = await seedPerformanceDemo(db, { progress: (d) => ticks.push(d), now: new Date('2026-11-25T04:00:00Z') });
    const ms = Date.now() - started;
    // Printed, not asserted: speed is judged in `npm run bench`, not under a loaded test run.
    console.log(`${msg} — ${ms} ms`);
    expect(ticks).toEqual([1, 2]);

    for (const [code, name] of [['dingxi', '定西'], ['jinchang', '金昌']]) {
      const { rows } = await db.execute<{ id: string }>(sql`select id from committees where code = ${code}`);
      const s = await committeeStandings(db, rows[0].id, { year: DEMO_PERFORMANCE_YEAR, sort: 'points', page: 1, pageSize: 500 });
      const count = (key: string) => s.byGrade.find((g) => g.key === key)!.count;
      const top = s.items.filter((i) => i.rank === 1).length;
      console.log(code, s.rules.name, s.byGrade.map((g) => `${g.label} ${g.count}`).join(', '), `first place: ${top}`,
        `points ${s.items.at(-1)!.points}–${s.items[0].points}`);
      expect(s.total).toBeGreaterThan(300);
      // Each committee is scored by its own scheme, named for it.
      expect(s.rules.name).toContain(name);
      // A real group of 优秀, not more than half; most 良好 or 合格; a few below the bar.
      expect(count('excellent')).toBeGreaterThan(s.total * 0.08);
      expect(count('excellent')).toBeLessThanOrEqual(s.total * 0.5);
      expect(count('good') + count('pass')).toBeGreaterThan(s.total * 0.5);
      expect(count('fail')).toBeGreaterThan(0);
      expect(count('fail')).toBeLessThan(s.total * 0.1);
      // The tie-break of the rules separates the first places.
      expect(top).toBeLessThanOrEqual(3);
    }

    // The demo member: verified records, one pending self-report, an open activity to check in to.
    const { rows: g } = await db.execute<{ committeeId: string; memberId: string }>(sql`
      select r.committee_id as "committeeId", r.member_id as "memberId" from user_roles r join users u on u.id = r.user_id where u.username = 'dingxi-member'`);
    const { committeeId, memberId } = g[0];
    const standing = await getMemberStanding(db, committeeId, memberId, DEMO_PERFORMANCE_YEAR);
    expect(standing.rules.name).toContain('定西');
    expect(standing.total).toBeGreaterThanOrEqual(55);
    // Room below the 100-point ceiling and the meetings cap for the proposals demo's credits and a check-in to show.
    expect(standing.total).toBeLessThanOrEqual(85);
    expect(standing.byGroup.find((g) => g.key === 'meetings')!.capped).toBe(false);
    expect(standing.pending.length).toBeGreaterThanOrEqual(1);
    const member = callerFor(committeeId, [{ role: 'member', memberId }]);
    const mine = await listDutyRecords(db, member, { year: DEMO_PERFORMANCE_YEAR, page: 1, pageSize: 200 } as never);
    expect(mine.total).toBeGreaterThan(3);
    const { rows: open } = await db.execute<{ id: string }>(sql`select id from perf_activities where committee_id = ${committeeId} and status = 'open'`);
    expect(open.length).toBe(1);
    const a = await getActivity(db, member, open[0].id, new Date('2026-11-25T04:00:00Z'));
    expect(a.abilities.checkIn).toBe(true);
    const staffView = await getActivity(db, callerFor(committeeId, [{ role: 'staff', office: 'general' }]), open[0].id);
    expect(staffView.checkInCode).toMatch(/^\d{6}$/);

    // 述职: most standing members have handed theirs in (through the real command: one duty record
    // each), the demo member has not, so the demo can show him writing it.
    const { rows: rep } = await db.execute<{ due: number; submitted: number; records: number; demo: number }>(sql`
      select (select count(*)::int from members where committee_id = ${committeeId} and status = 'active'
                and roles && array['standing', 'vice_chair', 'chair', 'secretary_general']::text[]) as due,
             (select count(*)::int from perf_annual_reports where committee_id = ${committeeId} and year = ${DEMO_PERFORMANCE_YEAR}) as submitted,
             (select count(*)::int from perf_duty_records where committee_id = ${committeeId} and year = ${DEMO_PERFORMANCE_YEAR} and kind = 'annual_report') as records,
             (select count(*)::int from perf_annual_reports where committee_id = ${committeeId} and member_id = ${memberId}) as demo`);
    expect(rep[0].submitted).toBeGreaterThan(rep[0].due * 0.4);
    expect(rep[0].submitted).toBeLessThan(rep[0].due);
    expect(rep[0].records).toBe(rep[0].submitted);
    expect(rep[0].demo).toBe(0);
  }, 900_000);
});
