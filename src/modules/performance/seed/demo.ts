import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { rng } from '../../org/index.js';
import { closeActivity } from '../commands/close-activity.js';
import { createActivity } from '../commands/create-activity.js';
import { markAttendance } from '../commands/mark-attendance.js';
import { rejectDutyRecord } from '../commands/reject-duty-record.js';
import { saveRules } from '../commands/save-rules.js';
import { submitDutyRecord } from '../commands/submit-duty-record.js';
import { verifyDutyRecord } from '../commands/verify-duty-record.js';
import type { ActivityInput, RecordInput } from '../contracts.js';
import type { ActivityType } from '../domain/kinds.js';
import { chinaDate, yearOf } from '../../../platform/time.js';
import type { Caller } from '../performance.policy.js';
import { seedAnnualReports } from './annual-reports.js';

/**
 * 履职 demo data for 定西市政协 and 金昌市政协: a year (2026) of activities, invitations,
 * attendance (most attend, some excused, a few unexcused), and self-reported records (most
 * verified, some pending, some rejected) — all through the real commands, deterministic (one
 * PRNG per committee). Each committee is scored by its own preset (定西, 金昌: base 60 + small
 * bonuses with tight caps, deductions for unexcused absence), and members differ as they do in a real committee: a few hardly take
 * part, most attend and report a little (合格/良好), an active group reports much more (优秀), so
 * the year's distribution separates people instead of putting nine in ten at the top.
 * One activity stays open today (China time) for the check-in demo.
 */
export const DEMO_PERFORMANCE_YEAR = 2026;
export const DEMO_PERFORMANCE_COMMITTEES = ['dingxi', 'jinchang'] as const;

interface M { id: string; roles: string[]; standing: boolean }
type Plan = { type: ActivityType; title: string; date: string; halfDays: number; pick: 'all' | 'standing' | number; place: string; organiserKind?: ActivityInput['organiserKind'] };


function plansFor(short: string): Plan[] {
  const p: Plan[] = [
    { type: 'plenary', title: `${short}全体会议（年度大会）`, date: '2026-01-12', halfDays: 5, pick: 'all', place: '政协会议中心' },
  ];
  ['02-26', '04-23', '06-25', '08-27', '10-29'].forEach((d, i) =>
    p.push({ type: 'standing_meeting', title: `${short}常委会第${'一二三四五'[i]}次会议`, date: `2026-${d}`, halfDays: 1, pick: 'standing', place: '政协机关三楼会议室' }));
  [['03-18', '推进乡村振兴产业发展'], ['05-20', '优化营商环境'], ['07-15', '黄河流域生态保护'], ['09-16', '文旅融合发展']].forEach(([d, t]) =>
    p.push({ type: 'thematic_consultation', title: `“${t}”专题协商会`, date: `2026-${d}`, halfDays: 1, pick: 150, place: '市民中心第一会议室', organiserKind: 'special_committee' }));
  [['02-10', '中药材产业高质量发展'], ['04-14', '义务教育均衡发展'], ['06-09', '农村养老服务'], ['08-11', '马铃薯全产业链'], ['10-13', '城市更新']].forEach(([d, t]) =>
    p.push({ type: 'bimonthly_consultation', title: `双月协商座谈会：${t}`, date: `2026-${d}`, halfDays: 1, pick: 120, place: '政协机关三楼会议室' }));
  [['03-25', '赴县区调研高标准农田建设'], ['05-12', '调研中小学课后服务'], ['06-17', '调研基层医疗卫生服务'], ['07-22', '赴工业园区调研'],
    ['09-09', '调研生态环境保护'], ['10-21', '调研民营企业发展']].forEach(([d, t]) =>
    p.push({ type: 'research', title: t, date: `2026-${d}`, halfDays: 2, pick: 60, place: '县区', organiserKind: 'special_committee' }));
  p.push({ type: 'inspection', title: '视察重点项目建设', date: '2026-06-03', halfDays: 1, pick: 60, place: '重点项目现场' });
  p.push({ type: 'training', title: '新任委员履职能力培训班', date: '2026-03-05', halfDays: 4, pick: 200, place: '市委党校' });
  p.push({ type: 'training', title: '委员履职能力提升培训班', date: '2026-09-22', halfDays: 4, pick: 200, place: '市委党校' });
  ['04-23', '09-24'].forEach((d, i) =>
    p.push({ type: 'reading_day', title: `书香政协读书日（第${'一二'[i]}期）`, date: `2026-${d}`, halfDays: 1, pick: 40, place: '委员之家' }));
  ['01-20', '03-10', '05-08', '07-08', '09-02', '11-10'].forEach((d) =>
    p.push({ type: 'reception_day', title: `委员接待日（${Number(d.slice(0, 2))}月）`, date: `2026-${d}`, halfDays: 1, pick: 10, place: '委员工作站', organiserKind: 'station' }));
  return p;
}

