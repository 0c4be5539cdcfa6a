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

  it('loads a year of activities and records for 定西 and 金昌: ~90 % at 90 points or more, an open activity for the demo member', async () => {
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

    for (const code of ['dingxi', 'jinchang']) {
      const { rows } = await db.execute<{ id: string }>(sql`select id from committees where code = ${code}`);
      const s = await committeeStandings(db, rows[0].id, { year: DEMO_PERFORMANCE_YEAR, sort: 'points', page: 1, pageSize: 500 });
      const share = s.items.filter((i) => i.points >= 90).length / s.total;
      console.log(code, s.byGrade.map((g) => `${g.label} ${g.count}`).join(', '), `≥90: ${(share * 100).toFixed(1)}%`);
      expect(s.total).toBeGreaterThan(300);
      expect(share).toBeGreaterThan(0.85);
      expect(share).toBeLessThan(0.97);
      expect(s.byGrade.filter((g) => g.count > 0).length).toBeGreaterThanOrEqual(3);
    }

    // The demo member: verified records, one pending self-report, an open activity to check in to.
    const { rows: g } = await db.execute<{ committeeId: string; memberId: string }>(sql`
      select r.committee_id as "committeeId", r.member_id as "memberId" from user_roles r join users u on u.id = r.user_id where u.username = 'dingxi-member'`);
    const { committeeId, memberId } = g[0];
    const standing = await getMemberStanding(db, committeeId, memberId, DEMO_PERFORMANCE_YEAR);
    expect(standing.total).toBeGreaterThanOrEqual(70);
    // Room below the 120-point ceiling for the proposals demo's credits and a check-in to show.
    expect(standing.total).toBeLessThanOrEqual(80);
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
  }, 240_000);
});
