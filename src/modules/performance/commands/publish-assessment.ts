import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { findAssessment, latestAssessment, setAssessmentStatus } from '../assessment.repository.js';
import { PerformanceErrors } from '../performance.errors.js';
import type { Caller } from '../performance.policy.js';
import { freezeRuleSet, lockYear } from '../rules.repository.js';

/**
 * 发布: the office publishes the year's draft. The result is final (a correction is a new
 * revision) and the year's rules are frozen.
 */
export async function publishAssessment(db: Db, caller: Caller, id: string) {
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const found = await findAssessment(uow.tx, committeeId, id);
    if (!found) throw new AppError(PerformanceErrors['performance.assessment_not_found']);
    await lockYear(uow.tx, committeeId, found.year);
    const latest = await latestAssessment(uow.tx, committeeId, found.year);
    if (latest?.id !== id || latest.status !== 'draft') throw new AppError(PerformanceErrors['performance.assessment_not_draft']);
    await setAssessmentStatus(uow.tx, committeeId, id, 'published', caller.actor.userId);
    await freezeRuleSet(uow.tx, committeeId, latest.ruleSetId);
    await uow.audit({
      committeeId, action: 'assessment.published', entity: 'assessment', entityId: id,
      before: { status: 'draft' }, after: { status: 'published', year: latest.year, revision: latest.revision, ruleSetId: latest.ruleSetId, summary: latest.summary },
    });
    await uow.emit({ type: 'performance.assessment_published', committeeId, entityId: id, payload: { assessmentId: id, year: latest.year, revision: latest.revision } });
    return { id, year: latest.year, revision: latest.revision, status: 'published' as const, summary: latest.summary };
  });
}
