import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { addDays } from '../../../platform/calendar.js';
import { chinaDate } from '../../../platform/time.js';
import { cancelMeeting, closeMeeting, createMeeting, holdMeeting, notifyMeeting, recordMinutes, replyToInvitation } from '../commands/meetings.js';
import { concludeOutcome, createOutcome, giveFeedback, recordInstruction, recordResult, referOutcome, sendOutcome } from '../commands/outcomes.js';
import { addExpert, arrangeSpeakers, submitSpeech } from '../commands/speeches.js';
import type { Caller } from '../consultation.policy.js';
import { recommendationsOf, referralsOf } from '../outcomes.repository.js';

/**
 * Meetings, speeches and outcomes for the demo, through the real commands, on the items of the
 * plan in force: in 定西 a dozen meetings in every state (5 closed with minutes, 2 held, 2
 * notified, 2 in preparation, 1 cancelled), speeches with ordered oral speakers, 协商专报 /
 * 建议案 / 参阅件 sent with 批示, referred to units that answered, and results per recommendation;
 * in 金昌 two meetings and one document. Past meetings are dated back from today, so every date
 * stays before today. Idempotent: a committee that has meetings is skipped.
 */
type Plan = { state: 'closed' | 'held' | 'notified' | 'preparing' | 'cancelled'; daysFromToday: number; item: number; outcome?: 'full' | 'sent' | 'draft' };
const DINGXI: Plan[] = [
  { state: 'closed', daysFromToday: -75, item: 0, outcome: 'full' },
  { state: 'closed', daysFromToday: -60, item: 4, outcome: 'full' },
  { state: 'closed', daysFromToday: -48, item: 1, outcome: 'full' },
  { state: 'closed', daysFromToday: -36, item: 2, outcome: 'sent' },
  { state: 'closed', daysFromToday: -24, item: 3, outcome: 'draft' },
  { state: 'held', daysFromToday: -6, item: 5 },
  { state: 'held', daysFromToday: -3, item: 0 },
  { state: 'notified', daysFromToday: 12, item: 4 },
  { state: 'notified', daysFromToday: 20, item: 6 },
  { state: 'preparing', daysFromToday: 35, item: 2 },
  { state: 'preparing', daysFromToday: 50, item: 1 },
  { state: 'cancelled', daysFromToday: 8, item: 3 },
];
const JINCHANG: Plan[] = [
  { state: 'closed', daysFromToday: -40, item: 0, outcome: 'full' },
  { state: 'notified', daysFromToday: 15, item: 1 },
];
const RECOMMENDATIONS: Record<string, string[]> = {
  促进民营经济高质量发展: ['设立民营企业应急转贷资金池，降低续贷成本', '建立拖欠民营企业账款清理长效机制', '推行涉企行政检查"综合查一次"'],
  金融服务保障强工业行动: ['扩大政府性融资担保覆盖面，重点支持技改项目', '推动银行机构开发"园区贷"专属产品'],
  和美乡村建设: ['将农村人居环境整治纳入乡镇年度考核', '培育一批乡村特色产业示范村', '完善村规民约，推进移风易俗'],
  打好新型工业化攻坚战: ['培育链主企业，延伸马铃薯和中药材加工产业链', '加快工业园区标准化厂房建设'],
};
const KINDS = ['report', 'proposal', 'reference'] as const;

