import { sql } from 'drizzle-orm';
import { listQuery } from '../src/modules/social-info/contracts.js';
import { itemFilter } from '../src/modules/social-info/queries/list-items.js';
import type { Caller } from '../src/modules/social-info/social-info.policy.js';
import { openBenchDatabase } from './dataset.js';
import { parseOptions } from './options.js';

/**
 * EXPLAIN ANALYZE of the social-info list and search queries on the bench data set (the same SQL
 * listItems builds), for a large and a small committee:
 *   BENCH_DATA_DIR=… BENCH_MEMBERS=… BENCH_COMMITTEES=… node --import tsx bench/social-info-explain.ts
 */
const o = parseOptions();
const database = await openBenchDatabase(o);
const db = database.db;
try {
  const { rows } = await db.execute<{ id: string; code: string; n: number }>(sql`
    select i.committee_id as id, c.code, count(*)::int as n from social_info_items i join committees c on c.id = i.committee_id
     group by 1, 2 order by 3 desc`);
  const picks = [rows[0], rows[Math.floor(rows.length / 2)]];
  const cases: Record<string, string>[] = [
    {}, { state: 'submitted,screening' }, { year: '2026' }, { state: 'published', year: '2025' }, { q: '农村供水' }, { q: '马铃薯价格' }, { q: '建议加强' }, { q: '养老服务' },
  ];
  for (const c of picks) {
    const caller: Caller = { committeeId: c.id, actor: { userId: null, label: 'explain' }, grants: [{ role: 'staff', office: 'info' }], admin: false };
    for (const q of cases) {
      const { where, order, hits } = itemFilter(caller, listQuery.parse({ ...q, page: '1', pageSize: '20' }));
      const run = async (stmt: ReturnType<typeof sql>) => (await db.execute<{ 'QUERY PLAN': string }>(stmt)).rows.map((r) => r['QUERY PLAN']);
      const list = await run(sql`explain (analyze, buffers) select i.id, i.title, ${hits} as hits from social_info_items i where ${where} order by ${order} limit 20`);
      const count = await run(sql`explain (analyze, buffers) select count(*)::int from social_info_items i where ${where}`);
      const time = (plan: string[]) => plan.find((l) => l.startsWith('Execution Time'))!.replace('Execution Time: ', '');
      const scans = (plan: string[]) => [...new Set(plan.flatMap((l) => [...l.matchAll(/(?:Index(?: Only)? Scan|Bitmap Index Scan)(?: using)? on (\w+)/g)].map((m) => m[1])))].join('+') || 'seq';
      console.log(`${c.code.padEnd(20)} ${String(c.n).padStart(6)} items  ${JSON.stringify(q).padEnd(40)} list ${time(list).padStart(10)} [${scans(list)}]  count ${time(count).padStart(10)} [${scans(count)}]`);
      if (process.env.EXPLAIN_VERBOSE) console.log(list.join('\n'));
    }
  }
} finally {
  await database.close();
}
