import type { UnitOfWork } from '../../../platform/db/unit-of-work.js';
import { assessmentChanges } from '../domain/assessment-diff.js';
import { assess, type AssessmentRow, type AssessmentSummary } from '../domain/assessment.js';
import type { Rules } from '../domain/rules.js';
import { belowBarIn, replaceResults, resultsOf } from '../assessment.repository.js';
import { scoreCommittee } from '../queries/committee-standings.js';

export type Progress = (done: number, total: number, stage: 'scoring' | 'saving') => void;

/**
 * Computes a committee's assessment of a year from its verified records as they are now, under
 * `rules`: the snapshot of record ids per member, points, grades, ranks, lists. Reads inside the
 * caller's transaction, so the snapshot and the results are one consistent picture.
 */
export async function computeAssessment(uow: UnitOfWork, committeeId: string, year: number, rules: Rules, onProgress?: Progress) {
  const { rows } = await scoreCommittee(uow.tx, committeeId, year, { ids: true, rules });
  onProgress?.(rows.length, rows.length, 'scoring');
  const lastYear = await belowBarIn(uow.tx, committeeId, year - 1);
  return assess(
    rules,
    rows.map((r) => ({ memberId: r.member.id, name: r.member.name, sectorId: r.member.sectorId, roles: r.member.roles, score: r.score, recordIds: r.recordIds })),
    lastYear,
  );
}

/** Writes the results of a run (replacing any earlier ones of the same run). */
export async function saveResults(uow: UnitOfWork, committeeId: string, assessmentId: string, rows: AssessmentRow[], onProgress?: Progress) {
  await replaceResults(uow.tx, committeeId, assessmentId, rows, (done) => onProgress?.(done, rows.length, 'saving'));
}

/** What changed between two runs, member by member (for the audit row of a rerun or a revision). */
export async function changesSince(uow: UnitOfWork, committeeId: string, previousId: string, rows: AssessmentRow[], summary: AssessmentSummary) {
  const before = await resultsOf(uow.tx, committeeId, previousId);
  return assessmentChanges(before, rows, summary);
}