const SOCIAL_TITLES = ['关于加强农村留守老人关爱服务的建议', '关于规范校外培训机构的建议', '关于提升县域医疗服务能力的建议', '关于解决城区停车难的建议', '关于扶持中药材合作社的建议', '关于加强农村饮水安全的建议'];
const INVEST_TITLES = ['赴兰州参加招商推介会', '赴深圳开展招商考察', '对接浙江企业来定投资', '参加东西部协作招商洽谈'];
const SERVICE_TITLES = ['捐资助学活动', '送医下乡义诊', '“委员在行动”公益服务', '慰问困难群众'];
const LIAISON_TITLES = ['走访界别群众', '在委员工作站接待群众'];
const SPEECH_TITLES = ['全体会议大会发言：加快中药材产业链建设', '常委会议发言：推动县域经济高质量发展', '专题协商会发言：改善农村人居环境'];
const TRIP_TITLES = ['随专委会赴县区调研农村饮水安全', '参加市政协视察城市更新项目', '参加民主监督小组走访承办单位'];
const REJECT_REASONS = ['缺少活动照片或签到表', '与会议签到记录重复，请核对', '佐证材料不足，请补充后重新提交'];

const at = (date: string, hour = 9) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;

export async function seedPerformanceDemo(db: Db, opts: { progress?: (done: number, total: number) => void; seed?: number; now?: Date } = {}): Promise<string> {
  const today = chinaDate(opts.now ?? new Date());
  const total = DEMO_PERFORMANCE_COMMITTEES.length;
  let done = 0;
  const lines: string[] = [];
  // The committees are independent (one PRNG each): load them side by side.
  await Promise.all(DEMO_PERFORMANCE_COMMITTEES.map(async (code, n) => {
    const { rows: c } = await db.execute<{ id: string; shortName: string }>(sql`select id, short_name as "shortName" from committees where code = ${code}`);
    if (!c[0]) return;
    const r = await seedCommittee(db, code, c[0].id, c[0].shortName, (opts.seed ?? 1) * 104729 + n * 31 + 17, today);
    lines[n] = `${c[0].shortName} ${r.activities} 项活动、${r.records} 条自报记录、${r.reports} 份常委述职`;
    opts.progress?.(++done, total);
  }));
  return `履职演示数据 / duty performance demo: ${lines.filter(Boolean).join('；')}`;
}

