import { competitionRanks, rankOrder, type KindScore, type Score } from './engine.js';
import type { Rules } from './rules.js';

/**
 * 年度履职考核, the pure part: from every member's score, the ranks (in the committee and in the
 * sector), the quota shortfalls, the commendation and warning lists, the allowance, and the
 * summary the office reports ("90 分以上的委员达到 90% 以上").
 */
export interface AssessedMember {
  memberId: string;
  name: string;
  sectorId: string | null;
  roles: string[];
  score: Score;
}

export interface QuotaShortfall { quota: string; requirement: string; shortfall: number }

export interface AssessmentRow {
  memberId: string;
  name: string;
  sectorId: string | null;
  roles: string[];
  points: number;
  grade: string;
  gradeLabel: string;
  rank: number;
  sectorRank: number | null;
  byKind: Pick<KindScore, 'kind' | 'count' | 'points'>[];
  quotasMet: boolean;
  quotaShortfalls: QuotaShortfall[];
  commended: boolean;
  /** Below the bar (`warning.below`). */
  belowBar: boolean;
  /** On the warning list: below the bar, or among the bottom N. */
  warned: boolean;
  /** Below the bar this year and last year: for the chair's meeting (不再推荐连任). */
  warnedAgain: boolean;
  allowanceYuan: number;
}

export interface AssessmentSummary {
  members: number;
  byGrade: { key: string; label: string; count: number }[];
  atLeast90: number;
  /** Share of members with ≥ 90 points, 0–1. */
  shareAtLeast90: number;
  commended: number;
  warned: number;
  warnedAgain: number;
  quotasMet: number;
  allowance: { members: number; totalYuan: number };
}

/** For points sorted highest first: how many have strictly fewer points than each. */
function fewerThan(sortedDesc: number[]): number[] {
  const out = new Array<number>(sortedDesc.length);
  for (let i = sortedDesc.length - 1; i >= 0; i--) {
    out[i] = i + 1 < sortedDesc.length && sortedDesc[i + 1] === sortedDesc[i] ? out[i + 1] : sortedDesc.length - 1 - i;
  }
  return out;
}

/** Chinese name order (pinyin), as `localeCompare(…, 'zh')`, with one collator instead of one per comparison. */
const byName = new Intl.Collator('zh').compare;

export function assess(rules: Rules, members: readonly AssessedMember[], belowBarLastYear: ReadonlySet<string>): { rows: AssessmentRow[]; summary: AssessmentSummary } {
  // Ranked by points, equal points by the rule set's tie-break groups; still equal: by name for the list, sharing the rank.
  const scoreOrder = rankOrder(rules);
  const order = (a: AssessedMember, b: AssessedMember) => scoreOrder(a.score, b.score);
  const sorted = [...members].sort((a, b) => order(a, b) || byName(a.name, b.name));
  const totals = sorted.map((m) => m.score.total);
  const rank = competitionRanks(sorted, order);
  const sectorRank = new Map<string, number>();
  for (const sector of new Set(sorted.map((m) => m.sectorId).filter((s): s is string => !!s))) {
    const inSector = sorted.filter((m) => m.sectorId === sector);
    competitionRanks(inSector, order).forEach((r, i) => sectorRank.set(inSector[i].memberId, r));
  }
  const topGrade = [...rules.grades].sort((a, b) => b.min - a.min)[0].key;
  const bottomN = rules.warning.bottomN;
  const below = fewerThan(totals);
  const rows = sorted.map((m, i): AssessmentRow => {
    const points = m.score.total;
    const belowBar = points < rules.warning.below;
    // Position from the bottom, ties sharing it: the member is among the bottom N when fewer than N have fewer points.
    const inBottom = bottomN !== null && below[i] < bottomN;
    const commended = rules.commendation.mode === 'top_grade' ? m.score.grade.key === topGrade : rank[i] <= rules.commendation.n;
    const quotaShortfalls = m.score.quotas.flatMap((q) =>
      q.requirements.filter((r) => !r.met).map((r) => ({ quota: q.label, requirement: r.label, shortfall: r.shortfall })));
    const quotasMet = quotaShortfalls.length === 0;
    const eligible = points >= rules.allowance.minPoints && (!rules.allowance.requireQuotas || quotasMet);
    return {
      memberId: m.memberId, name: m.name, sectorId: m.sectorId, roles: m.roles, points,
      grade: m.score.grade.key, gradeLabel: m.score.grade.label,
      rank: rank[i], sectorRank: m.sectorId ? sectorRank.get(m.memberId)! : null,
      byKind: m.score.byKind.map((k) => ({ kind: k.kind, count: k.count, points: k.points })),
      quotasMet, quotaShortfalls,
      commended: commended && !belowBar,
      belowBar,
      warned: belowBar || inBottom,
      warnedAgain: belowBar && belowBarLastYear.has(m.memberId),
      allowanceYuan: eligible ? rules.allowance.amountYuan : 0,
    };
  });
  const atLeast90 = rows.filter((r) => r.points >= 90).length;
  const eligible = rows.filter((r) => r.allowanceYuan > 0);
  const summary: AssessmentSummary = {
    members: rows.length,
    byGrade: [...rules.grades].sort((a, b) => b.min - a.min).map((g) => ({ key: g.key, label: g.label, count: rows.filter((r) => r.grade === g.key).length })),
    atLeast90,
    shareAtLeast90: rows.length ? Math.round((atLeast90 / rows.length) * 10000) / 10000 : 0,
    commended: rows.filter((r) => r.commended).length,
    warned: rows.filter((r) => r.warned).length,
    warnedAgain: rows.filter((r) => r.warnedAgain).length,
    quotasMet: rows.filter((r) => r.quotasMet).length,
    allowance: { members: eligible.length, totalYuan: eligible.reduce((s, r) => s + r.allowanceYuan, 0) },
  };
  return { rows, summary };
}
