import { addDays, daysBetween } from '../../../platform/calendar.js';

/**
 * 委员接待日: which China dates a rota rule falls on. Pure, so the duty list, the schedule page
 * and the reminder job agree. `weekly` days are ISO weekdays (1 Monday … 7 Sunday); `monthly`
 * days are days of the month, and a day a month lacks (the 31st in April) is skipped, not moved.
 */
export interface ReceptionRule {
  kind: 'weekly' | 'monthly';
  days: readonly number[];
  startsOn: string;
  endsOn: string | null;
}

/** ISO weekday of a YYYY-MM-DD date (the date names a day; no time zone enters). */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function fallsOn(rule: ReceptionRule, date: string): boolean {
  if (date < rule.startsOn || (rule.endsOn !== null && date > rule.endsOn)) return false;
  return rule.kind === 'weekly' ? rule.days.includes(isoWeekday(date)) : rule.days.includes(Number(date.slice(8, 10)));
}

/** The dates in [from, to] (inclusive) the rule falls on, in order. */
export function occurrences(rule: ReceptionRule, from: string, to: string): string[] {
  const out: string[] = [];
  const n = daysBetween(from, to);
  for (let i = 0; i <= n; i++) {
    const d = addDays(from, i);
    if (fallsOn(rule, d)) out.push(d);
  }
  return out;
}

const WEEKDAY_ZH = ['', '一', '二', '三', '四', '五', '六', '日'];
/** 每周三 / 每月10日、20日. */
export function describeRule(rule: Pick<ReceptionRule, 'kind' | 'days'>): string {
  const days = [...rule.days].sort((a, b) => a - b);
  return rule.kind === 'weekly' ? `每周${days.map((d) => WEEKDAY_ZH[d]).join('、')}` : `每月${days.map((d) => `${d}日`).join('、')}`;
}
