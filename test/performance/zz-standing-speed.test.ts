import { sql } from 'drizzle-orm';
import { it } from 'vitest';
import { getMemberStanding, committeeStandings, runAssessment } from '../../src/modules/performance/index.js';
import { perfWorld } from './support.js';

it('speed (temporary)', async () => {
  const w = await perfWorld();
  const { db, committeeId } = w;
  // 500 members, 50 verified records each (bulk SQL, bench only).
  await db.execute(sql`insert into members (committee_id, name, name_pinyin, name_initials, gender, roles)
    select ${committeeId}, '委员' || g, 'weiyuan' || g, 'wy' || g, 'male', '{member}' from generate_series(1, 494) g`);
  const kinds = ['research', 'social_info', 'speech', 'liaison', 'training', 'plenary', 'proposal'];
  await db.execute(sql`
    insert into perf_duty_records (committee_id, kind, occurred_on, year, title, source, status, units, member_count)
    select ${committeeId}, (${JSON.stringify(kinds)}::jsonb)->>(((m.n + k) % 7)::int), '2025-05-01', 2025, 't', 'self_reported', 'verified', 1, 1
    from (select id, row_number() over () as n from members where committee_id = ${committeeId}) m, generate_series(1, 50) k`);
  await db.execute(sql`
    insert into perf_record_members (committee_id, record_id, member_id, year)
    select ${committeeId}, r.id, m.id, 2025
    from (select id, row_number() over (order by created_at, id) - 1 as rn from perf_duty_records where committee_id = ${committeeId}) r
    join (select id, row_number() over (order by id) - 1 as n from members where committee_id = ${committeeId}) m on m.n = r.rn / 50`);
  await db.execute(sql`analyze perf_duty_records; analyze perf_record_members`);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await getMemberStanding(db, committeeId, w.members[i % 6], 2025);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const t0 = performance.now();
  await committeeStandings(db, committeeId, { year: 2025, sort: 'points', page: 1, pageSize: 50 });
  const table = performance.now() - t0;
  const { scoreCommittee } = await import('../../src/modules/performance/queries/committee-standings.js');
  const plan = await db.execute(sql`explain analyze select rm.member_id, r.kind, rm.role, r.member_count, count(*)::int, sum(r.units)::float8, array_agg(r.id)
    from perf_record_members rm join perf_duty_records r on r.committee_id = rm.committee_id and r.id = rm.record_id and r.status = 'verified'
    where rm.committee_id = ${committeeId} and rm.year = 2025 group by rm.member_id, r.kind, rm.role, r.member_count`);
  console.log(plan.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
  const t2 = performance.now();
  await scoreCommittee(db, committeeId, 2025, { ids: true });
  console.log(`scoreCommittee with ids ${(performance.now() - t2).toFixed(0)} ms`);
  const t1 = performance.now();
  const run = await runAssessment(db, w.staff, { year: 2025 });
  const assess = performance.now() - t1;
  const t3 = performance.now();
  await runAssessment(db, w.staff, { year: 2025 });
  console.log(`rerun ${(performance.now() - t3).toFixed(0)} ms`);
  console.log(`standing p50 ${times[100].toFixed(1)} ms p95 ${times[190].toFixed(1)} ms; table ${table.toFixed(0)} ms; assessment of ${run.summary.members} members ${assess.toFixed(0)} ms`);
});
