import { listAttachments } from '../../../platform/attachments.js';
import type { Executor } from '../../../platform/db/unit-of-work.js';
import { AppError, type Lang } from '../../../platform/errors.js';
import { chinaDate } from '../../../platform/time.js';
import { FEEDBACK_FILES, outcomeLabel } from '../commands/outcomes.js';
import { ConsultationErrors as E } from '../consultation.errors.js';
import { isOffice, oversees, unitIdsOf, type Caller } from '../consultation.policy.js';
import { OUTCOME_KINDS, outcomeWorkflow, RECIPIENTS, RESULTS, type Recipient } from '../domain/outcome-workflow.js';
import { findOutcome, instructionsOf, listOutcomes, recommendationsOf, referralsOf, type OutcomeRow } from '../outcomes.repository.js';

/**
 * Staff and leaders see every outcome document; a handling unit's clerk only those referred to
 * its unit, and of the referrals only its own. Anyone else gets a 404.
 */
export async function visibleOutcome(db: Executor, caller: Caller, id: string): Promise<{ o: OutcomeRow; all: boolean }> {
  const o = await findOutcome(db, caller.committeeId, id);
  if (!o) throw new AppError(E['consultation.outcome_not_found']);
  if (oversees(caller)) return { o, all: true };
  const mine = unitIdsOf(caller);
  if (mine.length && (await referralsOf(db, caller.committeeId, id)).some((r) => mine.includes(r.unitId))) return { o, all: false };
  throw new AppError(E['consultation.outcome_not_found']);
}

export async function getOutcome(db: Executor, caller: Caller, id: string, lang: Lang = 'zh') {
  const { o, all } = await visibleOutcome(db, caller, id);
  const mine = unitIdsOf(caller);
  const [recommendations, instructions, referrals] = await Promise.all([
    recommendationsOf(db, caller.committeeId, id), instructionsOf(db, caller.committeeId, id), referralsOf(db, caller.committeeId, id),
  ]);
  const today = chinaDate();
  const shown = all ? referrals : referrals.filter((r) => mine.includes(r.unitId));
  const files = await Promise.all(shown.map((r) => listAttachments(db, caller.committeeId, FEEDBACK_FILES, r.id)));
  const actors = new Set<'office' | 'referred_unit'>(isOffice(caller) ? ['office'] : []);
  if (shown.some((r) => mine.includes(r.unitId) && !r.feedbackAt)) actors.add('referred_unit');
  return {
    ...o,
    label: outcomeLabel(o),
    kindLabel: OUTCOME_KINDS[o.kind],
    stateLabel: outcomeWorkflow.stateLabel(o.state, lang),
    sentToLabels: o.sentTo.map((r) => RECIPIENTS[r as Recipient] ?? r),
    recommendations: recommendations.map((r) => ({ ...r, resultLabel: r.result ? RESULTS[r.result] : null })),
    instructions: all ? instructions : [],
    referrals: shown.map((r, i) => ({ ...r, files: files[i], overdue: !r.feedbackAt && r.deadline < today })),
    abilities: outcomeWorkflow.allowedActions(o.state, actors),
    canEdit: isOffice(caller) && o.state === 'draft',
    canRecordResults: isOffice(caller) && o.state !== 'draft',
  };
}
export type OutcomeView = Awaited<ReturnType<typeof getOutcome>>;

export async function listVisibleOutcomes(db: Executor, caller: Caller, f: { year?: number; kind?: string; planItemId?: string }, lang: Lang = 'zh') {
  const rows = await listOutcomes(db, caller.committeeId, { ...f, ...(oversees(caller) ? {} : { unitIds: unitIdsOf(caller) }) });
  return rows.map((o) => ({ ...o, label: outcomeLabel(o), kindLabel: OUTCOME_KINDS[o.kind], stateLabel: outcomeWorkflow.stateLabel(o.state, lang) }));
}
