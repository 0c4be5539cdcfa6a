import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { chinaDate, chinaYear } from '../../../platform/time.js';
import { createPlan } from '../commands/create-plan.js';
import { adjustPlan, issuePlan, recordDecision, submitForReview } from '../commands/move-plan.js';
import { addPlanItem } from '../commands/plan-items.js';
import { acceptTopic, declineTopic, submitTopic } from '../commands/topics.js';
import type { Caller } from '../consultation.policy.js';
import type { ItemInput, TopicSource } from '../contracts.js';
import { seedMeetingsDemo } from './meetings-demo.js';

/**
 * The year's consultation plan for 定西 (the current China year; the 2026 plan has the topics of
 * the seed's city work) and a smaller one for 金昌, through the real commands: topics collected
 * from members, special committees and the government (some declined), accepted into the draft
 * as items, the plan taken through 主席会议审议 and 党委常委会确定 to 印发, and in 定西 an
 * adjustment (调整) under review as version 2; 金昌's small plan issued; then meetings and outcomes
 * (seed/meetings-demo.ts). Idempotent: a city that has a plan (or meetings) is skipped.
 * Needs the org demo (seedDemo) first.
 */
interface DemoTopic { title: string; description: string; source: TopicSource; sourceName?: string; item?: Omit<ItemInput, 'title'> }

const DINGXI: DemoTopic[] = [
  { title: '促进民营经济高质量发展', description: '围绕优化营商环境、破解融资难题、支持民营企业参与重大项目建设开展专题协商。', source: 'special_committee', sourceName: '经济委员会',
    item: { form: '专题协商会', lead: '经济委员会', month: 5, leaders: ['市政协主席'], units: ['市发展改革委', '市工信局', '市工商联'] } },
  { title: '和美乡村建设', description: '聚焦农村人居环境整治、乡村产业和乡风文明，对和美乡村建设推进情况开展专题议政。', source: 'member',
    item: { form: '常委会议专题议政', lead: '农业农村委员会', month: 8, leaders: ['市政协副主席'], units: ['市农业农村局', '市乡村振兴局'], supervisory: true } },
  { title: '打好新型工业化攻坚战', description: '就工业强市、链主企业培育和园区建设提出意见建议。', source: 'government', sourceName: '定西市人民政府',
    item: { form: '专题协商会', lead: '经济委员会', month: 6, units: ['市工信局', '市科技局'] } },
  { title: '推动中医药产业高质量发展', description: '围绕道地药材标准化种植、精深加工和品牌建设开展对口协商。', source: 'member',
    item: { form: '对口协商', lead: '教科卫体委员会', month: 9, units: ['市卫生健康委', '市中医药产业发展局'] } },
  { title: '金融服务保障强工业行动', description: '就金融支持工业企业技改扩能、降低融资成本开展双月协商座谈。', source: 'party_committee', sourceName: '中共定西市委',
    item: { form: '双月协商座谈会', lead: '经济委员会', month: 4, leaders: ['市政协副主席'], units: ['市金融办', '人行定西市分行'] } },
  { title: '城区停车难问题', description: '城区老旧小区停车位严重不足，建议纳入协商。', source: 'member' },
  { title: '县域医共体建设', description: '建议就县域医共体建设开展界别协商。', source: 'sector', sourceName: '医药卫生界' },
];
const DINGXI_EXTRA: ItemInput[] = [
  { title: '重点提案办理协商', form: '提案办理协商', lead: '提案委员会', month: 7, units: ['市政府办公室'] },
  { title: '加强基层协商议事室建设', form: '有事好商量', lead: '社会和法制委员会', month: 10 },
];

export async function seedConsultationDemo(db: Db): Promise<{ plans: number; items: number; topics: number; meetings: number; outcomes: number }> {
  const year = chinaYear();
  const out = { plans: 0, items: 0, topics: 0, meetings: 0, outcomes: 0 };
  const addMeetings = async (code: 'dingxi' | 'jinchang') => {
    const r = await seedMeetingsDemo(db, code);
    out.meetings += r.meetings;
    out.outcomes += r.outcomes;
  };
  for (const code of ['dingxi', 'jinchang'] as const) {
    const { rows } = await db.execute<{ id: string }>(sql`select id from committees where code = ${code}`);
    if (!rows[0]) throw new Error(`seedConsultationDemo: committee ${code} is missing; run the org demo seed first`);
    const committeeId = rows[0].id;
    const { rows: has } = await db.execute(sql`select 1 from consultation_plans where committee_id = ${committeeId} limit 1`);
    if (has.length) {
      await addMeetings(code);
      continue;
    }
    const { rows: members } = await db.execute<{ id: string }>(sql`select id from members where committee_id = ${committeeId} and status = 'active' order by name_pinyin, id limit 10`);
    const office: Caller = { committeeId, actor: { userId: null, label: 'seed:政协办公室' }, grants: [{ role: 'staff', office: 'general' }], admin: false };
    const asMember = (i: number): Caller => ({ committeeId, actor: { userId: null, label: 'seed:委员' }, grants: [{ role: 'member', memberId: members[i % members.length].id }], admin: false });
    // Dates of the path in January, never after today.
    const on = (day: number) => [`${year}-01-${String(day).padStart(2, '0')}`, chinaDate()].sort()[0];

    const topics = code === 'dingxi' ? DINGXI : DINGXI.slice(0, 2);
    const planId = await createPlan(db, office, { year });
    out.plans++;
    for (const [i, t] of topics.entries()) {
      const caller = t.source === 'member' ? asMember(i) : office;
      const id = await submitTopic(db, caller, { year, title: t.title, description: t.description, sourceKind: t.source, sourceName: t.sourceName });
      out.topics++;
      if (t.item) {
        await acceptTopic(db, office, id, { planId, ...t.item });
        out.items++;
      } else {
        await declineTopic(db, office, id, { reason: t.source === 'member' ? '已转交提案办理，不列入年度协商计划' : '拟在界别活动中协商，不列入年度计划' });
      }
    }
    if (code === 'jinchang') {
      // 金昌's small plan: issued as it is, then two meetings.
      await submitForReview(db, office, planId);
      await recordDecision(db, office, planId, { decidedOn: on(22), docNo: `金市委办发〔${year}〕2号` });
      await issuePlan(db, office, planId, { issuedOn: on(28) });
      await addMeetings(code);
      continue;
    }
    for (const item of DINGXI_EXTRA) { await addPlanItem(db, office, planId, item); out.items++; }
    await submitForReview(db, office, planId, { note: '提请主席会议审议' });
    await recordDecision(db, office, planId, { decidedOn: on(20), docNo: `定市委办发〔${year}〕3号` });
    await issuePlan(db, office, planId, { issuedOn: on(25), docNo: `定政协发〔${year}〕5号` });
    const v2 = await adjustPlan(db, office, planId, { reason: '根据市委要求，增加一次双月协商座谈会' });
    out.plans++;
    await addPlanItem(db, office, v2, { title: '文旅深度融合发展', form: '双月协商座谈会', lead: '文化文史和学习委员会', month: 11, units: ['市文体广电和旅游局'] });
    out.items++;
    await submitForReview(db, office, v2);
    await addMeetings(code);
  }
  return out;
}

export async function seedConsultationDemoSummary(db: Db): Promise<string> {
  const r = await seedConsultationDemo(db);
  return `协商议政演示数据 / consultation demo: ${r.plans} 个计划版本, ${r.items} 个计划项目, ${r.topics} 个征集议题, ${r.meetings} 次会议, ${r.outcomes} 件协商成果`;
}
