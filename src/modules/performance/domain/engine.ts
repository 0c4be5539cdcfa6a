import { DUTY_KINDS, primaryRole, type CreditRole, type DutyKind } from './kinds.js';
import type { GradeBand, JointSplit, Rules } from './rules.js';

/**
 * The rules engine: pure, no database. Its input is a member's verified records of one year,
 * already aggregated by (kind, the member's role in the record, number of members on the
 * record) — one SQL GROUP BY gives exactly this — so a single record is a fact with count 1.
 */
export type DutyFact = {
  kind: DutyKind;
  /** Number of records. */
  count: number;
  /** Sum of the records' units (half-days of attendance; 1 for anything else). */
  units: number;
  /** The member's part in the records (joint proposals), if any. */
  role: CreditRole | null;
  /** How many members each of these records names. */
  memberCount: number;
};

export interface KindScore {
  kind: DutyKind;
  label: string;
  group: string | null;
  count: number;
  units: number;
  /** Points before the kind's cap. */
  raw: number;
  /** Points after the kind's cap (before the group's). */
  points: number;
  capped: boolean;
  /** Why the records earned nothing: no rule for the kind, or the rule is for other roles. */
  unscored?: 'no_rule' | 'role';
}

export interface GroupScore { key: string; label: string; raw: number; points: number; cap: number | null; capped: boolean }
export interface DeductionScore { kind: DutyKind; label: string; count: number; points: number }
export interface QuotaProgress {
  key: string;
  label: string;
  met: boolean;
  requirements: { label: string; kinds: DutyKind[]; min: number; count: number; met: boolean; shortfall: number }[];
}

