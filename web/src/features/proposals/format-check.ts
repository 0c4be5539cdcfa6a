import type { FormatCheck, FormatIssue, ProposalSettingsView } from '../../api/types';

/**
 * The format pre-check as the proposer types (the same rules as the server's
 * src/modules/proposals/domain/format-check.ts, which decides at submission).
 */
const PARTS = [
  { code: 'missing_situation', words: /(基本情况|情况|现状|背景|概况)/ },
  { code: 'missing_analysis', words: /(分析|原因|存在的?问题|主要问题|困难)/ },
  { code: 'missing_suggestions', words: /(建议|对策|措施|办法)/ },
];
const chars = (s: string) => [...s.replace(/\s+/g, '')].length;

export function checkDraft(p: { title: string; body: string; researchBasis?: string | null; attachments?: number }, s: ProposalSettingsView): FormatCheck {
  const errors: FormatIssue[] = [];
  const warnings: FormatIssue[] = [];
  const title = p.title.trim();
  const titleChars = chars(title);
  const bodyChars = chars(p.body);
  const issue = (code: string): FormatIssue => ({ code, message: code });
  if (!titleChars) errors.push(issue('title_empty'));
  if (titleChars > s.titleMaxChars) errors.push(issue('title_too_long'));
  let pattern = /.*/u;
  try { pattern = new RegExp(s.titlePattern, 'u'); } catch { /* the server's setting is validated there */ }
  if (titleChars && !pattern.test(title)) warnings.push(issue('title_pattern'));
  if (bodyChars < s.bodyMinChars) errors.push(issue('body_too_short'));
  if (bodyChars > s.bodyMaxChars) errors.push(issue('body_too_long'));
  if (s.checkThreeParts && bodyChars) for (const part of PARTS) if (!part.words.test(p.body)) warnings.push(issue(part.code));
  if (/、|以及|；/.test(title) || (title.match(/关于/g)?.length ?? 0) > 1) warnings.push(issue('several_matters'));
  // 不调研不提案: a stated research basis or an attached file (a report, photos) satisfies it.
  if (s.warnWithoutResearch && !p.researchBasis?.trim() && !p.attachments) warnings.push(issue('no_research_basis'));
  return { errors, warnings, titleChars, bodyChars };
}
