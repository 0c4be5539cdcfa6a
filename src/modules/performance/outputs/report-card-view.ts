import type { DeductionScore, QuotaProgress } from '../domain/engine.js';

/**
 * 履职成绩单: one member's year on one page — points, grade, ranks in the committee and in the
 * sector, points by kind, deductions, quota progress. Once the year's assessment is published
 * the card shows that result (recomputed from its frozen records under its frozen rules, so
 * the breakdown adds up to the published points); before, the live standing with live ranks.
 */
export interface ReportCard {
  committee: { name: string };
  year: number;
  basis: 'published' | 'live';
  /** The published revision, when `basis` is published. */
  revision: number | null;
  /** The date the figures are as of (China time). */
  asOf: string;
  member: { id: string; name: string; sectorName: string | null; role: string; roleLabel: string };
  rulesName: string;
  total: number;
  grade: { key: string; label: string };
  rank: { committee: number | null; committeeSize: number; sector: number | null; sectorSize: number | null };
  byKind: { kind: string; label: string; count: number; points: number }[];
  deductions: DeductionScore[];
  quotas: QuotaProgress[];
  /** The decisions of the published assessment. */
  outcome: { commended: boolean; warned: boolean; allowanceYuan: number } | null;
}
