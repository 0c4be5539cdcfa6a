import type { Executor } from '../../../platform/db/unit-of-work.js';
import type { StandingsQuery } from '../contracts.js';
import { competitionRanks, rankOrder, scoreMember, type DutyFact, type Score } from '../domain/engine.js';
import { chinaDate, yearOf } from '../../../platform/time.js';
import { primaryRole } from '../domain/kinds.js';
import { membersForScoring, type ScoredMember } from '../record.repository.js';
import { committeeFacts } from './scoring-facts.js';
import { effectiveRules } from './effective-rules.js';

const zhCompare = new Intl.Collator('zh').compare;

export interface ScoredRow { member: ScoredMember; score: Score }

/** Every active member's score for a year: one aggregate over the committee's verified records, then the engine per member. */
export async function scoreCommittee(db: Executor, committeeId: string, year: number, opts: { rules?: Awaited<ReturnType<typeof effectiveRules>>['rules'] } = {}) {
  const [members, eff, facts] = await Promise.all([
    membersForScoring(db, committeeId),
    opts.rules ? null : effectiveRules(db, committeeId, year),
    committeeFacts(db, committeeId, year),
  ]);
  const rules = opts.rules ?? eff!.rules;
  const byMember = new Map<string, DutyFact[]>();
  for (const f of facts) {
    const cur = byMember.get(f.memberId);
    if (cur) cur.push(f);
    else byMember.set(f.memberId, [f]);
  }
  const rows: ScoredRow[] = members.map((member) => ({ member, score: scoreMember(rules, byMember.get(member.id) ?? [], member.roles) }));
  return { rows, rules, effective: eff };
}

/**
 * The committee table: every active member's live points for the year, ranked in the committee,
 * filtered by sector, role or grade, sorted by points (default, highest first) or name, paged.
 */
export async function committeeStandings(db: Executor, committeeId: string, q: StandingsQuery) {
  const year = q.year ?? yearOf(chinaDate());
  const { rows, rules, effective } = await scoreCommittee(db, committeeId, year);
  // Competition ranking in the whole committee (1, 2, 2, 4), equal points ordered by the rules' tie-break groups, before any filter.
  const byScore = rankOrder(rules);
  const ranked = [...rows].sort((a, b) => byScore(a.score, b.score));
  const rankByMember = new Map<string, number>();
  competitionRanks(ranked, (a, b) => byScore(a.score, b.score)).forEach((r, i) => rankByMember.set(ranked[i].member.id, r));
  let items = rows.map((r) => ({
    memberId: r.member.id, name: r.member.name, sectorId: r.member.sectorId, sectorName: r.member.sectorName, roles: r.member.roles,
    primaryRole: primaryRole(r.member.roles), points: r.score.total, grade: r.score.grade, rank: rankByMember.get(r.member.id)!,
    quotasMet: r.score.quotas.every((x) => x.met), deductions: r.score.deductions.reduce((s, d) => s + d.points, 0),
  }));
  if (q.sectorId) items = items.filter((i) => i.sectorId === q.sectorId);
  if (q.role) items = items.filter((i) => i.roles.includes(q.role!));
  if (q.grade) items = items.filter((i) => i.grade.key === q.grade);
  const order = q.order ?? (q.sort === 'points' ? 'desc' : 'asc');
  const sign = order === 'asc' ? 1 : -1;
  const byName = (a: { name: string; memberId: string }, b: { name: string; memberId: string }) => zhCompare(a.name, b.name) || a.memberId.localeCompare(b.memberId);
  // By rank (points, then the tie-break); members sharing a rank are listed by name (pinyin order), whatever the direction.
  items.sort((a, b) => (q.sort === 'points' ? sign * (b.rank - a.rank) || byName(a, b) : sign * byName(a, b)));
  const byGrade = [...rules.grades].sort((a, b) => b.min - a.min).map((g) => ({ key: g.key, label: g.label, count: items.filter((i) => i.grade.key === g.key).length }));
  return {
    year,
    rules: { name: rules.name, source: effective?.source ?? 'year', ruleSet: effective?.ruleSet ?? null },
    total: items.length,
    byGrade,
    items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
  };
}