export interface Score {
  total: number;
  base: number;
  grade: { key: string; label: string };
  byKind: KindScore[];
  byGroup: GroupScore[];
  deductions: DeductionScore[];
  quotas: QuotaProgress[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A member's share of a joint record's points. */
export function shareOf(split: JointSplit, role: CreditRole | null, memberCount: number): number {
  const n = Math.max(1, memberCount);
  if (n === 1) return 1;
  switch (split.mode) {
    case 'full':
      return 1;
    case 'equal':
      return 1 / n;
    case 'first_share':
      if (role === 'first') return split.firstShare;
      if (role === 'cosigner') return (1 - split.firstShare) / (n - 1);
      return 1 / n;
    case 'by_role':
      return role === 'first' ? split.first : role === 'cosigner' ? split.cosigner : 1 / n;
  }
}

export function gradeOf(bands: readonly GradeBand[], total: number): { key: string; label: string } {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return bandOf(sorted, total);
}

function bandOf(sortedDesc: readonly GradeBand[], total: number): { key: string; label: string } {
  const band = sortedDesc.find((b) => total >= b.min) ?? sortedDesc[sortedDesc.length - 1];
  return { key: band.key, label: band.label };
}

/**
 * The lookups a rule set needs for every member, made once per rule set (a committee's run scores
 * hundreds of members under one Rules object): at 200 members they were a fifth of the scoring time.
 */
interface CompiledRules {
  items: Map<DutyKind, Rules['items'][number]>;
  deductions: Map<DutyKind, Rules['deductions'][number]>;
  gradesDesc: GradeBand[];
}
const compiledRules = new WeakMap<Rules, CompiledRules>();
function compile(rules: Rules): CompiledRules {
  let c = compiledRules.get(rules);
  if (!c) {
    c = {
      items: new Map(rules.items.map((i) => [i.kind, i])),
      deductions: new Map(rules.deductions.map((d) => [d.kind, d])),
      gradesDesc: [...rules.grades].sort((a, b) => b.min - a.min),
    };
    compiledRules.set(rules, c);
  }
  return c;
}

/** Scores one member: points by kind and group, deductions, total, grade and quota progress. */
export function scoreMember(rules: Rules, facts: readonly DutyFact[], roles: readonly string[]): Score {
  const { items, deductions: deductionRules, gradesDesc } = compile(rules);
  const kinds = new Map<DutyKind, KindScore>();
  const deductions = new Map<DutyKind, DeductionScore>();

  for (const f of facts) {
    const d = deductionRules.get(f.kind);
    if (d) {
      const cur = deductions.get(f.kind) ?? { kind: f.kind, label: DUTY_KINDS[f.kind], count: 0, points: 0 };
      cur.count += f.count;
      cur.points += d.points * f.count;
      deductions.set(f.kind, cur);
      continue;
    }
    const item = items.get(f.kind);
    const k = kinds.get(f.kind) ?? { kind: f.kind, label: DUTY_KINDS[f.kind], group: item?.group ?? null, count: 0, units: 0, raw: 0, points: 0, capped: false };
    k.count += f.count;
    k.units += f.units;
    if (!item) k.unscored = 'no_rule';
    else if (item.roles && !item.roles.some((r) => roles.includes(r))) k.unscored = 'role';
    else {
      const quantity = item.per === 'half_day' ? f.units : f.count;
      k.raw += item.points * quantity * (item.joint ? shareOf(rules.jointSplit, f.role, f.memberCount) : 1);
    }
    kinds.set(f.kind, k);
  }

  for (const k of kinds.values()) {
    const cap = items.get(k.kind)?.cap ?? null;
    k.points = cap !== null ? Math.min(k.raw, cap) : k.raw;
    k.capped = cap !== null && k.raw > cap;
  }
  const groupRaw = new Map<string, number>();
  for (const k of kinds.values()) if (k.group !== null && !k.unscored) groupRaw.set(k.group, (groupRaw.get(k.group) ?? 0) + k.points);
  const byGroup: GroupScore[] = rules.groups.map((g) => {
    const raw = groupRaw.get(g.key) ?? 0;
    const points = g.cap !== null ? Math.min(raw, g.cap) : raw;
    return { key: g.key, label: g.label, raw: round2(raw), points: round2(points), cap: g.cap, capped: g.cap !== null && raw > g.cap };
  });
  for (const d of deductions.values()) {
    const cap = deductionRules.get(d.kind)!.cap;
    d.points = round2(cap !== null ? Math.min(d.points, cap) : d.points);
  }
  const earned = byGroup.reduce((s, g) => s + g.points, 0);
  const lost = [...deductions.values()].reduce((s, d) => s + d.points, 0);
  let total = rules.base + earned - lost;
  total = Math.max(0, rules.maxTotal !== null ? Math.min(total, rules.maxTotal) : total);
  total = round2(total);

  return {
    total,
    base: rules.base,
    grade: bandOf(gradesDesc, total),
    byKind: [...kinds.values()].map((k) => ({ ...k, raw: round2(k.raw), points: round2(k.points), units: round2(k.units) })),
    byGroup,
    deductions: [...deductions.values()],
    quotas: quotaProgress(rules, facts, roles),
  };
}

/** Progress toward the quotas of the member's primary role (a 常委 is held to 五个一, not also 四个一). */
export function quotaProgress(rules: Rules, facts: readonly DutyFact[], roles: readonly string[]): QuotaProgress[] {
  const role = primaryRole(roles);
  const counts = new Map<DutyKind, number>();
  for (const f of facts) counts.set(f.kind, (counts.get(f.kind) ?? 0) + f.count);
  return rules.quotas
    .filter((q) => q.roles.includes(role))
    .map((q) => {
      const requirements = q.requirements.map((r) => {
        const count = r.kinds.reduce((s, k) => s + (counts.get(k) ?? 0), 0);
        return { label: r.label, kinds: r.kinds, min: r.min, count, met: count >= r.min, shortfall: Math.max(0, r.min - count) };
      });
      return { key: q.key, label: q.label, met: requirements.every((r) => r.met), requirements };
    });
}

/**
 * Orders scores for ranking, highest first: by total, then by the points of the rule set's
 * `tieBreak` groups in order. 0 means the same rank (1, 2, 2, 4).
 */
export function rankOrder(rules: Pick<Rules, 'tieBreak'>): (a: Score, b: Score) => number {
  const keys = rules.tieBreak ?? [];
  const pointsIn = (s: Score, key: string) => s.byGroup.find((g) => g.key === key)?.points ?? 0;
  return (a, b) => {
    if (b.total !== a.total) return b.total - a.total;
    for (const key of keys) {
      const d = pointsIn(b, key) - pointsIn(a, key);
      if (d !== 0) return d;
    }
    return 0;
  };
}

/** Competition ranks (1, 2, 2, 4) of items already sorted by `order`. */
export function competitionRanks<T>(sorted: readonly T[], order: (a: T, b: T) => number): number[] {
  const out: number[] = [];
  sorted.forEach((x, i) => out.push(i > 0 && order(sorted[i - 1], x) === 0 ? out[i - 1] : i + 1));
  return out;
}
