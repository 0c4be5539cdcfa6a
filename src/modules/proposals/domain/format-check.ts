/**
 * The format pre-check (格式预审) run on every save and at submission. Errors block submission
 * (limits the committee set); warnings are shown to the proposer and the office, who decide.
 */
export type FormatIssueCode =
  | 'title_empty'
  | 'title_too_long'
  | 'title_pattern'
  | 'body_too_short'
  | 'body_too_long'
  | 'missing_situation'
  | 'missing_analysis'
  | 'missing_suggestions'
  | 'several_matters'
  | 'no_research_basis';

export interface FormatIssue {
  code: FormatIssueCode;
  message: string;
}

export interface FormatCheck {
  errors: FormatIssue[];
  warnings: FormatIssue[];
  /** Counted without whitespace, as offices count. */
  titleChars: number;
  bodyChars: number;
}

const chars = (s: string) => [...s.replace(/\s+/g, '')].length;

/** A line that reads as a heading: short, or opened by an ordinal (一、 （一） 1. 一是). */
const HEADING = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|[一二三四五六七八九十]是)/;

const PARTS: { code: 'missing_situation' | 'missing_analysis' | 'missing_suggestions'; label: string; words: RegExp }[] = [
  { code: 'missing_situation', label: '情况', words: /(基本情况|情况|现状|背景|概况)/ },
  { code: 'missing_analysis', label: '分析', words: /(分析|原因|存在的?问题|主要问题|困难)/ },
  { code: 'missing_suggestions', label: '建议', words: /(建议|对策|措施|办法)/ },
];

function findPart(body: string, words: RegExp): boolean {
  const lines = body.split(/\n+/).map((l) => l.trim()).filter(Boolean);
  const headings = lines.filter((l) => HEADING.test(l) || [...l].length <= 20);
  if (headings.some((l) => words.test(l))) return true;
  // No headings at all (one paragraph): fall back to the keyword anywhere, as a reader would.
  return headings.length === 0 && words.test(body);
}

/**
 * The committee's settings the check reads (a part of ProposalSettings, spelled out so that this
 * file imports nothing: the web runs the same check as the proposer types).
 */
export interface FormatLimits {
  titlePattern: string;
  titleMaxChars: number;
  bodyMaxChars: number;
  bodyMinChars: number;
  checkThreeParts: boolean;
  warnWithoutResearch: boolean;
}

export function checkFormat(p: { title: string; body: string; researchBasis?: string | null; attachments?: number }, s: FormatLimits): FormatCheck {
  const errors: FormatIssue[] = [];
  const warnings: FormatIssue[] = [];
  const title = p.title.trim();
  const titleChars = chars(title);
  const bodyChars = chars(p.body);
  if (!titleChars) errors.push({ code: 'title_empty', message: '案由（标题）不能为空' });
  if (titleChars > s.titleMaxChars) errors.push({ code: 'title_too_long', message: `案由 ${titleChars} 字，超过 ${s.titleMaxChars} 字的限制` });
  if (titleChars && !safeRegExp(s.titlePattern).test(title)) {
    warnings.push({ code: 'title_pattern', message: '案由宜写作“关于……的建议”或“……的提案”' });
  }
  if (bodyChars < s.bodyMinChars) errors.push({ code: 'body_too_short', message: `正文 ${bodyChars} 字，少于 ${s.bodyMinChars} 字` });
  if (bodyChars > s.bodyMaxChars) errors.push({ code: 'body_too_long', message: `正文 ${bodyChars} 字，超过 ${s.bodyMaxChars} 字的限制` });
  if (s.checkThreeParts && bodyChars) {
    for (const part of PARTS) {
      if (!findPart(p.body, part.words)) warnings.push({ code: part.code, message: `未找到“${part.label}”部分（提案宜包括情况、分析和具体建议）` });
    }
  }
  // 一事一案: a title joining matters with 、 or 以及, or several 关于, likely raises more than one.
  if (/、|以及|；/.test(title) || (title.match(/关于/g)?.length ?? 0) > 1) {
    warnings.push({ code: 'several_matters', message: '案由似乎包含多个事项，提案应一事一案' });
  }
  // 不调研不提案: a stated research basis or an attached file (a report, photos) satisfies it.
  if (s.warnWithoutResearch && !p.researchBasis?.trim() && !p.attachments) {
    warnings.push({ code: 'no_research_basis', message: '未注明调研依据（不调研不提案）' });
  }
  return { errors, warnings, titleChars, bodyChars };
}

function safeRegExp(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return /.*/u;
  }
}
