import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Caller } from '../../../platform/http/route-kit.js';
import { rng } from '../../org/index.js';
import type { IntakeInput } from '../contracts.js';
import { recordDemand } from '../commands/create-demand.js';
import {
  answerAsMember, answerAsUnit, answerOnSpot, assignMember, closeDemand, convertDemand, declineDemand, rateDemand, referDemand, returnReferral,
} from '../commands/triage.js';

/**
 * A year of 群众诉求 for 定西 (240: twenty a month) and fewer for 金昌 (60), through the real
 * commands, in every state: received, referred, taken up by a member, answered (on the spot, by
 * a unit, by a member), converted, declined with where to go, closed with and without a rating,
 * and referrals sent back. The commands stamp now(); the demo then spreads each demand's times
 * over the past year with one UPDATE of its own timestamps (receipt first, the answer 0–20 days
 * later), so the figures show a year — the states and the audit rows are the commands' own.
 * Idempotent: a city that has demands is skipped. Needs the org demo first.
 */
const TOWNS: Record<string, string[]> = {
  dingxi: ['安定区凤翔镇', '安定区内官营镇', '安定区巉口镇', '通渭县平襄镇', '通渭县马营镇', '陇西县巩昌镇', '陇西县文峰镇', '渭源县清源镇', '渭源县会川镇', '临洮县洮阳镇', '临洮县辛店镇', '漳县武阳镇', '岷县岷阳镇'],
  jinchang: ['金川区滨河路街道', '金川区宁远堡镇', '永昌县城关镇', '永昌县河西堡镇', '永昌县朱王堡镇'],
};
const MATTERS: { kind: string; matter: string; details: string }[] = [
  { kind: '基础设施', matter: '村道损坏需要硬化', details: '村里主干道多处坑洼，雨天泥泞，群众出行和农产品外运不便。' },
  { kind: '基础设施', matter: '路灯损坏多日无人维修', details: '村口至学校路段路灯不亮，晚上出行不安全。' },
  { kind: '基础设施', matter: '自来水时常停水', details: '入冬后管道冻裂，村里经常停水，希望改造供水管网。' },
  { kind: '教育医疗', matter: '村卫生室缺少常用药品', details: '降压药、降糖药经常断货，老人要到镇上买药。' },
  { kind: '教育医疗', matter: '学校门口缺少斑马线和减速带', details: '学生上下学横穿马路，车辆车速快，存在安全隐患。' },
  { kind: '社会保障', matter: '高龄补贴发放不及时', details: '八十岁以上老人高龄补贴近两个季度未到账。' },
  { kind: '社会保障', matter: '希望增设村级养老服务点', details: '村里留守老人多，希望建日间照料中心。' },
  { kind: '产业发展', matter: '马铃薯收购价格低销售难', details: '今年马铃薯丰收但收购商压价，希望协调冷库和销售渠道。' },
  { kind: '产业发展', matter: '中药材种植缺少技术指导', details: '当归、黄芪种植病害多，希望农技人员下乡指导。' },
  { kind: '生态环境', matter: '河道垃圾堆积需要清理', details: '村边河道垃圾多年未清，夏天气味大。' },
  { kind: '生态环境', matter: '养殖场粪污影响周边群众', details: '养殖场粪污直排，影响周边农户生活。' },
  { kind: '矛盾纠纷', matter: '土地流转租金拖欠', details: '合作社拖欠两年土地流转费，农户多次讨要未果。' },
  { kind: '其他', matter: '希望开通到县城的公交线路', details: '村里到县城没有公交，群众看病办事不方便。' },
];
const ANSWERS = ['已现场说明政策，群众表示理解。', '已协调有关部门，近期安排解决。', '已列入今年实施计划，预计年内完成。', '经核实已整改到位，并回访了群众。'];

async function idsOf(db: Db, q: ReturnType<typeof sql>): Promise<string[]> {
  return (await db.execute<{ id: string }>(q)).rows.map((r) => r.id);
}

