import type { ItemRow } from '../consultation.repository.js';
import type { PlanView } from '../queries/get-plan.js';
import { chineseDate } from '../../../platform/time.js';

/**
 * What both plan exports print: the title 定西市政协2026年度协商计划, the items grouped by form in
 * the committee's order of forms (forms no longer configured come last), and the decision line.
 */
export interface PlanDocument {
  title: string;
  /** （2026年3月20日中共定西市委常委会会议确定 定市委办发〔2026〕3号） */
  decisionLine: string | null;
  versionLine: string | null;
  groups: { form: string; items: ItemRow[] }[];
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
export const chineseOrdinal = (i: number) => CN[i] ?? String(i + 1);

export function planDocument(plan: PlanView, committeeShortName: string, forms: readonly string[]): PlanDocument {
  const order = [...forms, ...plan.items.map((i) => i.form).filter((f) => !forms.includes(f))];
  const groups = [...new Set(order)]
    .map((form) => ({ form, items: plan.items.filter((i) => i.form === form) }))
    .filter((g) => g.items.length);
  return {
    title: `${committeeShortName}${plan.year}年度协商计划`,
    decisionLine: plan.decidedOn
      ? `（${chineseDate(plan.decidedOn)}党委常委会会议确定${plan.decisionDocNo ? `　${plan.decisionDocNo}` : ''}）`
      : null,
    versionLine: plan.version > 1 ? `（第${plan.version}版，${plan.adjustReason ? `调整：${plan.adjustReason}` : '调整'}）` : null,
    groups,
  };
}

export const monthLabel = (m: number | null) => (m ? `${m}月` : '全年');

/** 1．促进民营经济高质量发展（3月；牵头：经济委员会；参加领导：…；参与单位：…）〔监督性议题〕 */
export function itemLine(i: ItemRow): string {
  const parts = [monthLabel(i.month), `牵头：${i.lead}`];
  if (i.leaders.length) parts.push(`参加领导：${i.leaders.join('、')}`);
  if (i.units.length) parts.push(`参与单位：${i.units.join('、')}`);
  return `${i.title}（${parts.join('；')}）${i.supervisory ? '〔监督性议题〕' : ''}`;
}
