import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { MEMBER_ROLE_LABELS } from '../../org/index.js';
import { findAssessment, publishedResultOf, resultsOf } from '../assessment.repository.js';
import { scoreMember } from '../domain/engine.js';
import { chinaDate, yearOf } from '../../../platform/time.js';
import { primaryRole } from '../domain/kinds.js';
import { PerformanceErrors } from '../performance.errors.js';
import { canOversee, memberIdsOf, type Caller } from '../performance.policy.js';
import { committeeStandings } from '../queries/committee-standings.js';
import { rulesById } from '../queries/effective-rules.js';
import { getMemberStanding } from '../queries/member-standing.js';
import { membersForScoring } from '../record.repository.js';
import { committeeName, factsOfSnapshot, sectorSizeIn } from './outputs.repository.js';
import type { ReportCard } from './report-card-view.js';

export type { ReportCard };

/** Who may see a member's card: staff and leaders anyone's in the committee, a member their own (403 otherwise; 404 for a member of another committee). */
export async function reportCardFor(db: Executor, caller: Caller, memberId: string, year: number = yearOf(chinaDate())): Promise<ReportCard> {
  const { committeeId } = caller;
  const [member] = await membersForScoring(db, committeeId, { memberId });
  if (!member) throw new AppError(PerformanceErrors['performance.member_not_found']);
  if (!canOversee(caller) && !memberIdsOf(caller).includes(memberId)) throw new AppError(PerformanceErrors['performance.report_card_not_own']);

  const role = primaryRole(member.roles);
  const base = {
    committee: { name: await committeeName(db, committeeId) },
    year,
    member: { id: member.id, name: member.name, sectorName: member.sectorName, role, roleLabel: MEMBER_ROLE_LABELS[role] },
  };
  const published = await publishedResultOf(db, committeeId, memberId, year);
  if (published) {
    const head = (await findAssessment(db, committeeId, published.assessmentId))!;
    const [row] = await resultsOf(db, committeeId, head.id, { memberId });
    const rules = await rulesById(db, committeeId, head.ruleSetId);
    const score = scoreMember(rules, await factsOfSnapshot(db, committeeId, memberId, head), row.roles);
    return {
      ...base,
      basis: 'published', revision: head.revision, asOf: chinaDate(head.publishedAt ?? head.computedAt), rulesName: rules.name,
      total: row.points, grade: { key: row.grade, label: rules.grades.find((g) => g.key === row.grade)?.label ?? row.grade },
      rank: {
        committee: row.rank, committeeSize: head.summary.members,
        sector: row.sectorRank, sectorSize: row.sectorId ? await sectorSizeIn(db, committeeId, head.id, row.sectorId) : null,
      },
      byKind: score.byKind.filter((k) => !k.unscored).map((k) => ({ kind: k.kind, label: k.label, count: k.count, points: k.points })),
      deductions: score.deductions, quotas: score.quotas,
      outcome: { commended: row.commended, warned: row.warned, allowanceYuan: row.allowanceYuan },
    };
  }

  const [standing, table] = await Promise.all([
    getMemberStanding(db, committeeId, memberId, year),
    committeeStandings(db, committeeId, { year, sort: 'points', page: 1, pageSize: Number.MAX_SAFE_INTEGER }),
  ]);
  const mine = table.items.find((i) => i.memberId === memberId);
  const inSector = member.sectorId ? table.items.filter((i) => i.sectorId === member.sectorId) : [];
  return {
    ...base,
    basis: 'live', revision: null, asOf: chinaDate(), rulesName: standing.rules.name,
    total: standing.total, grade: standing.grade,
    rank: {
      committee: mine?.rank ?? null, committeeSize: table.total,
      sector: mine && member.sectorId ? inSector.filter((i) => i.points > mine.points).length + 1 : null,
      sectorSize: member.sectorId ? inSector.length : null,
    },
    byKind: standing.byKind.filter((k) => !k.unscored).map((k) => ({ kind: k.kind, label: k.label, count: k.count, points: k.points })),
    deductions: standing.deductions, quotas: standing.quotas, outcome: null,
  };
}