export async function seedDemandsDemo(db: Db): Promise<string> {
  const out: string[] = [];
  for (const [code, count] of [['dingxi', 240], ['jinchang', 60]] as const) {
    const { rows } = await db.execute<{ id: string }>(sql`select id from committees where code = ${code}`);
    if (!rows[0]) throw new Error(`seedDemandsDemo: committee ${code} is missing; run the org demo seed first`);
    const committeeId = rows[0].id;
    if ((await db.execute(sql`select 1 from demands where committee_id = ${committeeId} limit 1`)).rows.length) continue;
    const members = await idsOf(db, sql`select id from members where committee_id = ${committeeId} and status = 'active' order by name_pinyin, id limit 20`);
    const units = await idsOf(db, sql`select id from handling_units where committee_id = ${committeeId} and active order by name limit 12`);
    const office: Caller = { committeeId, actor: { userId: null, label: 'seed:政协办公室' }, grants: [{ role: 'staff', office: 'general' }], admin: false };
    const member = (id: string): Caller => ({ committeeId, actor: { userId: null, label: 'seed:委员' }, grants: [{ role: 'member', memberId: id }], admin: false });
    const clerk = (id: string): Caller => ({ committeeId, actor: { userId: null, label: 'seed:承办单位' }, grants: [{ role: 'unit_clerk', unitId: id }], admin: false });
    const person = { userId: null, label: 'seed:群众' };
    const rand = rng(code === 'dingxi' ? 2023 : 2024);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const states: Record<string, number> = {};
    for (let i = 0; i < count; i++) {
      const m = pick(MATTERS);
      const town = pick(TOWNS[code]);
      const channel = pick(['reception', 'reception', 'field', 'phone'] as const);
      const byMember = channel === 'field' ? pick(members) : null;
      const input: IntakeInput = {
        channel, kind: m.kind, matter: `${town}${m.matter}`, details: m.details, placeText: town,
        personName: rand() < 0.7 ? pick(['王', '李', '张', '刘', '陈', '杨', '赵', '马']) + pick(['建国', '秀兰', '志强', '桂英', '小明', '红梅']) : undefined,
        personPhone: rand() < 0.6 ? `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : undefined,
      };
      const { id, trackingCode } = await recordDemand(db, byMember ? member(byMember) : office, input);
      const r = rand();
      let state = 'received';
      if (r < 0.1) { /* 已受理, not yet triaged */ } else if (r < 0.25) {
        await referDemand(db, office, id, { unitId: pick(units) });
        state = 'referred';
      } else if (r < 0.3) {
        const u = pick(units);
        await referDemand(db, office, id, { unitId: u });
        await returnReferral(db, clerk(u), id, { reason: '不属于本单位职责，请重新分办' });
        state = 'received (returned)';
      } else if (r < 0.37) {
        await assignMember(db, office, id, { memberId: byMember ?? pick(members) });
        state = 'member_handling';
      } else if (r < 0.42) {
        await convertDemand(db, byMember ? member(byMember) : office, id, { target: rand() < 0.5 ? 'social_info' : 'proposal' });
        state = 'converted';
      } else if (r < 0.49) {
        await declineDemand(db, office, id, { reason: '属于个人信访事项，不属于政协职能', redirectTo: `${town.slice(0, 3)}信访局` });
        state = 'declined';
      } else {
        const how = rand();
        if (how < 0.3) await answerOnSpot(db, office, id, { answer: pick(ANSWERS) });
        else if (how < 0.7) {
          const u = pick(units);
          await referDemand(db, office, id, { unitId: u });
          await answerAsUnit(db, clerk(u), id, { answer: pick(ANSWERS) });
        } else {
          const who = byMember ?? pick(members);
          await assignMember(db, office, id, { memberId: who });
          await answerAsMember(db, member(who), id, { answer: pick(ANSWERS) });
        }
        state = 'answered';
        const after = rand();
        if (after < 0.45) { await rateDemand(db, person, trackingCode, { rating: pick([3, 4, 5, 5, 5]) }); state = 'closed (rated)'; }
        else if (after < 0.65) { await closeDemand(db, office, id, {}); state = 'closed'; }
      }
      states[state] = (states[state] ?? 0) + 1;
      // Spread over the past year: received `back` days ago, answered `delay` days after that.
      const back = Math.floor((i / count) * 360) + 3;
      const delay = Math.min(back - 1, Math.floor(rand() * 20));
      await db.execute(sql`update demands set created_at = created_at - make_interval(days => ${back}),
        referred_at = referred_at - make_interval(days => ${back - Math.min(delay, 2)}),
        answered_at = answered_at - make_interval(days => ${back - delay}), rated_at = rated_at - make_interval(days => ${back - delay - 1}),
        closed_at = closed_at - make_interval(days => ${back - delay - 1}) where committee_id = ${committeeId} and id = ${id}`);
    }
    out.push(`${code} ${count}（${Object.entries(states).map(([s, n]) => `${s} ${n}`).join('，')}）`);
  }
  return `群众诉求演示数据 / demands demo: ${out.join('; ') || '已存在 / present'}`;
}
