import { z } from 'zod';
import { DUTY_KIND_KEYS, DUTY_KINDS, dutyKind, memberRole, ROLE_ORDER } from './kinds.js';

/**
 * 积分规则, as data: one rule set per committee and year, versioned (a change is a new version)
 * and frozen when the year's assessment is published. The engine (engine.ts) reads nothing else.
 *
 * total = base + Σ over groups of min(group cap, Σ over the group's kinds of min(kind cap, points))
 *         − Σ over deductions of min(deduction cap, points), then clamped to [0, maxTotal].
 *
 * Every number and list is bounded (an office types these in a form): a rule set of a million
 * points or ten thousand groups is a mistake, refused with a 400 naming the field rather than
 * stored and scored. The bounds sit well above every preset and every committee's rules we know
 * (points per item ≤ 1000, totals ≤ 120); stored sets are parsed with this schema too.
 */
/** Scores, caps, thresholds: a 百分制 or 千分制 total fits many times over. */
const MAX_SCORE = 10_000;
const score = z.number().min(-MAX_SCORE).max(MAX_SCORE);
const key = z.string().max(40).regex(/^[a-z][a-z0-9_]*$/, 'a-z, 0-9, _');
const cap = z.number().positive().max(MAX_SCORE).nullable().default(null);
/** Each role at most once; each duty kind at most once. */
const roles = z.array(memberRole).min(1).max(ROLE_ORDER.length);
const kinds = z.array(dutyKind).min(1).max(DUTY_KIND_KEYS.length);

/** How much one kind is worth: points per unit (per item, per half-day of attendance, per time 次). */
export const ruleItem = z.object({
  kind: dutyKind,
  group: key,
  points: z.number().min(0).max(1000),
  per: z.enum(['item', 'half_day', 'time']).default('item'),
  /** Yearly cap on this kind's points. */
  cap,
  /** Counts only for members holding one of these roles (null: everyone). */
  roles: roles.nullable().default(null),
  /** Shared among the record's members by `jointSplit` (联名提案). */
  joint: z.boolean().default(false),
});
export type RuleItem = z.infer<typeof ruleItem>;

/** 扣分: subtracted after the groups are capped. */
export const deductionRule = z.object({
  kind: dutyKind,
  points: z.number().positive().max(1000),
  cap,
});

/** 联名提案的分值分配. */
export const jointSplit = z.discriminatedUnion('mode', [
  /** The first proposer gets `firstShare`, the others share the rest equally; a sole proposer gets it all. */
  z.object({ mode: z.literal('first_share'), firstShare: z.number().min(0).max(1) }),
  z.object({ mode: z.literal('equal') }),
  z.object({ mode: z.literal('full') }),
  /** Multipliers by role (闵行: lead author 15, contributor 3 → points 15, cosigner 0.2). */
  z.object({ mode: z.literal('by_role'), first: z.number().min(0).max(1), cosigner: z.number().min(0).max(1) }),
]);
export type JointSplit = z.infer<typeof jointSplit>;

/** 档次: the highest band whose `min` the total reaches (below every band: the lowest). */
export const gradeBand = z.object({ key, label: z.string().min(1).max(20), min: score });
export type GradeBand = z.infer<typeof gradeBand>;

/** 四个一 / 五个一 / 三个一: for members whose primary role is listed, a minimum count of records of some kinds a year. */
export const quota = z.object({
  key,
  label: z.string().min(1).max(40),
  roles,
  requirements: z.array(z.object({ label: z.string().min(1).max(60), kinds, min: z.number().int().min(1).max(1000) })).min(1).max(20),
});
export type Quota = z.infer<typeof quota>;

