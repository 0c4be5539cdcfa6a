import type { DutyKind, MemberRole } from './kinds.js';
import { STANDING_AND_ABOVE } from './kinds.js';
import { DEFAULT_GRADES, PASS_GRADES, rulesSchema, type Rules, type RulesInput } from './rules.js';

/**
 * Rule presets a committee starts from (DOMAIN.md §4): the demo's 定西 and 金昌 (below), and
 * 安庆, 桐城, 济南 from the public schemes. What the sources give is marked
 * "source"; everything else is an assumption, written down here and in the module's notes:
 *
 * 安庆 — source: a 100-point scale, 优秀 ≥ 90, 良好 80–89, 称职 60–79, 不称职 < 60; unexcused
 *   plenary absence −10, absence from other meetings −5 (DOMAIN's "−10 or −30; absence −5").
 *   Assumed: the split of the 100 points into groups (meetings 40, proposals 20, social
 *   information 15, research/inspection 15, other duties 10) and the points per item.
 * 桐城 — source: meetings 50 / proposals 25 / activities 10 / social information 15; 10 per
 *   proposal, +15 if filed; a joint proposal gives the first proposer half and splits the rest.
 *   Assumed: points per meeting and activity; social information 10 per item, +5 when adopted
 *   (DOMAIN §3's example); the deductions (as 安庆); the default grade bands.
 * 济南 — source: 70 base + up to 50 bonus; unexcused plenary absence −30; 三个一 = attend the
 *   plenary + ≥ 1 proposal or social-information item + ≥ 1 inspection/research a year.
 *   Assumed: the bonus points per item; absence from other meetings −5; the default grade
 *   bands on the 120-point total; 三个一 applies to every role.
 * All three — assumed: 四个一 (members) = ≥ 1 proposal, ≥ 1 social-information item, ≥ 1
 *   research/inspection/supervision, ≥ 1 speech or consultation; 五个一 (常委 and above) = the
 *   same + the annual duty report (常委年度述职); commendation = all 优秀; warning below 60;
 *   the allowance 1,200 元 (金昌's figure) for members with ≥ 60 points.
 */
const everyone: MemberRole[] = ['member', ...STANDING_AND_ABOVE];
const standing = [...STANDING_AND_ABOVE];

const meetingQuota = (kinds: DutyKind[]) => ({ label: '参加一次协商活动或大会发言', kinds, min: 1 });
const fourOnes = [
  { label: '提交一件提案', kinds: ['proposal'] as DutyKind[], min: 1 },
  { label: '报送一条社情民意信息', kinds: ['social_info'] as DutyKind[], min: 1 },
  { label: '参加一次调研视察', kinds: ['research', 'inspection', 'supervision'] as DutyKind[], min: 1 },
  meetingQuota(['speech', 'consultation']),
];
const QUOTAS_4_5 = [
  { key: 'four_ones', label: '四个一', roles: ['member'] as MemberRole[], requirements: fourOnes },
  { key: 'five_ones', label: '五个一', roles: standing, requirements: [...fourOnes, { label: '提交一份年度述职报告', kinds: ['annual_report'] as DutyKind[], min: 1 }] },
];
const ABSENCES = [
  { kind: 'absence_plenary' as const, points: 10 },
  { kind: 'absence_meeting' as const, points: 5 },
];

const anqing: RulesInput = {
  name: '安庆市政协委员履职积分（百分制）',
  preset: 'anqing',
  maxTotal: 100,
  groups: [
    { key: 'meetings', label: '会议活动', cap: 40 },
    { key: 'proposals', label: '提案工作', cap: 20 },
    { key: 'info', label: '社情民意', cap: 15 },
    { key: 'research', label: '调研视察', cap: 15 },
    { key: 'other', label: '其他履职', cap: 10 },
  ],
  items: [
    { kind: 'plenary', group: 'meetings', points: 4, per: 'half_day' },
    { kind: 'standing_meeting', group: 'meetings', points: 4, per: 'time', roles: standing },
    { kind: 'consultation', group: 'meetings', points: 3, per: 'time' },
    { kind: 'other_meeting', group: 'meetings', points: 2, per: 'time' },
    { kind: 'speech', group: 'meetings', points: 5, per: 'time' },
    { kind: 'annual_report', group: 'meetings', points: 5, roles: standing },
    { kind: 'proposal', group: 'proposals', points: 5, joint: true },
    { kind: 'proposal_filed', group: 'proposals', points: 3, joint: true },
    { kind: 'proposal_key', group: 'proposals', points: 5, joint: true },
    { kind: 'proposal_excellent', group: 'proposals', points: 5, joint: true },
    { kind: 'social_info', group: 'info', points: 3 },
    { kind: 'social_info_adopted', group: 'info', points: 5 },
    { kind: 'leader_instruction', group: 'info', points: 5 },
    { kind: 'research', group: 'research', points: 3, per: 'time' },
    { kind: 'inspection', group: 'research', points: 3, per: 'time' },
    { kind: 'supervision', group: 'research', points: 3, per: 'time' },
    { kind: 'training', group: 'other', points: 2, per: 'half_day' },
    { kind: 'reading', group: 'other', points: 1, per: 'time' },
    { kind: 'liaison', group: 'other', points: 2, per: 'time' },
    { kind: 'investment', group: 'other', points: 2 },
    { kind: 'service', group: 'other', points: 2, per: 'time' },
    { kind: 'other', group: 'other', points: 1 },
  ],
  deductions: ABSENCES,
  jointSplit: { mode: 'first_share', firstShare: 0.5 },
  grades: DEFAULT_GRADES,
  quotas: QUOTAS_4_5,
};