async function seedCommittee(db: Db, code: string, committeeId: string, short: string, seed: number, today: string) {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const actor = { userId: null, label: 'seed:performance' };
  const staff: Caller = { committeeId, actor, grants: [{ role: 'staff', office: 'member_affairs' }], admin: false };
  const asMember = (id: string): Caller => ({ committeeId, actor, grants: [{ role: 'member', memberId: id }], admin: false });

  const preset = code === 'jinchang' ? 'jinchang' : 'dingxi';
  await saveRules(db, staff, { year: DEMO_PERFORMANCE_YEAR, preset, note: `演示：${short}委员履职考核办法` });

  const { rows } = await db.execute<{ id: string; roles: string[] }>(sql`select id, roles from members where committee_id = ${committeeId} and status = 'active' order by name_pinyin, id`);
  const members: M[] = rows.map((m) => ({ ...m, standing: m.roles.some((x) => x !== 'member') }));
  // The demo member login (dingxi-member), if this committee has one.
  const { rows: demoRows } = await db.execute<{ memberId: string | null }>(sql`
    select member_id as "memberId" from user_roles where committee_id = ${committeeId} and role = 'member' and member_id is not null order by member_id limit 1`);
  const demoMember = demoRows[0]?.memberId ?? null;
  // How each member takes part this year: a few hardly (attend little, report nothing), most
  // steadily, an active group (about a quarter) much more — they are also invited more often.
  type Tier = 'low' | 'steady' | 'active';
  const tier = new Map<string, Tier>(members.map((m) => {
    const x = rand();
    return [m.id, x < 0.07 ? 'low' : x < 0.75 ? 'steady' : 'active'];
  }));
  const diligence = new Map(members.map((m) => {
    const t = tier.get(m.id)!;
    return [m.id, t === 'low' ? 0.2 + rand() * 0.35 : t === 'steady' ? 0.7 + rand() * 0.2 : 0.9 + rand() * 0.1];
  }));
  if (demoMember) {
    tier.set(demoMember, 'steady');
    diligence.set(demoMember, 0.95);
  }
  let activities = 0;
  for (const plan of plansFor(short)) {
    let invitees: M[];
    if (plan.pick === 'all') invitees = members;
    else if (plan.pick === 'standing') invitees = members.filter((m) => m.standing);
    else {
      const n = plan.pick;
      // The active are invited about twice as often; the demo member is kept to the meetings and
      // a few reports, well below the caps, so that a check-in shows.
      invitees = members.filter((m) => rand() < (n / members.length) * (tier.get(m.id) === 'active' ? 1.8 : 0.8) && m.id !== demoMember);
    }
    if (!invitees.length) continue;
    const id = await createActivity(db, staff, {
      type: plan.type, title: plan.title, startsAt: at(plan.date), endsAt: plan.halfDays > 2 ? at(addDays(plan.date, Math.ceil(plan.halfDays / 2) - 1), 17) : at(plan.date, 17),
      halfDays: plan.halfDays, place: plan.place, organiserKind: plan.organiserKind ?? 'committee', organiserName: plan.organiserKind === 'station' ? '委员工作站' : null,
      inviteeIds: invitees.map((m) => m.id),
    });
    activities++;
    const entries: { memberId: string; status: 'attended' | 'excused' | 'absent'; reason?: string | null }[] = [];
    for (const m of invitees) {
      const d = diligence.get(m.id)!;
      const x = rand();
      const attend = plan.type === 'plenary' ? 0.97 * d + 0.03 : d * 0.92;
      if (x < attend) {
        entries.push({ memberId: m.id, status: 'attended' });
      }
      // Those who hardly take part mostly stay away without leave (the deductions that make 不合格).
      else if (x < attend + (1 - attend) * (tier.get(m.id) === 'low' ? 0.4 : plan.type === 'plenary' ? 0.9 : 0.85)) entries.push({ memberId: m.id, status: 'excused', reason: pick(['因公出差', '身体原因请假', '参加单位重要会议', '家中有事']) });
      // the rest stay unanswered: closing the activity makes them absent without leave
    }
    for (let i = 0; i < entries.length; i += 500) await markAttendance(db, staff, id, { entries: entries.slice(i, i + 500) });
    await closeActivity(db, staff, id);
  }

  // An activity open now, whatever the hour the demo is loaded or used: staff show its code,
  // invited members check in on their phones. It began yesterday morning and runs three days
  // (check-in opens two hours before the start: one starting today at 08:00 refused check-ins
  // made between midnight and 06:00 China time).
  await createActivity(db, staff, {
    type: 'bimonthly_consultation', title: '双月协商座谈会：冬春季农村供暖保障', startsAt: at(addDays(today, -1), 8), endsAt: at(addDays(today, 2), 18), halfDays: 1,
    place: '政协机关三楼会议室', inviteeIds: [...new Set([...(demoMember ? [demoMember] : []), ...members.filter((m) => m.standing).map((m) => m.id)])],
  });
  activities++;

  // Self-reported records: social information, investment, service, liaison; most verified.
  const lastDay = today < `${DEMO_PERFORMANCE_YEAR}-11-20` ? today : `${DEMO_PERFORMANCE_YEAR}-11-20`;
  const dayOf = () => {
    const d = new Date(Date.UTC(DEMO_PERFORMANCE_YEAR, 0, 1) + Math.floor(rand() * 320) * 86400000).toISOString().slice(0, 10);
    return d > lastDay ? lastDay : d;
  };
  type Planned = { memberId: string; input: RecordInput; decision: 'verify' | 'reject' | 'pending'; reason: string };
  const planned: Planned[] = [];
  const extra = (): RecordInput => {
    const x = rand();
    if (x < 0.35) return { kind: 'investment', occurredOn: dayOf(), title: pick(INVEST_TITLES),
      metrics: { enterprisesContacted: 2 + Math.floor(rand() * 12), projectsSigned: Math.floor(rand() * 3), amountWan: Math.floor(rand() * 50) * 100 }, evidence: [{ name: '签约仪式照片.jpg' }] };
    if (x < 0.75) return { kind: 'service', occurredOn: dayOf(), title: pick(SERVICE_TITLES),
      metrics: { studentsFunded: Math.floor(rand() * 10), peopleServed: 10 + Math.floor(rand() * 200), amountDonatedWan: Math.round(rand() * 50) / 10 }, evidence: [{ name: '活动照片.jpg' }] };
    return { kind: 'liaison', occurredOn: dayOf(), title: pick(LIAISON_TITLES),
      metrics: { peopleReceived: 3 + Math.floor(rand() * 30), demandsCollected: Math.floor(rand() * 6) }, evidence: [{ name: '接待登记表.jpg' }] };
  };
  const social = (): RecordInput => ({ kind: 'social_info', occurredOn: dayOf(), title: pick(SOCIAL_TITLES), evidence: [{ name: '信息原文.docx' }] });
  const speech = (): RecordInput => ({ kind: 'speech', occurredOn: dayOf(), title: pick(SPEECH_TITLES), evidence: [{ name: '发言稿.docx' }] });
  const trip = (): RecordInput => ({ kind: pick(['research', 'inspection'] as const), occurredOn: dayOf(), title: pick(TRIP_TITLES), evidence: [{ name: '调研报告.docx' }] });
  const times = <T>(n: number, f: () => T) => Array.from({ length: n }, f);
  for (const m of members) {
    const t = tier.get(m.id)!;
    const inputs: RecordInput[] = m.id === demoMember
      ? [social(), social()]
      : t === 'low' ? (rand() < 0.4 ? [social()] : [])
      : t === 'steady' ? [...times(Math.floor(rand() * 4), social), ...(rand() < 0.6 ? [extra()] : []), ...(rand() < 0.2 ? [trip()] : [])]
      : [...times(3 + Math.floor(rand() * 5), social), ...times(1 + Math.floor(rand() * 3), extra), ...(rand() < 0.7 ? [speech()] : []), ...(rand() < 0.6 ? [trip()] : [])];
    if (m.id === demoMember) inputs.push({ kind: 'service', occurredOn: lastDay, title: '为山区学校捐赠图书', metrics: { studentsFunded: 0, peopleServed: 120, amountDonatedWan: 1.5 }, evidence: [{ name: '捐赠照片.jpg' }] });
    inputs.forEach((input, k) => {
      const x = rand();
      // Most reports are verified, some rejected, some still waiting; the demo member's last one is pending.
      const decision = m.id === demoMember ? (k === inputs.length - 1 ? 'pending' : 'verify')
        : x < 0.88 ? 'verify' : x < 0.95 ? 'reject' : 'pending';
      planned.push({ memberId: m.id, input, decision, reason: pick(REJECT_REASONS) });
    });
  }
  let next = 0;
  const worker = async () => {
    while (next < planned.length) {
      const p = planned[next++];
      const id = await submitDutyRecord(db, asMember(p.memberId), p.input, today);
      if (p.decision === 'verify') await verifyDutyRecord(db, staff, id);
      else if (p.decision === 'reject') await rejectDutyRecord(db, staff, id, { reason: p.reason });
    }
  };
  await Promise.all([worker(), worker()]);
  const records = planned.length;
  // 述职 reports are written at the year's end: from mid-November of the demo year into the next.
  const reportYearOpen = today >= `${DEMO_PERFORMANCE_YEAR}-11-15` && yearOf(today) <= DEMO_PERFORMANCE_YEAR + 1;
  const reports = reportYearOpen ? await seedAnnualReports(db, committeeId, short, DEMO_PERFORMANCE_YEAR, rand, today, demoMember) : 0;
  return { activities, records, reports };
}

function addDays(date: string, n: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}
