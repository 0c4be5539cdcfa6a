import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { findAssessment, insertAssessment, latestAssessment, setAssessmentStatus } from '../assessment.repository.js';
import { reviseInput } from '../contracts.js';
import { PerformanceErrors } from '../performance.errors.js';
import type { Caller } from '../performance.policy.js';
import { rulesById } from '../queries/effective-rules.js';
import { lockYear } from '../rules.repository.js';
import { changesSince, computeAssessment, saveResults, snapshotInstant, type Progress } from './compute-assessment.js';

/**
 * 更正: after publication, a correction (a record verified late, one voided) is a new published
 * revision computed under the same frozen rules; the previous revision stays, marked superseded,
 * and the audit row names the reason and every member whose result changed.
 */
export async function reviseAssessment(db: Db, caller: Caller, id: string, raw: { reason: string }, opts: { onProgress?: Progress } = {}) {
  const { reason } = reviseInput.parse(raw);
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    const found = await findAssessment(uow.tx, committeeId, id);
    if (!found) throw new AppError(PerformanceErrors['performance.assessment_not_found']);
    await lockYear(uow.tx, committeeId, found.year);
    const asOf = await snapshotInstant(uow);
    const latest = (await latestAssessment(uow.tx, committeeId, found.year))!;
    if (latest.id !== id) throw new AppError(PerformanceErrors['performance.assessment_not_latest']);
    if (latest.status !== 'published') throw new AppError(PerformanceErrors['performance.assessment_not_published']);

    const rules = await rulesById(uow.tx, committeeId, latest.ruleSetId);
    const { rows, summary } = await computeAssessment(uow, committeeId, latest.year, rules, opts.onProgress);
    const diff = await changesSince(uow, committeeId, latest, asOf, rows, summary);
    const revision = latest.revision + 1;
    const by = caller.actor.userId;
    await setAssessmentStatus(uow.tx, committeeId, latest.id, 'superseded', by);
    const newId = await insertAssessment(uow.tx, committeeId, { year: latest.year, revision, status: 'published', ruleSetId: latest.ruleSetId, summary, reason, by, asOf });
    await saveResults(uow, committeeId, newId, rows, { fresh: true, onProgress: opts.onProgress });
    await uow.audit({
      committeeId, action: 'assessment.revised', entity: 'assessment', entityId: newId,
      before: { assessmentId: latest.id, revision: latest.revision, summary: latest.summary },
      after: { revision, reason, ...diff },
    });
    await uow.emit({ type: 'performance.assessment_revised', committeeId, entityId: newId, payload: { assessmentId: newId, previousId: latest.id, year: latest.year, revision } });
    return { id: newId, year: latest.year, revision, status: 'published' as const, summary, changed: diff.changed.length };
  });
}
