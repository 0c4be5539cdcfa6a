import { z } from 'zod';

/**
 * 履职记录的种类. One duty record is one thing a member did; its kind decides how the year's
 * rules score it. Kinds are fixed by the software (so that other modules can emit them); how
 * much each is worth is configuration (rules.ts).
 */
export const DUTY_KINDS = {
  plenary: '出席全体会议',
  standing_meeting: '出席常委会议',
  consultation: '参加协商活动',
  other_meeting: '参加其他会议',
  speech: '大会发言',
  proposal: '提交提案',
  proposal_filed: '提案立案',
  proposal_key: '重点提案',
  proposal_excellent: '优秀提案',
  social_info: '报送社情民意信息',
  social_info_adopted: '社情民意信息被采用',
  leader_instruction: '获领导批示',
  research: '调研',
  inspection: '视察',
  supervision: '民主监督',
  training: '学习培训',
  reading: '读书活动',
  liaison: '联系界别群众',
  investment: '招商引资',
  service: '公益服务',
  annual_report: '常委年度述职',
  absence_plenary: '无故缺席全体会议',
  absence_meeting: '无故缺席其他会议',
  other: '其他履职',
} as const;
export type DutyKind = keyof typeof DUTY_KINDS;
export const DUTY_KIND_KEYS = Object.keys(DUTY_KINDS) as [DutyKind, ...DutyKind[]];
export const dutyKind = z.enum(DUTY_KIND_KEYS);

/** Kinds that only the system records: attendance deductions, proposals (from the proposals module), 述职. */
export const AUTOMATIC_ONLY: ReadonlySet<DutyKind> = new Set(['absence_plenary', 'absence_meeting', 'proposal', 'proposal_filed', 'annual_report']);
export const SELF_REPORTABLE = DUTY_KIND_KEYS.filter((k) => !AUTOMATIC_ONLY.has(k));

const count = z.number().int().min(0).max(1_000_000);
const amount = z.number().min(0).max(100_000_000);

/** Typed metrics of the kinds that have them; the year-end report sums these. */
export const KIND_METRICS = {
  investment: z.object({
    enterprisesContacted: count.optional(), // 联系企业数
    projectsSigned: count.optional(), // 签约项目数
    amountWan: amount.optional(), // 签约金额（万元）
  }).strict(),
  service: z.object({
    studentsFunded: count.optional(), // 资助学生数
    peopleServed: count.optional(), // 服务群众人次
    amountDonatedWan: amount.optional(), // 捐款捐物（万元）
  }).strict(),
  liaison: z.object({
    peopleReceived: count.optional(), // 接待群众人次
    demandsCollected: count.optional(), // 收集诉求件数
  }).strict(),
} as const;
export type Metrics = Record<string, number>;

/** Metrics for a kind: checked against the kind's schema; kinds without metrics take none. */
export function parseMetrics(kind: DutyKind, raw: unknown): { ok: true; metrics: Metrics } | { ok: false; message: string } {
  const schema = (KIND_METRICS as Record<string, z.ZodType<Metrics>>)[kind];
  const value = raw ?? {};
  if (!schema) {
    return Object.keys(value as object).length ? { ok: false, message: `“${DUTY_KINDS[kind]}”没有统计指标` } : { ok: true, metrics: {} };
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, metrics: parsed.data } : { ok: false, message: parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('；') };
}

/**
 * 履职活动的类型 and the record each produces: attendance gives a record of `kind`; an unexcused
 * absence from a meeting gives a deduction record (plenary or other meeting); an absence from a
 * non-meeting activity (a trip, a class) is recorded but not deducted.
 */
export const ACTIVITY_TYPES = {
  plenary: { label: '全体会议', kind: 'plenary', absence: 'absence_plenary' },
  standing_meeting: { label: '常委会议', kind: 'standing_meeting', absence: 'absence_meeting' },
  thematic_consultation: { label: '专题协商', kind: 'consultation', absence: 'absence_meeting' },
  bimonthly_consultation: { label: '双月协商', kind: 'consultation', absence: 'absence_meeting' },
  other_meeting: { label: '其他会议', kind: 'other_meeting', absence: 'absence_meeting' },
  research: { label: '调研', kind: 'research', absence: null },
  inspection: { label: '视察', kind: 'inspection', absence: null },
  supervision: { label: '民主监督', kind: 'supervision', absence: null },
  training: { label: '学习培训班', kind: 'training', absence: null },
  reading_day: { label: '书香政协读书日', kind: 'reading', absence: null },
  reception_day: { label: '委员接待日', kind: 'liaison', absence: null },
  charity: { label: '公益服务活动', kind: 'service', absence: null },
  investment: { label: '招商考察', kind: 'investment', absence: null },
  other: { label: '其他活动', kind: 'other', absence: null },
} as const satisfies Record<string, { label: string; kind: DutyKind; absence: DutyKind | null }>;
export type ActivityType = keyof typeof ACTIVITY_TYPES;
export const ACTIVITY_TYPE_KEYS = Object.keys(ACTIVITY_TYPES) as [ActivityType, ...ActivityType[]];

/** Who organised an activity. */
export const ORGANISER_KINDS = { committee: '政协机关', special_committee: '专门委员会', sector: '界别', station: '委员工作站', other: '其他' } as const;
export type OrganiserKind = keyof typeof ORGANISER_KINDS;

/** A member's part in a record with several members (联名提案: 第一提案人 / 联名人). */
export const CREDIT_ROLES = ['first', 'cosigner', 'participant'] as const;
export type CreditRole = (typeof CREDIT_ROLES)[number];

/** Member roles (org module), highest first: a member's primary role decides which quota applies. */
export const ROLE_ORDER = ['chair', 'vice_chair', 'secretary_general', 'standing', 'member'] as const;
export type MemberRole = (typeof ROLE_ORDER)[number];
export const memberRole = z.enum(ROLE_ORDER);
export const STANDING_AND_ABOVE: readonly MemberRole[] = ['standing', 'vice_chair', 'chair', 'secretary_general'];

export function primaryRole(roles: readonly string[]): MemberRole {
  return ROLE_ORDER.find((r) => roles.includes(r)) ?? 'member';
}

