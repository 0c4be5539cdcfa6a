import { z } from 'zod';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import type { Rating } from '../contracts.js';
import { chinaDate, chinaYear } from '../../../platform/time.js';
import { defineFigure, scopeParam } from '../../../platform/figures.js';
import { selfScope, type CommitteeScope, type ScopeKind } from '../../../platform/scope.js';
import { parseSettings } from '../domain/settings.js';
import { FILED_STATES } from '../exports/labels.js';
import { ReportErrors, ReportPermissions } from '../exports/reports.policy.js';
import { currentSession, readSettings, sessionById } from '../proposal.repository.js';
import {
  answeringAssignments, byCategory, bySector, classCounts, countsByState, latestRatings, monthly, workload, type AnswerRow, type FigureScope,
} from './figures-repository.js';

export const figuresQuery = z.object({
  sessionId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  scope: scopeParam,
}).refine((q) => !(q.sessionId && q.year), { message: '请只选择会议或年度之一 / give either sessionId or year, not both' })
  .refine((q) => !(q.sessionId && q.scope === 'tree'), { message: '全市各级统计按年度，不能选择会议 / figures across levels are by year, not by session', path: ['sessionId'] });
export type FiguresQuery = z.infer<typeof figuresQuery>;

const ratio = (num: number, den: number) => (den ? Math.round((num / den) * 10000) / 10000 : null);

export interface Timeliness {
  /** Answering assignments (主办, or each unit in 分办) of filed proposals. */
  answering: number;
  replied: number;
  onTime: number;
  late: number;
  /** Deadline passed, no reply released. */
  overdue: number;
  pending: number;
  /** onTime / (onTime + late + overdue): replies due so far that came in time. */
  onTimeRate: number | null;
}

export interface Satisfaction {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  total: number;
  /** (满意 + 基本满意) / all ratings (each rater's latest). */
  rate: number | null;
}

export interface UnitFigures extends Timeliness, Satisfaction {
  unitId: string;
  name: string;
  lead: number;
  co: number;
  split: number;
}

export interface ProposalFigures {
  /** What the figures cover: a session or a year; one committee (self) or it and those below (tree, 全市各级). */
  scope: { sessionId: string | null; sessionName: string | null; year: number | null; kind: ScopeKind; committees: number };
  totals: { received: number; filed: number; merged: number; converted: number; notFiled: number; withdrawn: number; underReview: number };
  notFiledByReason: { code: string; label: string; count: number }[];
  timeliness: Timeliness;
  classes: { code: string; label: string; count: number; share: number | null }[];
  satisfaction: Satisfaction;
  units: UnitFigures[];
  sectors: { name: string; received: number; filed: number }[];
  categories: { name: string; received: number; filed: number; replied: number }[];
  monthly: { month: string; received: number; filed: number; replied: number }[];
}

function timeliness(rows: Pick<AnswerRow, 'status'>[]): Timeliness {
  const c = { on_time: 0, late: 0, overdue: 0, pending: 0 };
  for (const r of rows) c[r.status]++;
  return {
    answering: rows.length, replied: c.on_time + c.late, onTime: c.on_time, late: c.late, overdue: c.overdue, pending: c.pending,
    onTimeRate: ratio(c.on_time, c.on_time + c.late + c.overdue),
  };
}

function satisfaction(ratings: Rating[]): Satisfaction {
  const c = { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 };
  for (const r of ratings) c[r]++;
  const total = ratings.length;
  return {
    satisfied: c.satisfied, basicallySatisfied: c.basically_satisfied, dissatisfied: c.dissatisfied, total,
    rate: ratio(c.satisfied + c.basically_satisfied, total),
  };
}

/** Months from `from` to `to` inclusive (YYYY-MM). */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

/**
 * 提案统计 of one plenary session (default: the current one) or of the proposals submitted in a
 * calendar year: received / filed / merged / converted / not filed (by reason), on-time replies,
 * result classes, satisfaction, and the same per unit, sector, category and month.
 */
