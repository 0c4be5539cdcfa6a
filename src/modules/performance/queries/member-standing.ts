import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { publishedResultOf } from '../assessment.repository.js';
import { scoreMember, type Score } from '../domain/engine.js';
import { chinaDate, yearOf } from '../../../platform/time.js';
import { primaryRole, type MemberRole } from '../domain/kinds.js';
import { PerformanceErrors } from '../performance.errors.js';
import { membersForScoring, pendingOf, type RecordRow } from '../record.repository.js';
import { memberFacts } from './scoring-facts.js';
import { effectiveRules, type EffectiveRules } from './effective-rules.js';

export interface StandingView extends Score {
  year: number;
  member: { id: string; name: string; sectorId: string | null; sectorName: string | null; roles: string[]; primaryRole: MemberRole };
  rules: { name: string; preset: string | null; maxTotal: number | null; source: EffectiveRules['source']; ruleSet: EffectiveRules['ruleSet'] };
  /** The total would be higher without the rules' ceiling (maxTotal): shown as 已达上限. */
  atCeiling: boolean;
  /** Self-reported records of the year waiting for verification (they do not count yet). */
  pending: Pick<RecordRow, 'id' | 'kind' | 'title' | 'occurredOn' | 'createdAt'>[];
  /** The member's result in the year's published assessment, once there is one (the live points may differ after it). */
  published: Awaited<ReturnType<typeof publishedResultOf>>;
}

/**
 * 履职成绩单, live: a member's points so far this year, by kind and group, deductions, grade,
 * quota progress, and what is still pending. One aggregate query over the member's verified
 * records (memberFacts) feeds the pure engine.
 */
export async function getMemberStanding(db: Executor, committeeId: string, memberId: string, year: number = yearOf(chinaDate())): Promise<StandingView> {
  const [members, eff, facts, pending, published] = await Promise.all([
    membersForScoring(db, committeeId, { memberId }),
    effectiveRules(db, committeeId, year),
    memberFacts(db, committeeId, memberId, year),
    pendingOf(db, committeeId, memberId, year),
    publishedResultOf(db, committeeId, memberId, year),
  ]);
  const m = members[0];
  if (!m) throw new AppError(PerformanceErrors['performance.member_not_found']);
  const score = scoreMember(eff.rules, facts, m.roles);
  return {
    year,
    member: { ...m, primaryRole: primaryRole(m.roles) },
    rules: { name: eff.rules.name, preset: eff.rules.preset, maxTotal: eff.rules.maxTotal, source: eff.source, ruleSet: eff.ruleSet },
    ...score,
    atCeiling: eff.rules.maxTotal !== null && score.total >= eff.rules.maxTotal
      && score.base + score.byGroup.reduce((s, g) => s + g.points, 0) - score.deductions.reduce((s, d) => s + d.points, 0) > eff.rules.maxTotal,
    pending,
    published,
  };
}