export async function seedMeetingsDemo(db: Db, code: 'dingxi' | 'jinchang'): Promise<{ meetings: number; outcomes: number }> {
  const out = { meetings: 0, outcomes: 0 };
  const { rows: [c] } = await db.execute<{ id: string }>(sql`select id from committees where code = ${code}`);
  if (!c) return out;
  const committeeId = c.id;
  if ((await db.execute(sql`select 1 from consultation_meetings where committee_id = ${committeeId} limit 1`)).rows.length) return out;
  const { rows: items } = await db.execute<{ id: string; title: string }>(sql`select i.id, i.title from consultation_plan_items i
    join consultation_plans p on p.id = i.plan_id and p.committee_id = i.committee_id
    where i.committee_id = ${committeeId} and p.state = 'issued' order by p.version, i.sort, i.created_at, i.id`);
  if (!items.length) return out;
  const { rows: members } = await db.execute<{ id: string }>(sql`select id from members where committee_id = ${committeeId} and status = 'active' order by name_pinyin, id limit 12`);
  const { rows: units } = await db.execute<{ id: string }>(sql`select id from handling_units where committee_id = ${committeeId} and active order by name, id limit 4`);
  const office: Caller = { committeeId, actor: { userId: null, label: 'seed:政协办公室' }, grants: [{ role: 'staff', office: 'general' }], admin: false };
  const member = (id: string): Caller => ({ committeeId, actor: { userId: null, label: 'seed:委员' }, grants: [{ role: 'member', memberId: id }], admin: false });
  const clerk = (unitId: string): Caller => ({ committeeId, actor: { userId: null, label: 'seed:承办单位' }, grants: [{ role: 'unit_clerk', unitId }], admin: false });
  const today = chinaDate();
  const day = (n: number) => addDays(today, n);

  const experts = code === 'dingxi'
    ? [await addExpert(db, office, { name: '李文华', field: '区域经济', affiliation: '兰州大学经济学院' }), await addExpert(db, office, { name: '赵明远', field: '中药材产业', affiliation: '甘肃中医药大学' })]
    : [];
  const plans = code === 'dingxi' ? DINGXI : JINCHANG;
  for (const [n, p] of plans.entries()) {
    const item = items[p.item % items.length];
    const invited = members.slice(n % 4, (n % 4) + 6).map((m) => m.id);
    const id = await createMeeting(db, office, item.id, {
      startsAt: `${day(p.daysFromToday)}T09:30:00+08:00`, place: n % 3 === 2 ? null : `${code === 'dingxi' ? '市政协' : '金昌市政协'}四楼会议室`,
      onlineLink: n % 3 === 2 ? 'https://meet.example.cn/xieshang-demo' : null,
      agenda: '一、有关部门通报情况\n二、委员和专家发言\n三、部门回应\n四、领导讲话', officials: ['市政府分管副市长', '有关部门主要负责人'],
      memberIds: invited, expertIds: n % 2 ? experts.slice(0, 1) : experts,
    });
    out.meetings++;
    if (p.state === 'preparing') continue;
    await notifyMeeting(db, office, id);
    if (p.state === 'cancelled') { await cancelMeeting(db, office, id, { reason: '因市委重要会议冲突，另行安排' }); continue; }
    await replyToInvitation(db, member(invited[invited.length - 1]), id, { reply: 'leave', reason: '参加省里培训' });
    const speeches = [];
    for (const m of invited.slice(0, 3)) {
      speeches.push(await submitSpeech(db, member(m), id, { title: `关于${item.title}的几点建议`, body: `围绕${item.title}，结合调研情况提出意见建议：一是加强统筹协调；二是强化要素保障；三是健全督促落实机制。` }));
    }
    await arrangeSpeakers(db, office, id, { order: speeches.slice(0, 2).reverse() });
    if (p.state === 'notified') continue;
    await holdMeeting(db, office, id);
    if (p.state === 'held') continue;
    await recordMinutes(db, office, id, { text: `会议听取了有关部门关于${item.title}情况的通报，${speeches.length}位委员作了发言，与会专家提出了意见建议。会议认为……` });
    await closeMeeting(db, office, id);
    if (!p.outcome) continue;
    const kind = KINDS[out.outcomes % KINDS.length];
    const recs = RECOMMENDATIONS[item.title] ?? [`就${item.title}建立部门协同推进机制`, `将${item.title}纳入年度重点督办事项`];
    const oid = await createOutcome(db, office, { kind, meetingId: id, title: `关于${item.title}的${kind === 'report' ? '协商专报' : kind === 'proposal' ? '建议案' : '参阅件'}`, summary: `${item.title}协商会议的主要情况和意见建议。`, recommendations: recs });
    out.outcomes++;
    if (p.outcome === 'draft') continue;
    const sentOn = day(p.daysFromToday + 7);
    await sendOutcome(db, office, oid, { to: ['party_committee', 'government'], sentOn });
    await recordInstruction(db, office, oid, { leader: code === 'dingxi' ? '市委书记' : '市长', onDate: day(p.daysFromToday + 10), text: '所提建议很有针对性，请有关部门认真研究吸纳。' });
    if (p.outcome === 'sent' || !units.length) continue;
    await referOutcome(db, office, oid, { unitIds: units.slice(0, 2).map((u) => u.id), deadline: day(p.daysFromToday + 40), referredOn: day(p.daysFromToday + 11) });
    const refs = await referralsOf(db, committeeId, oid);
    for (const r of refs.slice(0, n === 0 ? refs.length : 1)) await giveFeedback(db, clerk(r.unitId), r.id, { text: '我单位已将所提建议纳入年度工作要点，明确责任科室，正在推进落实。' });
    const results = ['adopted', 'implemented', 'in_progress', 'partly_adopted'] as const;
    for (const [k, r] of (await recommendationsOf(db, committeeId, oid)).entries()) {
      await recordResult(db, office, r.id, { result: results[(k + n) % results.length], evidence: `${code === 'dingxi' ? '定' : '金'}政办函〔${today.slice(0, 4)}〕${10 + k}号`, onDate: day(p.daysFromToday + 30) });
    }
    if (n === 0 && refs.length) await concludeOutcome(db, office, oid);
  }
  return out;
}