const activities = (points: number) =>
  (['research', 'inspection', 'supervision', 'training', 'reading', 'liaison', 'investment', 'service', 'other'] as DutyKind[])
    .map((kind) => ({ kind, group: 'activities', points, per: 'time' as const }));

const tongcheng: RulesInput = {
  name: '桐城市政协委员履职量化考评',
  preset: 'tongcheng',
  maxTotal: 100,
  groups: [
    { key: 'meetings', label: '参加会议', cap: 50 },
    { key: 'proposals', label: '提案工作', cap: 25 },
    { key: 'activities', label: '参加活动', cap: 10 },
    { key: 'info', label: '社情民意', cap: 15 },
  ],
  items: [
    { kind: 'plenary', group: 'meetings', points: 5, per: 'half_day' },
    { kind: 'standing_meeting', group: 'meetings', points: 5, per: 'time', roles: standing },
    { kind: 'consultation', group: 'meetings', points: 5, per: 'time' },
    { kind: 'other_meeting', group: 'meetings', points: 3, per: 'time' },
    { kind: 'speech', group: 'meetings', points: 5, per: 'time' },
    { kind: 'proposal', group: 'proposals', points: 10, joint: true },
    { kind: 'proposal_filed', group: 'proposals', points: 15, joint: true },
    { kind: 'proposal_key', group: 'proposals', points: 5, joint: true },
    { kind: 'proposal_excellent', group: 'proposals', points: 5, joint: true },
    ...activities(2),
    { kind: 'annual_report', group: 'activities', points: 2, roles: standing },
    { kind: 'social_info', group: 'info', points: 10 },
    { kind: 'social_info_adopted', group: 'info', points: 5 },
    { kind: 'leader_instruction', group: 'info', points: 5 },
  ],
  deductions: ABSENCES,
  jointSplit: { mode: 'first_share', firstShare: 0.5 },
  grades: DEFAULT_GRADES,
  quotas: QUOTAS_4_5,
};

const jinan: RulesInput = {
  name: '济南市政协委员履职考核（基础分＋加分）',
  preset: 'jinan',
  base: 70,
  maxTotal: 120,
  groups: [{ key: 'bonus', label: '加分项', cap: 50 }],
  items: [
    { kind: 'plenary', group: 'bonus', points: 0, per: 'half_day' },
    { kind: 'standing_meeting', group: 'bonus', points: 0, per: 'time' },
    { kind: 'consultation', group: 'bonus', points: 3, per: 'time' },
    { kind: 'speech', group: 'bonus', points: 5, per: 'time' },
    { kind: 'proposal', group: 'bonus', points: 5, joint: true },
    { kind: 'proposal_filed', group: 'bonus', points: 5, joint: true },
    { kind: 'proposal_key', group: 'bonus', points: 10, joint: true },
    { kind: 'proposal_excellent', group: 'bonus', points: 10, joint: true },
    { kind: 'social_info', group: 'bonus', points: 5 },
    { kind: 'social_info_adopted', group: 'bonus', points: 5 },
    { kind: 'leader_instruction', group: 'bonus', points: 10 },
    { kind: 'research', group: 'bonus', points: 3, per: 'time' },
    { kind: 'inspection', group: 'bonus', points: 3, per: 'time' },
    { kind: 'supervision', group: 'bonus', points: 3, per: 'time' },
    { kind: 'training', group: 'bonus', points: 1, per: 'half_day' },
    { kind: 'liaison', group: 'bonus', points: 2, per: 'time' },
    { kind: 'investment', group: 'bonus', points: 3 },
    { kind: 'service', group: 'bonus', points: 2, per: 'time' },
    { kind: 'annual_report', group: 'bonus', points: 0, roles: standing },
  ],
  deductions: [{ kind: 'absence_plenary', points: 30 }, { kind: 'absence_meeting', points: 5 }],
  jointSplit: { mode: 'first_share', firstShare: 0.5 },
  grades: DEFAULT_GRADES,
  quotas: [
    {
      key: 'three_ones', label: '三个一', roles: everyone,
      requirements: [
        { label: '出席全体会议', kinds: ['plenary'], min: 1 },
        { label: '提交一件提案或社情民意信息', kinds: ['proposal', 'social_info'], min: 1 },
        { label: '参加一次视察或调研', kinds: ['research', 'inspection'], min: 1 },
      ],
    },
  ],
};

