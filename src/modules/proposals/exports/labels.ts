import type { ProposalState } from '../domain/proposal-workflow.js';

/** Small formatting helpers shared by the letter, the book, the spreadsheets and the figures. */

/** States of a proposal that was filed (立案) and not withdrawn: filed, then every handling state. */
export const FILED_STATES: readonly ProposalState[] = [
  'filed', 'assigned', 'objected', 'handling', 'countersigning', 'reply_review', 'released', 'closed', 'carried_over',
];

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 13 → 十三, 20 → 二十, 35 → 三十五 (terms and sessions stay below 100). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}

/** How a committee names itself in a reply title: 市政协, 县政协, 区政协, 省政协, 全国政协. */
export function committeeAbbrev(c: { level: string; name: string; shortName: string }): string {
  switch (c.level) {
    case 'national': return '全国政协';
    case 'province': return /自治区/.test(c.name) ? '自治区政协' : /市委员会$/.test(c.name) ? '市政协' : '省政协';
    case 'city': return /州委员会$/.test(c.name) ? '州政协' : /盟委员会$/.test(c.name) ? '盟政协' : '市政协';
    case 'county': return /区委员会$/.test(c.name) || /区政协$/.test(c.shortName) ? '区政协' : /旗/.test(c.shortName) ? '旗政协' : /市/.test(c.shortName) ? '市政协' : '县政协';
    default: return '政协';
  }
}

/** "市政协五届三次会议" (a plenary proposal) or "市政协五届" (between sessions, no session). */
export function meetingPrefix(ctx: { abbrev: string; termNumber: number | null; sessionNumber: number | null }): string {
  const term = ctx.termNumber ? `${chineseNumber(ctx.termNumber)}届` : '';
  const session = ctx.sessionNumber ? `${chineseNumber(ctx.sessionNumber)}次会议` : '';
  return `${ctx.abbrev}${term}${session}`;
}

/** "关于市政协五届三次会议第58号提案的答复", "关于市政协五届三次会议第133并2号提案的答复". */
export function replyTitle(ctx: { abbrev: string; termNumber: number | null; sessionNumber: number | null; numberLabel: string | null }): string {
  return `关于${meetingPrefix(ctx)}${ctx.numberLabel ?? ''}提案的答复`;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
