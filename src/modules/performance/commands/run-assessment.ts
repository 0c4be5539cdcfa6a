import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { transact } from '../../../platform/db/unit-of-work.js';
import { AppError } from '../../../platform/errors.js';
import { insertAssessment, latestAssessment, updateDraft } from '../assessment.repository.js';
import { assessInput } from '../contracts.js';
import { PerformanceErrors } from '../performance.errors.js';
import type { Caller } from '../performance.policy.js';
import { effectiveRules, rulesOf } from '../queries/effective-rules.js';
import { insertRuleSet, latestRuleSet, lockYear } from '../rules.repository.js';
import { changesSince, computeAssessment, saveResults, snapshotInstant, type Progress } from './compute-assessment.js';

/**
 * 年度履职考核, run: computes every active member's result for the year from the verified
 * records as they are now (the snapshot: the run's as_of instant, see snapshotInstant). Before publication the
 * run is a draft and running again recomputes the same draft in place — the same records give
 * the same results. A year without rules of its own gets the rules it is scored by (carried
 * over, or the default preset) stored as its version 1, so that publishing can freeze them.
 */
export async function runAssessment(db: Db, caller: Caller, raw: { year: number }, opts: { onProgress?: Progress } = {}) {
  const { year } = assessInput.parse(raw);
  const { committeeId } = caller;
  return transact(db, caller.actor, async (uow) => {
    // A draft is recomputable: its commit need not wait for the WAL flush (a crash can lose the last
    // instant of runs, whole — never half of one). Publishing and revising commit synchronously.
    await uow.tx.execute(sql`set local synchronous_commit = off`);
    await lockYear(uow.tx, committeeId, year);
    const asOf = await snapshotInstant(uow);
    const latest = await latestAssessment(uow.tx, committeeId, year);
    if (latest && latest.status !== 'draft') throw new AppError(PerformanceErrors['performance.assessment_published'], { year });

    let ruleSet = await latestRuleSet(uow.tx, committeeId, year);
    if (!ruleSet) {
      const eff = await effectiveRules(uow.tx, committeeId, year);
      const note = eff.source === 'carried_over' ? `考核时沿用 ${eff.ruleSet!.year} 年度规则` : '考核时采用默认规则';
      const saved = await insertRuleSet(uow.tx, committeeId, { year, rules: eff.rules, note, createdBy: caller.actor.userId });
      await uow.audit({ committeeId, action: 'rules.saved', entity: 'rule_set', entityId: saved.id, after: { year, version: saved.version, note, rules: eff.rules } });
      ruleSet = (await latestRuleSet(uow.tx, committeeId, year))!;
    }
    const rules = rulesOf(ruleSet);
    const { rows, summary } = await computeAssessment(uow, committeeId, year, rules, opts.onProgress);
    const by = caller.actor.userId;

    let id: string;
    let revision: number;
    if (latest) {
      id = latest.id;
      revision = latest.revision;
      const diff = await changesSince(uow, committeeId, latest, asOf, rows, summary);
      await updateDraft(uow.tx, committeeId, id, { ruleSetId: ruleSet.id, summary, by, asOf });
      await saveResults(uow, committeeId, id, rows, { fresh: false, onProgress: opts.onProgress });
      await uow.audit({
        committeeId, action: 'assessment.recomputed', entity: 'assessment', entityId: id,
        before: { summary: latest.summary, ruleSetId: latest.ruleSetId }, after: { ruleSetId: ruleSet.id, ...diff },
      });
    } else {
      revision = 1;
      id = await insertAssessment(uow.tx, committeeId, { year, revision, status: 'draft', ruleSetId: ruleSet.id, summary, reason: null, by, asOf });
      await saveResults(uow, committeeId, id, rows, { fresh: true, onProgress: opts.onProgress });
      await uow.audit({ committeeId, action: 'assessment.computed', entity: 'assessment', entityId: id, after: { year, revision, ruleSetId: ruleSet.id, summary } });
    }
    await uow.emit({ type: 'performance.assessment_computed', committeeId, entityId: id, payload: { assessmentId: id, year, revision } });
    return { id, year, revision, status: 'draft' as const, summary };
  });
}