export async function proposalFigures(db: Executor, where: CommitteeScope | string, q: Omit<FiguresQuery, 'scope'> & { scope?: ScopeKind }, opts: { today?: string } = {}): Promise<ProposalFigures> {
  const committees = typeof where === 'string' ? selfScope(where) : where;
  const committeeId = committees.rootId;
  // Sessions belong to one committee: across levels (全市各级) the figures are of a year, this one by default.
  if (committees.kind === 'tree' && q.year === undefined) q = { ...q, year: chinaYear() };
  let sessionId = q.sessionId;
  let sessionName: string | null = null;
  if (sessionId) {
    const s = await sessionById(db, committeeId, sessionId);
    if (!s) throw new AppError(ReportErrors['proposal_export.session_not_found']);
    sessionName = s.name;
  } else if (q.year === undefined) {
    const cur = await currentSession(db, committeeId);
    sessionId = cur.session?.id;
    sessionName = cur.session?.name ?? null;
  }
  const scope: FigureScope = { committees, sessionId, year: q.year };
  const today = opts.today ?? chinaDate();
  const settings = parseSettings(await readSettings(db, committeeId));
  // One after another: the statements are small, and a caller may pass a transaction's single connection.
  const states = await countsByState(db, scope);
  const answers = await answeringAssignments(db, scope, today);
  const load = await workload(db, scope);
  const classes = await classCounts(db, scope);
  const ratings = await latestRatings(db, scope);
  const sectors = await bySector(db, scope);
  const categories = await byCategory(db, scope);
  const months = await monthly(db, scope);

  const sum = (pred: (s: string) => boolean) => states.filter((r) => pred(r.state)).reduce((n, r) => n + r.n, 0);
  const filedSet = new Set<string>(FILED_STATES);
  const reasons = new Map<string, number>();
  for (const r of states.filter((x) => x.state === 'not_filed')) reasons.set(r.code ?? '', (reasons.get(r.code ?? '') ?? 0) + r.n);

  const units = new Map<string, UnitFigures>();
  const unit = (unitId: string, name: string) => {
    let u = units.get(unitId);
    if (!u) {
      u = { unitId, name, lead: 0, co: 0, split: 0, ...timeliness([]), ...satisfaction([]) };
      units.set(unitId, u);
    }
    return u;
  };
  for (const w of load) unit(w.unitId, w.unitName)[w.role] += w.n;
  const answersByUnit = new Map<string, AnswerRow[]>();
  for (const a of answers) answersByUnit.set(a.unitId, [...(answersByUnit.get(a.unitId) ?? []), a]);
  for (const [unitId, rows] of answersByUnit) Object.assign(unit(unitId, rows[0].unitName), timeliness(rows));
  const ratingsByUnit = new Map<string, Rating[]>();
  for (const r of ratings) for (const u of r.unitIds) ratingsByUnit.set(u, [...(ratingsByUnit.get(u) ?? []), r.rating]);
  for (const [unitId, rs] of ratingsByUnit) {
    const u = units.get(unitId);
    if (u) Object.assign(u, satisfaction(rs));
  }

  const classTotal = classes.reduce((n, c) => n + c.n, 0);
  const repliedByMonth = new Map<string, number>();
  for (const a of answers) if (a.repliedMonth) repliedByMonth.set(a.repliedMonth, (repliedByMonth.get(a.repliedMonth) ?? 0) + 1);
  const monthKeys = [...months.map((m) => m.month), ...repliedByMonth.keys()].sort();
  const span = q.year !== undefined
    ? monthsBetween(`${q.year}-01`, `${q.year}-12`)
    : monthKeys.length ? monthsBetween(monthKeys[0], monthKeys[monthKeys.length - 1]) : [];
  const byMonth = new Map(months.map((m) => [m.month, m]));

  return {
    scope: { sessionId: sessionId ?? null, sessionName, year: q.year ?? null, kind: committees.kind, committees: committees.committeeIds.length },
    totals: {
      received: sum(() => true),
      filed: sum((s) => filedSet.has(s)),
      merged: sum((s) => s === 'merged'),
      converted: sum((s) => s === 'converted'),
      notFiled: sum((s) => s === 'not_filed'),
      withdrawn: sum((s) => s === 'withdrawn'),
      underReview: sum((s) => s === 'submitted' || s === 'pre_reviewed' || s === 'returned'),
    },
    notFiledByReason: [...reasons].map(([code, count]) => ({ code, label: settings.rejectReasons.find((r) => r.code === code)?.label ?? code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    timeliness: timeliness(answers),
    classes: settings.replyClasses.map((k) => {
      const count = classes.find((c) => c.code === k.code)?.n ?? 0;
      return { code: k.code, label: k.label, count, share: ratio(count, classTotal) };
    }).concat(classes.filter((c) => !settings.replyClasses.some((k) => k.code === c.code)).map((c) => ({ code: c.code, label: c.code, count: c.n, share: ratio(c.n, classTotal) }))),
    satisfaction: satisfaction(ratings.map((r) => r.rating)),
    units: [...units.values()].sort((a, b) => b.lead + b.split + b.co - (a.lead + a.split + a.co) || a.name.localeCompare(b.name, 'zh')),
    sectors: sectors.map((s) => ({ name: s.name ?? '未分界别', received: s.received, filed: s.filed })),
    categories,
    monthly: span.map((month) => ({ month, received: byMonth.get(month)?.received ?? 0, filed: byMonth.get(month)?.filed ?? 0, replied: repliedByMonth.get(month) ?? 0 })),
  };
}

/** 提案统计 as a figure of the module (platform/figures.ts): the route, with scope=self|tree. */
export const proposalFiguresDef = defineFigure({
  name: 'proposals',
  title: { zh: '提案统计', en: 'Proposal figures' },
  permission: ReportPermissions['proposals.figures'],
  query: figuresQuery,
  url: '/api/proposals/figures',
  summary: '提案统计 of a session (default: the current one) or a year, of this committee or (scope=tree) it and every committee below it (全市各级, by year): received / filed / merged / converted / not filed, on-time replies, classes, satisfaction, per unit / sector / category / month',
  compute: (db, scope, q) => proposalFigures(db, scope, q),
  // A leader's workbench: the current session at a glance.
  headline: (f, lang) => {
    const zh = lang === 'zh';
    return [
      { label: zh ? '收到提案' : 'Received', value: f.totals.received },
      { label: zh ? '立案' : 'Filed', value: f.totals.filed },
      { label: zh ? '按期答复率' : 'Answered on time', value: f.timeliness.onTimeRate, unit: '%' as const },
      { label: zh ? '逾期未答复' : 'Overdue', value: f.timeliness.overdue },
      { label: zh ? '满意率' : 'Satisfaction', value: f.satisfaction.rate, unit: '%' as const },
    ];
  },
});