export const rulesSchema = z
  .object({
    name: z.string().min(1).max(60),
    /** The preset this set started from, for the record. */
    preset: z.string().max(40).nullable().default(null),
    base: z.number().min(0).max(MAX_SCORE).default(0),
    maxTotal: z.number().positive().max(MAX_SCORE).nullable().default(null),
    groups: z.array(z.object({ key, label: z.string().min(1).max(30), cap })).min(1).max(50),
    // Each kind is scored once (checked below), so there are at most as many items as kinds.
    items: z.array(ruleItem).max(DUTY_KIND_KEYS.length),
    deductions: z.array(deductionRule).max(DUTY_KIND_KEYS.length).default([]),
    jointSplit: jointSplit.default({ mode: 'first_share', firstShare: 0.5 }),
    grades: z.array(gradeBand).min(1).max(20),
    quotas: z.array(quota).max(20).default([]),
    /**
     * How equal totals are ranked: by the points of these groups, in order (more ranks higher);
     * members equal in all of them share the rank (1, 2, 2, 4). Empty: equal totals share the rank.
     */
    tieBreak: z.array(key).max(10).default([]),
    /** 通报表扬: every member of the top grade, or the top N by points. */
    commendation: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('top_grade') }),
      z.object({ mode: z.literal('top_n'), n: z.number().int().min(1).max(100_000) }),
    ]).default({ mode: 'top_grade' }),
    /** 提醒谈话: below `below` points, or (also) the bottom N. */
    warning: z.object({ below: score, bottomN: z.number().int().min(1).max(100_000).nullable().default(null) }).default({ below: 60, bottomN: null }),
    /** 履职补贴: the amount a year for members with at least `minPoints` (and every quota met, if required). */
    allowance: z.object({ amountYuan: z.number().min(0).max(1_000_000), minPoints: score, requireQuotas: z.boolean().default(false) })
      .default({ amountYuan: 1200, minPoints: 60, requireQuotas: false }),
  })
  .superRefine((r, ctx) => {
    const groups = new Set(r.groups.map((g) => g.key));
    if (groups.size !== r.groups.length) ctx.addIssue({ code: 'custom', path: ['groups'], message: '分组重复' });
    const seen = new Set<string>();
    r.items.forEach((it, i) => {
      if (!groups.has(it.group)) ctx.addIssue({ code: 'custom', path: ['items', i, 'group'], message: `没有分组 ${it.group}` });
      if (seen.has(it.kind)) ctx.addIssue({ code: 'custom', path: ['items', i, 'kind'], message: `“${DUTY_KINDS[it.kind]}”重复` });
      seen.add(it.kind);
    });
    const ded = new Set<string>();
    r.deductions.forEach((d, i) => {
      if (ded.has(d.kind) || seen.has(d.kind)) ctx.addIssue({ code: 'custom', path: ['deductions', i, 'kind'], message: `“${DUTY_KINDS[d.kind]}”重复` });
      ded.add(d.kind);
    });
    if (new Set(r.grades.map((g) => g.min)).size !== r.grades.length) ctx.addIssue({ code: 'custom', path: ['grades'], message: '档次分数线重复' });
    r.tieBreak.forEach((g, i) => {
      if (!groups.has(g)) ctx.addIssue({ code: 'custom', path: ['tieBreak', i], message: `没有分组 ${g}` });
    });
    if (new Set(r.quotas.map((q) => q.key)).size !== r.quotas.length) ctx.addIssue({ code: 'custom', path: ['quotas'], message: '指标重复' });
  });
export type Rules = z.infer<typeof rulesSchema>;
export type RulesInput = z.input<typeof rulesSchema>;

/** The default grade bands (安庆 and most committees): 优秀 ≥ 90, 良好 80–89, 称职 60–79, 不称职 < 60. */
export const DEFAULT_GRADES: GradeBand[] = [
  { key: 'excellent', label: '优秀', min: 90 },
  { key: 'good', label: '良好', min: 80 },
  { key: 'competent', label: '称职', min: 60 },
  { key: 'incompetent', label: '不称职', min: 0 },
];

/** The 合格 wording many committees use (定西, 金昌): 优秀 ≥ 90, 良好 80–89, 合格 60–79, 不合格 < 60. */
export const PASS_GRADES: GradeBand[] = [
  { key: 'excellent', label: '优秀', min: 90 },
  { key: 'good', label: '良好', min: 80 },
  { key: 'pass', label: '合格', min: 60 },
  { key: 'fail', label: '不合格', min: 0 },
];
