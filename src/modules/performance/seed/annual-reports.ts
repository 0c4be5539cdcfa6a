import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { submitAnnualReport } from '../commands/submit-annual-report.js';
import type { Caller } from '../performance.policy.js';

/**
 * Demo 常委年度述职 reports: the office collects them from late November into January, so the demo
 * (loaded in December) has about three in five standing members' reports in, written from what
 * each of them did this year (their own duty records). The demo member's report is left out: the
 * demo shows him submitting it.
 */
export async function seedAnnualReports(
  db: Db, committeeId: string, short: string, year: number, rand: () => number, today: string, skipMemberId: string | null,
): Promise<number> {
  const { rows } = await db.execute<{ id: string; name: string; sector: string | null; roles: string[] }>(sql`
    select m.id, m.name, s.name as sector, m.roles from members m left join sectors s on s.committee_id = m.committee_id and s.id = m.sector_id
    where m.committee_id = ${committeeId} and m.status = 'active'
      and m.roles && array['standing', 'vice_chair', 'chair', 'secretary_general']::text[]
    order by m.name_pinyin, m.id`);
  const { rows: counts } = await db.execute<{ memberId: string; kind: string; n: number }>(sql`
    select rm.member_id as "memberId", r.kind, count(*)::int as n from perf_record_members rm
    join perf_duty_records r on r.committee_id = rm.committee_id and r.id = rm.record_id
    where rm.committee_id = ${committeeId} and rm.year = ${year} and r.status = 'verified'
    group by 1, 2`);
  const done = new Map<string, Map<string, number>>();
  for (const c of counts) (done.get(c.memberId) ?? done.set(c.memberId, new Map()).get(c.memberId)!).set(c.kind, c.n);

  let n = 0;
  for (const m of rows) {
    if (m.id === skipMemberId || rand() >= 0.6) continue;
    const caller: Caller = { committeeId, actor: { userId: null, label: 'seed:performance' }, grants: [{ role: 'member', memberId: m.id }], admin: false };
    await submitAnnualReport(db, caller, { year, body: reportBody(short, year, m.sector, done.get(m.id) ?? new Map(), rand) }, today);
    n++;
  }
  return n;
}

const count = (k: Map<string, number>, ...kinds: string[]) => kinds.reduce((s, x) => s + (k.get(x) ?? 0), 0);

function reportBody(short: string, year: number, sector: string | null, k: Map<string, number>, rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const meetings = count(k, 'plenary', 'standing_meeting');
  const consult = count(k, 'thematic_consultation', 'bimonthly_consultation');
  const trips = count(k, 'research', 'inspection');
  const info = count(k, 'social_info');
  const people = count(k, 'reception_day', 'liaison');
  const service = count(k, 'service', 'investment');
  const topic = pick(['乡村振兴产业发展', '优化营商环境', '义务教育均衡发展', '农村养老服务', '中药材产业高质量发展', '马铃薯全产业链']);
  return [
    `${year}年，本人作为${short}常委${sector ? `、${sector}界别委员` : ''}，坚持把学习贯彻党的创新理论作为履职首要任务，认真履行政治协商、民主监督、参政议政职能，现将一年来履职情况报告如下。`,
    `一、加强学习，筑牢履职根基。全年参加全体会议、常委会议${meetings}次，参加委员履职能力培训和“书香政协”读书活动，不断提高政治把握能力和建言资政水平。`,
    `二、围绕中心，积极建言献策。参加专题协商、双月协商座谈${consult}次，围绕“${topic}”等议题作了发言；参加调研视察${trips}次，形成的意见建议报送有关部门参考。`,
    `三、反映社情民意，助推问题解决。全年报送社情民意信息${info}篇，内容涉及群众关心的教育、医疗、养老等民生问题。`,
    `四、联系服务群众，践行为民初心。到委员工作站接待群众、走访界别群众${people}次，参加公益服务和招商引资活动${service}次，帮助协调解决群众反映的实际困难。`,
    `五、存在的不足和今后努力方向。深入基层调研还不够，提出的建议针对性和可操作性有待增强。${year + 1}年，本人将进一步加强学习，深入调查研究，履职尽责，为全市经济社会发展贡献力量。`,
  ].join('\n\n');
}