/**
 * 定西 and 金昌 — the demo's two committees (DOMAIN.md §4, §7). Source: 四个一 for members, 五个一
 * for standing-committee members; 金昌's duty allowance of 1,200 元 a year; "90 分以上的委员达到
 * 90 % 以上" as the feature reports it. Assumed (no public scheme gives the points): a base of
 * points for holding the seat (60), then small bonuses per item with tight group caps, and
 * deductions for unexcused absence: so that absence without leave gives 不合格, doing the minimum
 * 合格, steady work 良好, and only the active reach 优秀 — a
 * cap that most members hit (济南's 120) ranks nobody. Grade names follow the 合格 wording of
 * their 考核办法 (优秀 ≥ 90, 良好 80–89, 合格 60–79, 不合格 < 60). Ties in points are broken by
 * proposals, then social information, then research (`tieBreak`); the 三个一 DOMAIN mentions for
 * 定西 concerns democratic supervisors, not members, and is not a member quota here.
 */
const dingxi: RulesInput = {
  name: '定西市政协委员履职考核（基本分60＋履职积分）',
  preset: 'dingxi',
  base: 60,
  maxTotal: 100,
  groups: [
    { key: 'meetings', label: '会议活动', cap: 20 },
    { key: 'proposals', label: '提案工作', cap: 10 },
    { key: 'info', label: '社情民意', cap: 10 },
    { key: 'research', label: '调研视察监督', cap: 6 },
    { key: 'liaison', label: '联系群众与社会服务', cap: 4 },
  ],
  items: [
    { kind: 'plenary', group: 'meetings', points: 1, per: 'half_day' },
    { kind: 'standing_meeting', group: 'meetings', points: 1.5, per: 'time', roles: standing },
    { kind: 'consultation', group: 'meetings', points: 1.5, per: 'time' },
    { kind: 'other_meeting', group: 'meetings', points: 1, per: 'time' },
    { kind: 'speech', group: 'meetings', points: 3, per: 'time' },
    { kind: 'annual_report', group: 'meetings', points: 3, roles: standing },
    { kind: 'training', group: 'meetings', points: 0.5, per: 'half_day' },
    { kind: 'reading', group: 'meetings', points: 1, per: 'time' },
    { kind: 'proposal', group: 'proposals', points: 3, joint: true },
    { kind: 'proposal_filed', group: 'proposals', points: 2, joint: true },
    { kind: 'proposal_key', group: 'proposals', points: 3, joint: true },
    { kind: 'proposal_excellent', group: 'proposals', points: 3, joint: true },
    { kind: 'social_info', group: 'info', points: 1.5 },
    { kind: 'social_info_adopted', group: 'info', points: 2 },
    { kind: 'leader_instruction', group: 'info', points: 3 },
    { kind: 'research', group: 'research', points: 2, per: 'time' },
    { kind: 'inspection', group: 'research', points: 2, per: 'time' },
    { kind: 'supervision', group: 'research', points: 2, per: 'time' },
    { kind: 'liaison', group: 'liaison', points: 1, per: 'time' },
    { kind: 'investment', group: 'liaison', points: 1.5 },
    { kind: 'service', group: 'liaison', points: 1, per: 'time' },
    { kind: 'other', group: 'liaison', points: 0.5 },
  ],
  deductions: [{ kind: 'absence_plenary', points: 10 }, { kind: 'absence_meeting', points: 3 }],
  jointSplit: { mode: 'first_share', firstShare: 0.5 },
  grades: PASS_GRADES,
  tieBreak: ['proposals', 'info', 'research'],
  quotas: QUOTAS_4_5,
};

/** 金昌: as 定西, with its own weights (meetings count more, research less) and the allowance tied to 四个一 / 五个一. */
const jinchang: RulesInput = {
  ...dingxi,
  name: '金昌市政协委员履职考核（基本分60＋履职积分）',
  preset: 'jinchang',
  groups: [
    { key: 'meetings', label: '会议活动', cap: 22 },
    { key: 'proposals', label: '提案与社情民意', cap: 16 },
    { key: 'research', label: '调研视察监督', cap: 6 },
    { key: 'liaison', label: '联系群众与社会服务', cap: 6 },
  ],
  items: dingxi.items!.map((i) => (i.group === 'info' ? { ...i, group: 'proposals' } : i)),
  tieBreak: ['proposals', 'meetings'],
  allowance: { amountYuan: 1200, minPoints: 60, requireQuotas: true },
};

export const PRESETS = {
  dingxi: { label: '定西（基本分60＋履职积分，百分制）', rules: rulesSchema.parse(dingxi) },
  jinchang: { label: '金昌（基本分60＋履职积分，百分制）', rules: rulesSchema.parse(jinchang) },
  anqing: { label: '安庆（百分制）', rules: rulesSchema.parse(anqing) },
  tongcheng: { label: '桐城（会议50/提案25/活动10/信息15）', rules: rulesSchema.parse(tongcheng) },
  jinan: { label: '济南（基础分70＋加分50）', rules: rulesSchema.parse(jinan) },
} as const satisfies Record<string, { label: string; rules: Rules }>;
export type PresetKey = keyof typeof PRESETS;
export const PRESET_KEYS = Object.keys(PRESETS) as [PresetKey, ...PresetKey[]];

/** The rules of a committee that has chosen none yet. */
export const DEFAULT_PRESET: PresetKey = 'anqing';
