import { z } from 'zod';
import { calendarDate } from '../../../platform/schema.js';
import { DEFAULT_DUPLICATE_THRESHOLD } from './matching.js';
import { keySettingsShape } from '../key.settings.js';

/**
 * Per-committee configuration of proposal work, stored under `proposals` in committees.settings.
 * Every field has the default of the national rules (全国委员会提案工作条例) or of DOMAIN.md;
 * a committee overrides only what differs.
 */
export const NATIONAL_REJECT_REASONS = [
  { code: 'state_secret', label: '涉及国家秘密的' },
  { code: 'forbidden_matter', label: '涉及法律法规禁止公开讨论的事项的' },
  { code: 'party_personnel', label: '属于党政机关内部人事问题的' },
  { code: 'party_internal', label: '属于各党派、团体内部事务的' },
  { code: 'litigation', label: '涉及正在诉讼或仲裁中的案件的' },
  { code: 'academic', label: '属于学术讨论的' },
  { code: 'personal', label: '属于提案人个人或家庭问题的' },
  { code: 'promotion', label: '宣传、推介具体产品或作品的' },
  { code: 'accusation', label: '属于对具体人员检举、控告的' },
  { code: 'no_suggestion', label: '没有具体建议或者建议无法实施的' },
] as const;

export const DEFAULT_CATEGORIES = ['经济', '城建环资', '教科文卫体', '社会法制', '农业农村', '其他'] as const;

const code = z.string().regex(/^[a-z0-9_]{1,40}$/);
const isoDate = calendarDate();

export const proposalSettingsSchema = z.object({
  /** 案由: the title's pattern (a warning when not matched) and its length limit (an error). */
  titlePattern: z.string().max(200).default('^关于.+的(建议|提案)$|^.+的(建议|提案)$'),
  titleMaxChars: z.number().int().min(10).max(200).default(30),
  /** Body length limit, in characters without spaces (an error at submission). */
  bodyMaxChars: z.number().int().min(200).max(20000).default(1500),
  bodyMinChars: z.number().int().min(0).max(2000).default(50),
  /** Warn when 情况 / 分析 / 建议 cannot all be found. */
  checkThreeParts: z.boolean().default(true),
  /** Warn when no research basis (不调研不提案) is given. */
  warnWithoutResearch: z.boolean().default(true),
  categories: z.array(z.string().min(1).max(20)).min(1).max(100).default([...DEFAULT_CATEGORIES]),
  rejectReasons: z.array(z.object({ code, label: z.string().min(1).max(60) })).min(1).max(50).default(NATIONAL_REJECT_REASONS.map((r) => ({ ...r }))),
  /** Two review passes (预审 then 复审): filing needs a pre-review first. */
  twoPassReview: z.boolean().default(false),
  /** Reply classes (答复类别). */
  replyClasses: z
    .array(z.object({ code: z.string().regex(/^[A-Z]$/), label: z.string().min(1).max(40) }))
    .min(2)
    .max(26)
    .default([
      { code: 'A', label: '所提问题已经解决或基本解决' },
      { code: 'B', label: '所提问题正在解决或已列入计划逐步解决' },
      { code: 'C', label: '因条件限制或其他原因暂时不能解决' },
    ]),
  /** Reply deadline in months from assignment, and the most an extension may reach. */
  deadlineMonths: z.number().int().min(1).max(12).default(3),
  maxDeadlineMonths: z.number().int().min(1).max(12).default(6),
  /** Months a unit gets to re-handle after 不满意. */
  rehandleMonths: z.number().int().min(1).max(6).default(1),
  /** Working days after assignment in which a unit may object (提出异议). */
  objectionWorkingDays: z.number().int().min(1).max(30).default(5),
  /** Public holidays (not working days) and adjusted working weekend days (调休上班). */
  holidays: z.array(isoDate).max(1000).default([]),
  extraWorkdays: z.array(isoDate).max(1000).default([]),
  /** Similarity score from which a proposal is flagged as a likely duplicate. */
  duplicateThreshold: z.number().min(0.01).max(1).default(DEFAULT_DUPLICATE_THRESHOLD),
  /** Key proposals, supervision and reminders (key.settings.ts). */
  ...keySettingsShape,
});

export type ProposalSettings = z.infer<typeof proposalSettingsSchema>;
/** A patch: every field optional and without its default (zod applies defaults inside .partial()). */
export const proposalSettingsPatch = z.object(
  Object.fromEntries(Object.entries(proposalSettingsSchema.shape).map(([k, f]) => [k, f.unwrap().optional()])) as {
    [K in keyof typeof proposalSettingsSchema.shape]: z.ZodOptional<ReturnType<(typeof proposalSettingsSchema.shape)[K]['unwrap']>>;
  },
);

/** Reads the stored settings; unknown or invalid stored keys fall back to the defaults. */
export function parseSettings(stored: unknown): ProposalSettings {
  const obj = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, field] of Object.entries(proposalSettingsSchema.shape)) {
    const r = (field as z.ZodType).safeParse(obj[k]);
    if (r.success) out[k] = r.data;
  }
  return proposalSettingsSchema.parse(out);
}
