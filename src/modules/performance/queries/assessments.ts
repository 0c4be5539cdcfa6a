import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { findAssessment, listAssessments, resultsOf } from '../assessment.repository.js';
import { PerformanceErrors } from '../performance.errors.js';
import { rulesById } from './effective-rules.js';

/** One run with every member's result (ranked), the lists and the rules it used. */
export async function getAssessment(db: Executor, committeeId: string, id: string) {
  const head = await findAssessment(db, committeeId, id);
  if (!head) throw new AppError(PerformanceErrors['performance.assessment_not_found']);
  const [rules, results] = await Promise.all([rulesById(db, committeeId, head.ruleSetId), resultsOf(db, committeeId, id)]);
  const labels = new Map(rules.grades.map((g) => [g.key, g.label]));
  const items = results.map((r) => ({ ...r, gradeLabel: labels.get(r.grade) ?? r.grade }));
  return {
    ...head,
    rules: { name: rules.name, preset: rules.preset, allowance: rules.allowance, commendation: rules.commendation, warning: rules.warning },
    results: items,
    commended: items.filter((r) => r.commended).map((r) => ({ memberId: r.memberId, name: r.name, points: r.points })),
    warned: items.filter((r) => r.warned).map((r) => ({ memberId: r.memberId, name: r.name, points: r.points, warnedAgain: r.warnedAgain })),
  };
}

/** The runs of a year (or of every year), newest first. */
export async function listAssessmentRuns(db: Executor, committeeId: string, year?: number) {
  return { items: await listAssessments(db, committeeId, year) };
}
